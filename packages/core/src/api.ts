import { InsetError, isInsetErrorCode } from './errors'
import { createSseParser } from './sse'
import { abortable, defaultScheduler, type Scheduler } from './timing'
import type { TokenSource } from './token-source'
import type {
  AssistantEventMap,
  AssistantRequest,
  AssistantSuggestions,
  DashboardDefinition,
  ErrorBody,
  QueryResult,
  TileQueryRequest,
} from './wire'

export interface RequestOptions {
  signal?: AbortSignal
  /** Overrides the client's timeout: time to answer, and the longest pause of a stream. */
  timeoutMs?: number
}

/** One event of the assistant's stream, e.g. `{ event: 'text', data: { delta: 'Rev' } }`. */
export type AssistantEvent = {
  [Name in keyof AssistantEventMap]: { event: Name; data: AssistantEventMap[Name] }
}[keyof AssistantEventMap]

/** Typed calls to the embed routes of Server API v1; every failure is an `InsetError`. */
export interface InsetApi {
  getDashboard(id: string, options?: RequestOptions): Promise<DashboardDefinition>
  queryTile(
    dashboardId: string,
    tileId: string,
    request?: TileQueryRequest,
    options?: RequestOptions,
  ): Promise<QueryResult>
  /** Streams the answer; an `error` event is yielded, a failed request is thrown. */
  ask(request: AssistantRequest, options?: RequestOptions): AsyncIterable<AssistantEvent>
  getSuggestions(dashboardId?: string, options?: RequestOptions): Promise<AssistantSuggestions>
}

export interface ApiClientOptions {
  serverUrl: string
  tokens: TokenSource
  fetch?: typeof fetch
  /** Default 30 s. */
  timeoutMs?: number
  scheduler?: Scheduler
}

const STATUS_CODES: Record<number, InsetError['code']> = {
  401: 'invalid_token',
  403: 'forbidden',
  404: 'not_found',
  408: 'timeout',
  429: 'rate_limited',
}

function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined
  const seconds = Number(header)
  const ms = Number.isNaN(seconds) ? new Date(header).getTime() - now : seconds * 1000
  return Number.isNaN(ms) ? undefined : Math.max(0, ms)
}

/** Maps an error answer (`{ error: { code, message } }`) to an `InsetError`. */
async function answerError(response: Response): Promise<InsetError> {
  const { status } = response
  let body: Partial<ErrorBody> | undefined
  try {
    body = (await response.json()) as Partial<ErrorBody>
  } catch {}
  const code = body?.error?.code
  return new InsetError(
    isInsetErrorCode(code)
      ? code
      : (STATUS_CODES[status] ?? (status >= 500 ? 'server' : 'bad_request')),
    body?.error?.message || `The Inset server answered ${status}`,
    { status, retryAfter: retryAfterMs(response.headers.get('retry-after'), Date.now()) },
  )
}

function checkId(value: unknown, name: string) {
  if (typeof value !== 'string' || !value) {
    throw new InsetError('bad_request', `${name} must be a non-empty string`)
  }
  return encodeURIComponent(value)
}

/**
 * Creates the client of the embed routes. `createInset()` makes one for you (`inset.api`).
 *
 * @example
 * const api = createApiClient({ serverUrl: 'https://inset.example.com', tokens })
 * const definition = await api.getDashboard('sales-overview')
 */
