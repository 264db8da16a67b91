// The held-out set (held-out-set-2026-12-01.ts) through the OpenAI-compatible engine: with a
// scripted stand-in for the model (scripted-model.ts, the built-in reading behind the tool call)
// it checks the engine's whole path — prompt with scope and tile, tool schema with `analysis`,
// validation, RLS, the same refusals — and must score like the built-in engine. With
// INSET_TEST_OPENAI_URL (and INSET_TEST_OPENAI_MODEL, INSET_TEST_OPENAI_KEY) it asks that real
// endpoint instead and prints the score (a real model's score is a measurement, not a gate).
import { type AssistantServer, startAssistantServer } from './ask'
import { startChatFixture } from './chat-fixture'
import { describeQuestionSet } from './describe-question-set'
import { HELD_OUT_SET } from './held-out-set-2026-12-01'
import { builtinAsModel } from './scripted-model'

const REAL = process.env.INSET_TEST_OPENAI_URL

/** The demo server with the OpenAI engine, on the real endpoint or on a scripted fixture. */
async function startOpenAiServer(): Promise<AssistantServer> {
  const fixture = REAL ? undefined : await startChatFixture()
  fixture?.serve(builtinAsModel())
  const server = await startAssistantServer(
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
    50_000,
  )
  return {
    ...server,
    async close() {
      await server.close()
      await fixture?.close()
    },
  }
}

describeQuestionSet(
  `the held-out set through the OpenAI-compatible engine (${REAL ? 'a real endpoint' : 'scripted model'})`,
  HELD_OUT_SET,
  { required: REAL ? undefined : 0.9, start: startOpenAiServer, timeoutMs: 300_000 },
)
