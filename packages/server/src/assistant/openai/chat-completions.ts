import { createSseParser } from '@inset/core'
import { ServerError } from '../../errors'

/** A message of the chat-completions protocol. */
export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string }

export interface ToolCall {
  id: string
  type: 'function'
  function: { name: string; arguments: string }
}

/** A whole reply, assembled from streamed deltas (or read from a non-streamed completion). */
export interface ChatReply {
  content: string
  toolCalls: ToolCall[]
  finishReason: string | null
}

export interface ChatRequestOptions {
  /** The `/chat/completions` URL. */
  endpoint: string
  apiKey?: string
  /** Longest wait for the first byte and between two chunks. */
  timeoutMs: number
  signal: AbortSignal
  /** Called with every piece of text as it streams. */
  onContent?: (delta: string) => void
  fetch?: typeof fetch
}

/** A reply the server cannot use: always `server`, with what was wrong. */
export function malformed(what: string, cause?: unknown): ServerError {
  return new ServerError('server', `The language model endpoint sent a malformed reply: ${what}`, {
    status: 502,
    ...(cause !== undefined && { cause }),
  })
}

function statusError(status: number, text: string): ServerError {
  const detail = text.slice(0, 200).replace(/\s+/g, ' ').trim()
  const suffix = detail ? `: ${detail}` : ''
  if (status === 429)
    return new ServerError(
      'rate_limited',
      `The language model endpoint is rate limited (429)${suffix}`,
    )
  if (status === 401 || status === 403)
    return new ServerError(
      'server',
      `The language model endpoint refused the API key (${status})`,
      { status: 502 },
    )
  return new ServerError('server', `The language model endpoint answered ${status}${suffix}`, {
    status: 502,
  })
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Folds one completion chunk (or a whole completion's `message`) into the reply. */
function absorb(reply: ChatReply, delta: unknown, onContent?: (delta: string) => void): void {
  if (!isRecord(delta)) throw malformed('a choice without a delta')
  if (typeof delta.content === 'string' && delta.content) {
    reply.content += delta.content
    onContent?.(delta.content)
  }
  if (delta.tool_calls === undefined || delta.tool_calls === null) return
  if (!Array.isArray(delta.tool_calls)) throw malformed('tool_calls is not a list')
  delta.tool_calls.forEach((part: unknown, position) => {
    if (!isRecord(part)) throw malformed('a tool call is not an object')
    const index = typeof part.index === 'number' ? part.index : position
    const fn = isRecord(part.function) ? part.function : {}
    const call = reply.toolCalls[index] ?? {
      id: '',
      type: 'function',
      function: { name: '', arguments: '' },
    }
    reply.toolCalls[index] = call
    if (typeof part.id === 'string') call.id = part.id
    if (typeof fn.name === 'string') call.function.name += fn.name
    if (typeof fn.arguments === 'string') call.function.arguments += fn.arguments
  })
}

function upstreamError(body: Record<string, unknown>): ServerError {
  const error = body.error
  const message =
    isRecord(error) && typeof error.message === 'string' ? error.message : 'unknown error'
  return new ServerError('server', `The language model endpoint failed: ${message.slice(0, 200)}`, {
    status: 502,
  })
}

async function readStream(
  response: Response,
  rearm: () => void,
  onContent?: (delta: string) => void,
): Promise<ChatReply> {
  const reply: ChatReply = { content: '', toolCalls: [], finishReason: null }
  let done = false
  const feed = createSseParser((_event, data) => {
    if (data.trim() === '[DONE]') {
      done = true
      return
    }
    let chunk: unknown
    try {
      chunk = JSON.parse(data)
    } catch (error) {
      throw malformed('an event is not JSON', error)
    }
    if (!isRecord(chunk)) throw malformed('an event is not an object')
    if (chunk.error !== undefined) throw upstreamError(chunk)
    if (!Array.isArray(chunk.choices)) throw malformed('an event has no choices')
    const [choice] = chunk.choices as unknown[]
    if (choice === undefined) return
    if (!isRecord(choice)) throw malformed('a choice is not an object')
    absorb(reply, choice.delta ?? {}, onContent)
    if (typeof choice.finish_reason === 'string') reply.finishReason = choice.finish_reason
  })
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  try {
    for (;;) {
      const { value, done: ended } = await reader.read()
      if (ended) break
      rearm()
      feed(decoder.decode(value, { stream: true }))
      if (done) break
    }
    feed(`${decoder.decode()}\n\n`)
  } finally {
    reader.cancel().catch(() => {})
  }
  if (!done && reply.finishReason === null) throw malformed('the stream ended before the reply did')
  if (reply.toolCalls.some((call) => call === undefined || !call.function.name))
    throw malformed('a tool call has no name')
  return { ...reply, toolCalls: reply.toolCalls.filter(Boolean) }
}

/** A non-streamed completion, for endpoints that ignore `stream: true`. */
function readCompletion(body: unknown, onContent?: (delta: string) => void): ChatReply {
  if (!isRecord(body)) throw malformed('the body is not an object')
  if (body.error !== undefined) throw upstreamError(body)
  const choice = Array.isArray(body.choices) ? (body.choices[0] as unknown) : undefined
  if (!isRecord(choice) || !isRecord(choice.message))
    throw malformed('the completion has no message')
  const reply: ChatReply = { content: '', toolCalls: [], finishReason: null }
  absorb(reply, choice.message, onContent)
  reply.finishReason = typeof choice.finish_reason === 'string' ? choice.finish_reason : 'stop'
  return reply
}

/**
 * Sends one chat-completions request (`stream: true`) and assembles the reply from its SSE
 * deltas, text and tool calls alike, calling `onContent` as text arrives. Failures are
 * `ServerError`s: `network` (unreachable), `timeout` (no byte for `timeoutMs`), `rate_limited`
 * (429), `server` (other statuses, malformed replies).
 *
 * @example
 * const reply = await requestChat({ model: 'gpt-4o-mini', messages, stream: true }, { endpoint, timeoutMs: 30_000, signal })
 */
export async function requestChat(
  body: Record<string, unknown>,
  options: ChatRequestOptions,
): Promise<ChatReply> {
  const controller = new AbortController()
  let timedOut = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const rearm = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, options.timeoutMs)
  }
  const stop = () => controller.abort()
  options.signal.addEventListener('abort', stop, { once: true })
  if (options.signal.aborted) controller.abort()
  rearm()
  try {
    let response: Response
    try {
      response = await (options.fetch ?? fetch)(options.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream, application/json',
          ...(options.apiKey && { authorization: `Bearer ${options.apiKey}` }),
        },
        body: JSON.stringify(body),
        signal: controller.signal,
      })
    } catch (error) {
      if (timedOut || options.signal.aborted) throw error
      throw new ServerError('network', 'The language model endpoint is unreachable', {
        cause: error,
      })
    }
    rearm()
    if (!response.ok) throw statusError(response.status, await response.text().catch(() => ''))
    const type = response.headers.get('content-type') ?? ''
    if (type.includes('text/event-stream'))
      return await readStream(response, rearm, options.onContent)
    if (type.includes('json')) {
      let parsed: unknown
      try {
        parsed = await response.json()
      } catch (error) {
        if (timedOut || options.signal.aborted) throw error
        throw malformed('the body is not JSON', error)
      }
      return readCompletion(parsed, options.onContent)
    }
    throw malformed(`unexpected content type "${type.slice(0, 80)}"`)
  } catch (error) {
    if (timedOut)
      throw new ServerError(
        'timeout',
        `The language model endpoint did not answer within ${options.timeoutMs} ms`,
        {
          cause: error,
        },
      )
    if (options.signal.aborted)
      throw new ServerError('timeout', 'The answer was aborted', { cause: error })
    throw error
  } finally {
    clearTimeout(timer)
    options.signal.removeEventListener('abort', stop)
  }
}
