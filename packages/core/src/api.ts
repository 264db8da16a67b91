import { InsetError, isInsetErrorCode } from './errors'
import { createSseParser } from './sse'
import { abortable, defaultScheduler, type Scheduler, timedAbort } from './timing'
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

const noop = () => {}

/** Maps an error answer (`{ error: { code, message } }`) to an `InsetError`. */
async function answerError(response: Response): Promise<InsetError> {
  const { status } = response
  const body = (await response.json().catch(noop)) as Partial<ErrorBody> | undefined
  const code = body?.error?.code
  return new InsetError(
    isInsetErrorCode(code)
      ? code
      : (STATUS_CODES[status] ?? (status > 499 ? 'server' : 'bad_request')),
    body?.error?.message || `Inset server answered ${status}`,
    // Retry-After in seconds; the server sends no HTTP dates.
    { status, retryAfter: Number(response.headers.get('retry-after')) * 1000 || undefined },
  )
}

function segment(value: unknown, name: string) {
  if (typeof value !== 'string' || !value)
    throw new InsetError('bad_request', `${name} is required`)
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
   * The timer restarts on every `touch()`, so that a stream times out only when it stalls.
   */
  async function open(path: string, body: unknown, request: RequestOptions, accept: string) {
    const { signal: outer } = request
    const exchange = timedAbort(scheduler, request.timeoutMs ?? options.timeoutMs ?? 30_000, outer)
    const { signal } = exchange
    /** What the caller sees when this exchange fails: its abort reason, or an InsetError. */
    const fail = (error: unknown) =>
      outer?.aborted
        ? outer.reason
        : error instanceof InsetError
          ? error
          : signal.aborted
            ? signal.reason
            : new InsetError('network', 'Inset server unreachable', { cause: error })
    try {
      for (let replay = 0; ; replay++) {
        const token = await abortable(tokens.getToken(), signal)
        exchange.touch()
        const response = await (options.fetch ?? fetch)(base + path, {
          method: body ? 'POST' : 'GET',
          headers: {
            accept,
            authorization: `Bearer ${token}`,
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
          body: body ? JSON.stringify(body) : null,
          signal,
        })
        const date = response.headers.get('date')
        if (date) tokens.reportServerDate(date)
        if (response.ok) return { response, exchange, fail }
        const error = await answerError(response)
        if (error.code !== 'token_expired' || replay) throw error
        await tokens.handleExpired(token)
      }
    } catch (error) {
      exchange.close()
      throw fail(error)
    }
  }

  async function json<T>(path: string, body?: unknown, request: RequestOptions = {}): Promise<T> {
    const { response, exchange, fail } = await open(path, body, request, 'application/json')
    try {
      return await response.json()
    } catch (error) {
      throw error instanceof SyntaxError
        ? new InsetError('server', 'Inset server sent malformed JSON', { cause: error })
        : fail(error)
    } finally {
      exchange.close()
    }
  }

  async function* ask(request: AssistantRequest, requestOptions: RequestOptions = {}) {
    segment(typeof request?.question === 'string' && request.question.trim(), 'question')
    const { response, exchange, fail } = await open(
      '/v1/assistant',
      request,
      requestOptions,
      'text/event-stream',
    )
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    const events: AssistantEvent[] = []
    const feed = createSseParser((event, data) => {
      if (/^(text|query|result|chart|done|error)$/.test(event)) {
        events.push({ event, data: JSON.parse(data) } as AssistantEvent)
      }
    })
    try {
      for (;;) {
        const { done, value } = await reader.read().catch((error) => {
          throw fail(error)
        })
        if (done) return
        exchange.touch()
        try {
          feed(decoder.decode(value, { stream: true }))
        } catch (error) {
          throw new InsetError('server', 'Inset server sent a malformed event', { cause: error })
        }
        yield* events.splice(0)
      }
    } finally {
      exchange.close()
      reader.cancel().catch(noop)
    }
  }

  const dashboard = (id: unknown) => `/v1/dashboards/${segment(id, 'dashboardId')}`

  return {
    getDashboard: async (id, request) => json(dashboard(id), undefined, request),
    queryTile: async (id, tileId, query, request) =>
      json(
        `${dashboard(id)}/tiles/${segment(tileId, 'tileId')}/query`,
        { filters: query?.filters ?? {} },
        request,
      ),
    ask,
    getSuggestions: async (id, request) =>
      json(
        `/v1/assistant/suggestions${id ? `?dashboardId=${segment(id, 'dashboardId')}` : ''}`,
        undefined,
        request,
      ),
  }
}
