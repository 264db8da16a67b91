// The built-in engine's evaluation: every question of EVALUATION_SET goes through POST /v1/assistant
// over real HTTP with a real signed token; its `result` must equal the rows of the case's own SQL
// (rounded to the cent). Prints the accuracy; at least 90% must match exactly.
import type { CellValue } from '@inset/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoToken } from '../tokens'
import { type AssistantServer, ask, startAssistantServer } from './ask'
import { EVALUATION_SET, type EvaluationCase } from './evaluation-set'

const SCOPES = {
  alice: "tenant_id = 'acme' AND region IN ('EU', 'NA', 'APAC')",
  bob: "tenant_id = 'globex' AND region IN ('EU')",
} as const

const REQUIRED_ACCURACY = 0.9
const CONCURRENCY = 4
// Generous limits: the whole package's suites share two cores in CI.
const TIMEOUT_MS = 60_000

const normalize = (rows: CellValue[][]) =>
  rows.map((row) =>
    row.map((cell) => (typeof cell === 'number' ? Math.round(cell * 100) / 100 : cell)),
  )

/** No rows, or one row of nothing (an aggregate over no rows). */
const isEmpty = (rows: CellValue[][]) =>
  rows.length === 0 ||
  (rows.length === 1 && (rows[0] ?? []).every((cell) => cell === null || cell === 0))

interface Outcome {
  question: string
  match: boolean
  detail: string
}

async function evaluate(
  server: AssistantServer,
  user: keyof typeof SCOPES,
  cases: EvaluationCase[],
): Promise<Outcome[]> {
  const token = await demoToken(user)
  const one = async ({ question, sql }: EvaluationCase): Promise<Outcome> => {
    const expected = normalize(await server.sql(sql.replaceAll('{S}', SCOPES[user])))
    const answer = await ask(server.url, token, { question })
    const result = answer.of('result')
    const actual = result ? normalize(result.rows) : undefined
    // A question naming something the asker cannot see may be refused: right only when nothing is there.
    const match = actual
      ? JSON.stringify(actual) === JSON.stringify(expected)
      : answer.status === 200 && isEmpty(expected) && answer.of('done') !== undefined
    return {
      question,
      match,
      detail: match
        ? ''
        : `expected ${JSON.stringify(expected).slice(0, 300)}, got ${actual ? JSON.stringify(actual).slice(0, 300) : `no result: ${answer.text.slice(0, 200)}`} (${answer.of('query')?.description ?? 'no query'})`,
    }
  }
  const outcomes: Outcome[] = []
  for (let at = 0; at < cases.length; at += CONCURRENCY)
    outcomes.push(...(await Promise.all(cases.slice(at, at + CONCURRENCY).map(one))))
  return outcomes
}

function report(user: string, outcomes: Outcome[]): number {
  const matched = outcomes.filter((o) => o.match).length
  const accuracy = matched / outcomes.length
  const misses = outcomes.filter((o) => !o.match).map((o) => `\n  ✗ ${o.question}: ${o.detail}`)
  console.log(
    `assistant evaluation (built-in engine, ${user}): ${matched}/${outcomes.length} exact matches, accuracy ${(accuracy * 100).toFixed(1)}%${misses.join('')}`,
  )
  return accuracy
}

describe('built-in engine evaluation over the demo data', () => {
  let server: AssistantServer
  beforeAll(async () => {
    server = await startAssistantServer()
  }, TIMEOUT_MS)
  afterAll(async () => {
    await server?.close()
  })

  it(`has at least 40 questions with answers written as SQL`, () => {
    expect(EVALUATION_SET.length).toBeGreaterThanOrEqual(40)
    expect(new Set(EVALUATION_SET.map((c) => c.question)).size).toBe(EVALUATION_SET.length)
  })

  it(
    'answers alice (tenant acme, every region) exactly',
    async () => {
      const accuracy = report('alice', await evaluate(server, 'alice', EVALUATION_SET))
      expect(accuracy).toBeGreaterThanOrEqual(REQUIRED_ACCURACY)
    },
    TIMEOUT_MS,
  )

  it(
    'answers the same questions for bob with globex/EU numbers only',
    async () => {
      const accuracy = report('bob', await evaluate(server, 'bob', EVALUATION_SET))
      expect(accuracy).toBeGreaterThanOrEqual(REQUIRED_ACCURACY)
    },
    TIMEOUT_MS,
  )
})
