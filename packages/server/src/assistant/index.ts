// The AI data assistant: engines turn questions into StructuredQueries (never SQL); the routes run
// them with the asker's row-level security and stream the answer as server-sent events.
export { createBuiltinEngine, interpretQuestion } from './builtin/builtin-engine'
export { chartFor } from './chart-for'
export { describeQuery } from './describe-query'
export type { AssistantEngine, AssistantInput, AssistantIO, AssistantPlan } from './engine'
export { assistantEngineOf, useAssistantEngine } from './engine-for-runtime'
export { askAssistant, assistantSuggestions } from './http/assistant-routes'
export type { OpenAIEngineOptions } from './openai/openai-engine'
export { createOpenAIEngine } from './openai/openai-engine'
export { followUpQuestions, starterQuestions } from './suggestions'
export { parseTimeExpressions } from './time/time-expressions'
