// The development set of issue 17 (dev-set.ts), the questions the engine is tuned against, asked
// over HTTP as alice and as bob; 0 rows outside the asker's scope (a leak throws in `ask`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Oracle, oracle } from '../oracle'
import { demoToken } from '../tokens'
import { type AssistantServer, startAssistantServer } from './ask'
import { DEV_SET } from './dev-set'
import { type CaseOutcome, report, scoreCase, type User } from './question-set'

const ROWS = 50_000
const REQUIRED = 0.9
const TIMEOUT_MS = 180_000

describe('the development set of issue 17', () => {
  let server: AssistantServer
  let truth: Oracle
  const tokens: Partial<Record<User, string>> = {}
  beforeAll(async () => {
    truth = await oracle(ROWS)
    server = await startAssistantServer(undefined, ROWS)
    tokens.alice = await demoToken('alice')
    tokens.bob = await demoToken('bob')
  }, 60_000)
  afterAll(async () => {
    await server?.close()
  })

  it('has at least 30 distinct questions', () => {
    expect(DEV_SET.length).toBeGreaterThanOrEqual(30)
    const keys = DEV_SET.map((c) => JSON.stringify([c.conversation, c.context, c.question]))
    expect(new Set(keys).size).toBe(DEV_SET.length)
  })

  it.each(['alice', 'bob'] as const)(
    `scores at least ${REQUIRED * 100}% as %s`,
    async (user) => {
      const outcomes: CaseOutcome[] = []
      for (const item of DEV_SET)
        outcomes.push(await scoreCase(server, truth, tokens[user] ?? '', user, item))
      const text = report(`dev as ${user}`, outcomes)
      console.log(text)
      const right = outcomes.filter((o) => o.miss === undefined).length
      expect(right / outcomes.length, text).toBeGreaterThanOrEqual(REQUIRED)
    },
    TIMEOUT_MS,
  )
})
