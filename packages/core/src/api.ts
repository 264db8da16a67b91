import { InsetError, isInsetErrorCode } from './errors'
import { createSseParser } from './sse'
import { abortable, defaultScheduler, type Scheduler, timedAbort } from './timing'
import { statusCode } from './token-fetch'
import type { TokenSource } from './token-source'
import type {
  AssistantEventMap,
  AssistantRequest,
  AssistantSuggestions,
  DashboardDefinition,
  DashboardLoad,
  DashboardLoadRequest,
  ErrorBody,
  QueryResult,
  TileExportRequest,
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
  /** The definition and every tile's first result in one request (one preflight). */
  loadDashboard(
    dashboardId: string,
    request?: DashboardLoadRequest,
    options?: RequestOptions,
  ): Promise<DashboardLoad>
  /** The tile's full result as CSV (needs the token scope `export`; else `forbidden`). */
  exportTile(
    dashboardId: string,
    tileId: string,
    request?: TileExportRequest,
    options?: RequestOptions,
  ): Promise<Blob>
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

const REFUSALS: Record<number, InsetError['code']> = {
  401: 'invalid_token',
  403: 'forbidden',
  404: 'not_found',
}

const noop = () => {}

/** Encodes a required path segment; refuses anything but a non-empty string. */
export function segment(value: unknown, name: string): string {
  if (!value || typeof value !== 'string')
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
  async function open(
    path: string,
    body: unknown,
    { signal: outer, timeoutMs = options.timeoutMs ?? 30_000 }: RequestOptions = {},
    accept = 'application/json',
  ) {
    const exchange = timedAbort(scheduler, timeoutMs, outer)
    const { signal } = exchange
    /** What the caller sees when this exchange fails: the abort reason, or an InsetError. */
    const fail = (error: unknown) =>
      signal.aborted
        ? signal.reason
        : error instanceof InsetError
          ? error
          : new InsetError(
              error instanceof SyntaxError ? 'server' : 'network',
              `Inset server: ${error}`,
              { cause: error },
            )
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
        const { headers, ok, status } = response
        const date = headers.get('date')
        if (date) tokens.reportServerDate(date)
        if (ok) return { response, exchange, fail }
        // An error answer: `{ error: { code, message } }`, else judged by its status.
        const { error } = ((await response.json().catch(noop)) ?? {}) as Partial<ErrorBody>
        const code = error?.code
        if (code === 'token_expired' && !replay) {
          await tokens.handleExpired(token)
          continue
        }
        const failed = isInsetErrorCode(code)
          ? code
          : statusCode(status, REFUSALS[status] ?? 'bad_request')
        throw new InsetError(failed, error?.message || `Inset server answered ${status}`, {
          status,
          // Retry-After in seconds; the server sends no HTTP dates.
          retryAfter: Number(headers.get('retry-after')) * 1000 || undefined,
          ...(failed === 'token_expired' && {
            details: { tokenExpiresAt: tokens.getSnapshot().expiresAt, replayed: replay > 0 },
          }),
        })
      }
    } catch (error) {
      exchange.close()
      throw fail(error)
    }
  }

  async function json<T>(path: string, body?: unknown, request?: RequestOptions): Promise<T> {
    const { response, exchange, fail } = await open(path, body, request)
    try {
      return await response.json()
    } catch (error) {
      throw fail(error)
    } finally {
      exchange.close()
    }
  }

  async function* ask(request: AssistantRequest, requestOptions?: RequestOptions) {
    segment(request?.question?.trim?.(), 'question')
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
        const { done, value } = await reader.read()
        if (done) return
        exchange.touch()
        // A malformed event's JSON is a SyntaxError: `server`.
        feed(decoder.decode(value, { stream: true }))
        yield* events.splice(0)
      }
    } catch (error) {
      throw fail(error)
    } finally {
      exchange.close()
      reader.cancel().catch(noop)
    }
  }

  const dashboard = (id: unknown) => `/v1/dashboards/${segment(id, 'dashboardId')}`

  return {
    getDashboard: async (id, request) => json(dashboard(id), undefined, request),
    loadDashboard: async (id, body, request) =>
      json(`${dashboard(id)}/load`, { filters: {}, ...body }, request),
    queryTile: async (id, tileId, query, request) =>
      json(
        `${dashboard(id)}/tiles/${segment(tileId, 'tileId')}/query`,
        { filters: query?.filters ?? {}, ...(query?.drill?.length && { drill: query.drill }) },
        request,
      ),
    async exportTile(id, tileId, query, request) {
      const { response, exchange, fail } = await open(
        `${dashboard(id)}/tiles/${segment(tileId, 'tileId')}/export`,
        { filters: {}, ...query },
        request,
        'text/csv',
      )
      try {
        return await response.blob()
      } catch (error) {
        throw fail(error)
      } finally {
        exchange.close()
      }
    },
    ask,
    getSuggestions: async (id, request) =>
      json(
        `/v1/assistant/suggestions${id ? `?dashboardId=${segment(id, 'dashboardId')}` : ''}`,
        undefined,
        request,
      ),
  }
}