export function createApiClient(options: ApiClientOptions): InsetApi {
  const { tokens, scheduler = defaultScheduler } = options
  const base = options.serverUrl.replace(/\/+$/, '')

  /**
   * Sends one request with the current token; on `token_expired` refreshes once and replays once.
   * The exchange's timer restarts on every `touch()` so that a stream times out only when it stalls.
   */
  async function open(path: string, body: unknown, request: RequestOptions, accept: string) {
    const timeoutMs = request.timeoutMs ?? options.timeoutMs ?? 30_000
    const outer = request.signal
    const controller = new AbortController()
    const onAbort = () => controller.abort(outer?.reason)
    if (outer?.aborted) onAbort()
    outer?.addEventListener('abort', onAbort)
    let timer: unknown
    let timedOut = false
    const exchange = {
      signal: controller.signal,
      touch() {
        scheduler.clearTimeout(timer)
        timer = scheduler.setTimeout(() => {
          timedOut = true
          controller.abort(new InsetError('timeout', `No answer within ${timeoutMs} ms`))
        }, timeoutMs)
      },
      close() {
        scheduler.clearTimeout(timer)
        outer?.removeEventListener('abort', onAbort)
      },
      /** What the caller sees for a failure of this exchange. */
      fail(error: unknown): unknown {
        if (timedOut) return new InsetError('timeout', `No answer within ${timeoutMs} ms`)
        if (outer?.aborted) return outer.reason
        if (error instanceof InsetError) return error
        return new InsetError('network', 'Could not reach the Inset server', { cause: error })
      },
    }
    try {
      for (let replay = 0; ; replay++) {
        const token = await abortable(tokens.getToken(), controller.signal)
        exchange.touch()
        const doFetch = options.fetch ?? fetch
        const response = await doFetch(base + path, {
          method: body === undefined ? 'GET' : 'POST',
          headers: {
            accept,
            authorization: `Bearer ${token}`,
            ...(body !== undefined && { 'content-type': 'application/json' }),
          },
          body: body === undefined ? null : JSON.stringify(body),
          signal: controller.signal,
        })
        const date = response.headers.get('date')
        if (date) tokens.reportServerDate(date)
        if (response.ok) return { response, exchange }
        const error = await answerError(response)
        if (error.code !== 'token_expired' || replay) throw error
        await tokens.handleExpired(token)
      }
    } catch (error) {
      exchange.close()
      throw exchange.fail(error)
    }
  }

  async function json<T>(path: string, body: unknown, request: RequestOptions = {}): Promise<T> {
    const { response, exchange } = await open(path, body, request, 'application/json')
    try {
      return (await response.json()) as T
    } catch (error) {
      throw error instanceof SyntaxError
        ? new InsetError('server', 'The Inset server sent malformed JSON', { cause: error })
        : exchange.fail(error)
    } finally {
      exchange.close()
    }
  }

  async function* ask(
    request: AssistantRequest,
    requestOptions: RequestOptions = {},
  ): AsyncGenerator<AssistantEvent> {
    if (typeof request?.question !== 'string' || !request.question.trim()) {
      throw new InsetError('bad_request', 'question must be a non-empty string')
    }
    const { response, exchange } = await open(
      '/v1/assistant',
      request,
      requestOptions,
      'text/event-stream',
    )
    const reader = response.body?.getReader()
    const decoder = new TextDecoder()
    let events: AssistantEvent[] = []
    const feed = createSseParser((event, data) => {
      try {
        events.push({ event, data: JSON.parse(data) } as AssistantEvent)
      } catch (error) {
        throw new InsetError('server', `Malformed ${event} event`, { cause: error })
      }
    })
    try {
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array> | undefined
        try {
          chunk = await reader?.read()
        } catch (error) {
          throw exchange.fail(error)
        }
        if (!chunk || chunk.done) break
        exchange.touch()
        feed(decoder.decode(chunk.value, { stream: true }))
        const ready = events
        events = []
        for (const item of ready) {
          if (item.event in EVENT_NAMES) yield item
        }
      }
    } finally {
      exchange.close()
      reader?.cancel().catch(() => {})
    }
  }

  return {
    getDashboard: async (id, request) =>
      json(`/v1/dashboards/${checkId(id, 'id')}`, undefined, request),
    queryTile: async (dashboardId, tileId, body = {}, request) =>
      json(
        `/v1/dashboards/${checkId(dashboardId, 'dashboardId')}/tiles/${checkId(tileId, 'tileId')}/query`,
        { filters: body.filters ?? {} },
        request,
      ),
    ask,
    getSuggestions: async (dashboardId, request) =>
      json(
        `/v1/assistant/suggestions${dashboardId ? `?dashboardId=${checkId(dashboardId, 'dashboardId')}` : ''}`,
        undefined,
        request,
      ),
  }
}

const EVENT_NAMES: Record<keyof AssistantEventMap, 1> = {
  text: 1,
  query: 1,
  result: 1,
  chart: 1,
  done: 1,
  error: 1,
}
