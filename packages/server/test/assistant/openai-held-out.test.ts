// The held-out set (held-out-set-2026-12-01.ts) through the OpenAI-compatible engine: with a
// scripted stand-in for the model (scripted-model.ts, the built-in reading behind the tool call)
// it checks the engine's whole path — prompt with scope and tile, tool schema with `analysis`,
// validation, RLS, the same refusals — and must score like the built-in engine. With
// INSET_TEST_OPENAI_URL (and INSET_TEST_OPENAI_MODEL, INSET_TEST_OPENAI_KEY) it asks that real
// endpoint instead and prints the score (a real model's score is a measurement, not a gate).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Oracle, oracle } from '../oracle'
import { demoToken } from '../tokens'
import { type AssistantServer, startAssistantServer } from './ask'
import { type ChatFixture, startChatFixture } from './chat-fixture'
import { HELD_OUT_SET } from './held-out-set-2026-12-01'
import { type CaseOutcome, report, scoreCase, type User } from './question-set'
import { builtinAsModel } from './scripted-model'

const ROWS = 50_000
const REQUIRED = 0.9
const TIMEOUT_MS = 300_000
const REAL = process.env.INSET_TEST_OPENAI_URL

describe(`the held-out set through the OpenAI-compatible engine (${REAL ? 'a real endpoint' : 'scripted model'})`, () => {
  let fixture: ChatFixture | undefined
  let server: AssistantServer
  let truth: Oracle
  const tokens: Partial<Record<User, string>> = {}
  beforeAll(async () => {
    truth = await oracle(ROWS)
    if (!REAL) {
      fixture = await startChatFixture()
      fixture.serve(builtinAsModel())
    }
    server = await startAssistantServer(
      (config) => ({
        ...config,
        assistant: {
          ...config.assistant,
          engine: 'openai',
          openai: {
            url: REAL ?? fixture?.url ?? '',
            model: process.env.INSET_TEST_OPENAI_MODEL ?? 'fixture-model',
            ...(process.env.INSET_TEST_OPENAI_KEY && { apiKey: process.env.INSET_TEST_OPENAI_KEY }),
            timeoutMs: 60_000,
          },
        },
      }),
      ROWS,
    )
    tokens.alice = await demoToken('alice')
    tokens.bob = await demoToken('bob')
  }, 60_000)
  afterAll(async () => {
    await server?.close()
    await fixture?.close()
  })

  it.each(['alice', 'bob'] as const)(
    `scores at least ${REQUIRED * 100}% as %s`,
    async (user) => {
      const outcomes: CaseOutcome[] = []
      for (const item of HELD_OUT_SET)
        outcomes.push(await scoreCase(server, truth, tokens[user] ?? '', user, item))
      const text = report(`held-out through the OpenAI engine as ${user}`, outcomes)
      console.log(text)
      const right = outcomes.filter((o) => o.miss === undefined).length
      if (!REAL) expect(right / outcomes.length, text).toBeGreaterThanOrEqual(REQUIRED)
    },
    TIMEOUT_MS,
  )
})
