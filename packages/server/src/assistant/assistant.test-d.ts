import type { QueryResult, StructuredQuery } from '@inset/core'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type AssistantEngine,
  type AssistantInput,
  type AssistantPlan,
  createBuiltinEngine,
  createOpenAIEngine,
  type InsetRuntime,
  useAssistantEngine,
} from '../index'

describe('assistant public API types', () => {
  it('engines plan a StructuredQuery (never SQL) and narrate its result', () => {
    expectTypeOf(createBuiltinEngine()).toEqualTypeOf<AssistantEngine>()
    expectTypeOf<
      Extract<AssistantPlan, { kind: 'query' }>['query']
    >().toEqualTypeOf<StructuredQuery>()
    expectTypeOf<AssistantEngine['plan']>().parameter(0).toEqualTypeOf<AssistantInput>()
    expectTypeOf<AssistantEngine['narrate']>().parameter(2).toEqualTypeOf<QueryResult>()
    expectTypeOf<AssistantInput['today']>().toEqualTypeOf<string>()
  })

  it('the OpenAI-compatible engine takes the config section; any engine can be plugged in', () => {
    expectTypeOf(createOpenAIEngine).toBeCallableWith({
      url: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini',
      apiKey: 'sk-…',
      timeoutMs: 30_000,
      repairAttempts: 2,
      temperature: 0,
      maxResultRows: 100,
    })
    expectTypeOf(useAssistantEngine).parameters.toEqualTypeOf<[InsetRuntime, AssistantEngine]>()
  })
})
