// The built-in engine's evaluation: every question of EVALUATION_SET goes through POST /v1/assistant
// over real HTTP with a real signed token, as alice and as bob, on DuckDB and on PostgreSQL. Each
// case is its own test: its `result` must equal the rows of the case's SQL, computed by the oracle
// (a DuckDB of the test's own over the same generated rows, ../oracle.ts), rounded to the cent.
// Every answer's rows also pass the hard row-level-security check (../scope.ts, in `ask`): a leak
// is a failure, never one accuracy miss among many. The only cases allowed to miss are listed in
// KNOWN_MISSES with the date they were recorded; a known miss that starts matching fails too, so
// the list stays true. A refusal (no result) counts as right only for cases marked `refusal`.
import type { CellValue } from '@inset/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../backends'
import { cents, difference, type Oracle, oracle } from '../oracle'
import { BOB_SCOPE, scopeSql } from '../scope'
import { demoToken } from '../tokens'
import { type AssistantServer, ask, startAssistantServer } from './ask'
import { EVALUATION_SET, type EvaluationCase } from './evaluation-set'

const ROWS = 50_000
const SCOPES = {
  alice: "tenant_id = 'acme' AND region IN ('EU', 'NA', 'APAC')",
  bob: scopeSql(BOB_SCOPE),
} as const

/** Cases the engine answers wrongly today, with the date they were recorded and why. */
export const KNOWN_MISSES: Record<string, { since: string; why: string }> = {
  'How did revenue develop over the last 6 months?': {
    since: '2026-11-21',
    why: '"develop" is not in the vocabulary; the engine says so instead of guessing',
  },
}

// Generous limits: the whole package's suites share two cores in CI.
const TIMEOUT_MS = 60_000

const normalize = (rows: CellValue[][]) => rows.map((row) => row.map(cents))

async function outcome(
  server: AssistantServer,
  truth: Oracle,
  token: string,
  user: keyof typeof SCOPES,
  { question, sql, refusal }: EvaluationCase,
): Promise<string | undefined> {
  const expected = normalize(await truth.sql(sql.replaceAll('{S}', SCOPES[user])))
  const answer = await ask(server.url, token, { question })
  if (answer.status !== 200) return `status ${answer.status}: ${JSON.stringify(answer.body)}`
  const result = answer.of('result')
  if (!result) {
    // Only a question naming what the asker cannot see may be refused, and only when nothing is there.
    if (
      refusal &&
      expected.length <= 1 &&
      expected.every((r) => r.every((c) => c === null || c === 0)) &&
      answer.of('done')
    )
      return undefined
    return `no result: ${answer.text.slice(0, 200)}`
  }
  const diff = difference(normalize(result.rows), expected)
  return diff && `${diff} (${answer.of('query')?.description ?? 'no query'})`
}

describe('the evaluation set', () => {
  it('has at least 40 distinct questions with answers written as SQL', () => {
    expect(EVALUATION_SET.length).toBeGreaterThanOrEqual(40)
    expect(new Set(EVALUATION_SET.map((c) => c.question)).size).toBe(EVALUATION_SET.length)
    // Every known miss is a question of the set, dated.
    for (const [question, miss] of Object.entries(KNOWN_MISSES)) {
      expect(EVALUATION_SET.some((c) => c.question === question)).toBe(true)
      expect(miss.since).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
  })
})

describe.each(BACKENDS)('built-in engine evaluation on %s', (_name, backend, skipReason) => {
  let server: AssistantServer
  let truth: Oracle
  const tokens: Record<string, string> = {}
  beforeAll(async () => {
    if (skipReason) return
    truth = await oracle(ROWS)
    server = await startAssistantServer(undefined, ROWS, backend)
    tokens.alice = await demoToken('alice')
    tokens.bob = await demoToken('bob')
  }, TIMEOUT_MS)
  afterAll(async () => {
    await server?.close()
  })

  describe.each(['alice', 'bob'] as const)('as %s', (user) => {
    describe.concurrent.each(EVALUATION_SET.map((c) => [c.question, c] as const))(
      '%s',
      (question, evaluationCase) => {
        const known = KNOWN_MISSES[question]
        if (known) {
          it.skipIf(skipReason)(
            `is a known miss since ${known.since} (${known.why}): fails when it starts matching`,
            async () => {
              const miss = await outcome(server, truth, tokens[user] ?? '', user, evaluationCase)
              expect(miss, 'now answered exactly: remove it from KNOWN_MISSES').toBeDefined()
            },
            TIMEOUT_MS,
          )
        } else {
          it.skipIf(skipReason)(
            'is answered exactly',
            async () => {
              const miss = await outcome(server, truth, tokens[user] ?? '', user, evaluationCase)
              expect(miss).toBeUndefined()
            },
            TIMEOUT_MS,
          )
        }
      },
    )
  })
})
