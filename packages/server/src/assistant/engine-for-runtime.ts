import type { InsetRuntime } from '../runtime'
import { createBuiltinEngine } from './builtin/builtin-engine'
import type { AssistantEngine } from './engine'
import { createOpenAIEngine } from './openai/openai-engine'

const engines = new WeakMap<InsetRuntime, AssistantEngine>()

/** The engine configured in `assistant.engine`, made once per runtime. */
export function assistantEngineOf(runtime: InsetRuntime): AssistantEngine {
  let engine = engines.get(runtime)
  if (!engine) {
    const { assistant } = runtime.config
    engine =
      assistant.engine === 'openai' && assistant.openai
        ? createOpenAIEngine(assistant.openai, { logger: runtime.logger })
        : createBuiltinEngine()
    engines.set(runtime, engine)
  }
  return engine
}

/**
 * Replaces the engine of a running server, e.g. with your own {@link AssistantEngine}.
 *
 * @example
 * useAssistantEngine(server.runtime, myEngine)
 */
export function useAssistantEngine(runtime: InsetRuntime, engine: AssistantEngine): void {
  engines.set(runtime, engine)
}
