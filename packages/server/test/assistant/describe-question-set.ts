// One vitest suite per question set (dev-set.ts, held-out-*.ts): a demo server over real HTTP,
// real signed tokens for alice and bob, the oracle's answers, and one scored test per user that
// prints the score and the misses by class. Row-level security stays a hard failure: `ask` throws
// on any row outside the asker's scope, which fails the test whatever the score.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Oracle, oracle } from '../oracle'
import { demoToken } from '../tokens'
import { type AssistantServer, startAssistantServer } from './ask'
import { type CaseOutcome, type QuestionCase, report, scoreCase, type User } from './question-set'

const ROWS = 50_000
const USERS = ['alice', 'bob'] as const satisfies readonly User[]

export interface QuestionSetOptions {
  /** The least share of right answers for each user; `undefined` prints the score without a gate. */
  required: number | undefined
  /** The least number of questions, all distinct (checked in a test of its own when given). */
  atLeast?: number
  /** Starts the server to ask (default: the built-in engine on 50,000 demo orders). */
  start?: () => Promise<AssistantServer>
  /** Per-user time limit in milliseconds (default 180 s: the suites share two cores). */
  timeoutMs?: number
}

/**
 * Declares the suite of one question set.
 *
 * @example
 * describeQuestionSet('the development set of issue 17', DEV_SET, { required: 0.9, atLeast: 30 })
 */
export function describeQuestionSet(
  name: string,
  cases: readonly QuestionCase[],
  options: QuestionSetOptions,
): void {
  const { required, atLeast, timeoutMs = 180_000 } = options
  const start = options.start ?? (() => startAssistantServer(undefined, ROWS))
  describe(name, () => {
    let server: AssistantServer | undefined
    let truth: Oracle
    const tokens: Partial<Record<User, string>> = {}
    beforeAll(async () => {
      truth = await oracle(ROWS)
      server = await start()
      for (const user of USERS) tokens[user] = await demoToken(user)
    }, 60_000)
    afterAll(async () => {
      await server?.close()
    })

    if (atLeast !== undefined)
      it(`has at least ${atLeast} distinct questions`, () => {
        expect(cases.length).toBeGreaterThanOrEqual(atLeast)
        const keys = cases.map((c) => JSON.stringify([c.conversation, c.context, c.question]))
        expect(new Set(keys).size).toBe(cases.length)
      })

    it.each(USERS)(
      required === undefined ? 'is scored as %s' : `scores at least ${required * 100}% as %s`,
      async (user) => {
        if (!server) throw new Error('no server')
        const outcomes: CaseOutcome[] = []
        for (const item of cases)
          outcomes.push(await scoreCase(server, truth, tokens[user] ?? '', user, item))
        const text = report(`${name} as ${user}`, outcomes)
        console.log(text)
        const right = outcomes.filter((o) => o.miss === undefined).length
        if (required !== undefined)
          expect(right / outcomes.length, text).toBeGreaterThanOrEqual(required)
      },
      timeoutMs,
    )
  })
}
