import { ServerError } from '../../errors'
import type { Logger } from '../../logger'
import { readOnlyMessage } from '../builtin/build-query'
import { asksToWrite } from '../builtin/builtin-engine'
import { describeAnalysis, describeQuery } from '../describe-query'
import type { AssistantEngine, AssistantInput, AssistantIO } from '../engine'
import { summarizeResult } from '../summarize-result'
import { type ChatMessage, requestChat, type ToolCall } from './chat-completions'
import { checkToolCall, QUERY_TOOL, queryTool, resultForModel, systemPrompt } from './query-tool'

/** `assistant.openai` of the server configuration. */
export interface OpenAIEngineOptions {
  url: string
  model: string
  apiKey?: string
  timeoutMs: number
  repairAttempts: number
  temperature: number
  maxResultRows: number
}

/** Turns of the conversation the model is shown. */
const HISTORY_TURNS = 10

interface Conversation {
  messages: ChatMessage[]
  call: ToolCall
}

function endpointOf(url: string): string {
  const base = url.replace(/\/+$/, '')
  return base.endsWith('/chat/completions') ? base : `${base}/chat/completions`
}

/**
 * An engine for any OpenAI-compatible chat-completions endpoint. The model gets one tool,
 * `run_query`, whose JSON schema is a StructuredQuery over the dataset; its arguments go through
 * the same validation as every query (a refused call is sent back to the model to fix, at most
 * `repairAttempts` times); the server runs the query with the asker's row-level security and shows
 * the model that result only. Text streams back as it arrives.
 *
 * @example
 * const engine = createOpenAIEngine({ url: 'https://api.openai.com/v1', model: 'gpt-4o-mini',
 *   apiKey: process.env.OPENAI_API_KEY, timeoutMs: 30_000, repairAttempts: 2, temperature: 0, maxResultRows: 100 })
 */
export function createOpenAIEngine(
  options: OpenAIEngineOptions,
  environment: { logger?: Logger; fetch?: typeof fetch } = {},
): AssistantEngine {
  const endpoint = endpointOf(options.url)

  function chat(
    input: AssistantInput,
    messages: ChatMessage[],
    io: AssistantIO,
    toolChoice: 'auto' | 'none',
  ) {
    return requestChat(
      {
        model: options.model,
        messages,
        tools: [queryTool(input.dataset, input.maxRows)],
        tool_choice: toolChoice,
        temperature: options.temperature,
        stream: true,
      },
      {
        endpoint,
        timeoutMs: options.timeoutMs,
        signal: io.signal,
        onContent: io.text,
        ...(options.apiKey !== undefined && { apiKey: options.apiKey }),
        ...(environment.fetch && { fetch: environment.fetch }),
      },
    )
  }

  return {
    name: 'openai',
    async plan(input, io) {
      // The same refusal as the built-in engine's, without asking the model.
      if (asksToWrite(input.question)) {
        io.text(readOnlyMessage(input.dataset))
        return { kind: 'reply' }
      }
      const messages: ChatMessage[] = [
        { role: 'system', content: systemPrompt(input) },
        ...input.history
          .slice(-HISTORY_TURNS)
          .map((turn) => ({ role: turn.role, content: turn.content })),
        { role: 'user', content: input.question },
      ]
      for (let attempt = 0; ; attempt++) {
        const reply = await chat(input, messages, io, 'auto')
        const [call, ...others] = reply.toolCalls
        if (!call) {
          if (!reply.content.trim())
            throw new ServerError('server', 'The language model sent an empty reply', {
              status: 502,
            })
          return { kind: 'reply' }
        }
        const checked = checkToolCall(input, call.function.name, call.function.arguments)
        if ('query' in checked) {
          const conversation: Conversation = { messages, call }
          return {
            kind: 'query',
            query: checked.query,
            explanation: checked.analysis
              ? describeAnalysis(input.dataset, checked.query, checked.analysis)
              : describeQuery(input.dataset, checked.query),
            ...(checked.analysis && { analysis: checked.analysis }),
            state: conversation,
          }
        }
        environment.logger?.warn(
          { attempt, problem: checked.problem },
          'assistant: tool call refused',
        )
        if (attempt >= options.repairAttempts) {
          throw new ServerError(
            'query',
            `The language model did not produce a valid query: ${checked.problem}`,
            {
              status: 502,
            },
          )
        }
        messages.push(
          { role: 'assistant', content: reply.content || null, tool_calls: reply.toolCalls },
          {
            role: 'tool',
            tool_call_id: call.id,
            content: `Refused: ${checked.problem}. Call ${QUERY_TOOL} again with a corrected query.`,
          },
          ...others.map((other) => ({
            role: 'tool' as const,
            tool_call_id: other.id,
            content: 'Not run: one query per answer.',
          })),
        )
      }
    },
    async narrate(input, plan, result, io) {
      const { messages, call } = plan.state as Conversation
      const reply = await chat(
        input,
        [
          ...messages,
          { role: 'assistant', content: null, tool_calls: [call] },
          {
            role: 'tool',
            tool_call_id: call.id,
            content: resultForModel(result, options.maxResultRows),
          },
        ],
        io,
        'none',
      )
      // A model that answers with nothing still leaves the user an answer in words.
      if (!reply.content.trim()) io.text(summarizeResult(result))
      return {}
    },
  }
}
