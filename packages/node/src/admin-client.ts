import type {
  AuditEntry,
  CreateTokenRequest,
  DashboardSummary,
  Page,
  QueryResult,
  TokenResponse,
} from '@inset/core'
import { InsetError } from '@inset/core'
import { adminRequest, type RequestSettings, type RetryOptions } from './admin-request'
import {
  type DataCallOptions,
  type DataPage,
  type DataQueryRequest,
  dataPages,
  type ExportedRow,
  type ExportRequest,
  exportRows,
  exportStream,
  queryData,
  queryTileData,
  type TileQueryOptions,
} from './data-api'

/** Options of {@link createInsetClient}. */
export interface InsetClientOptions {
  /** The Inset server, e.g. `https://analytics.example.com`. */
  serverUrl: string
  /** An admin API key of that server. Keep it on the backend. */
  apiKey: string
  /** Per attempt, including reading the body. Default 10 s. */
  timeoutMs?: number
  /** Retries of 429, 5xx, network failures and timeouts; `false` for none. */
  retry?: RetryOptions | false
  /** A `fetch` implementation; default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch
}

/** One page's request. */
export interface PageOptions {
  /** Items per page; the server caps it. */
  limit?: number
  /** `nextCursor` of the previous page; none for the first. */
  cursor?: string
  signal?: AbortSignal
}

/** Iterating over every page. */
export interface IterateOptions {
  /** Items per page requested while iterating. */
  limit?: number
  signal?: AbortSignal
}

/** Every call may be cancelled. */
export interface CallOptions {
  signal?: AbortSignal
}

/** Filters of the audit log; each matches exactly. */
export interface AuditFilters {
  kind?: AuditEntry['kind']
  /** The user id of embed requests, `api-key:<name>` of admin requests. */
  subject?: string
  tenant?: string
}

/** A collection without filters. */
export type NoFilters = Record<never, never>

/** A paginated admin collection: one page at a time, or every item with `for await`. */
export interface PaginatedResource<T, F extends object = NoFilters> {
  /** One page: `{ items, nextCursor }`. */
  list(options?: PageOptions & F): Promise<Page<T>>
  /** Every item of every page, fetched page by page as you iterate. */
  iterate(options?: IterateOptions & F): AsyncIterableIterator<T>
}

/** The typed client of the Inset server's admin API. */
/** A revocation on the server: tokens matching all of its given fields answer 401 until `until`. */
export interface Revocation {
  id: string
  subject: string | null
  tenant: string | null
  /** The token's `jti`. */
  tokenId: string | null
  /** The embed key id (`iss`). */
  embedKey: string | null
  /** ISO time when the revocation ends. */
  until: string
  createdAt: string
  reason: string | null
}

/** What to revoke: at least one of `subject`, `tenant` or `tokenId`. */
export interface CreateRevocationRequest {
  subject?: string
  tenant?: string
  tokenId?: string
  embedKey?: string
  /** When the revocation ends: a Date or an ISO time; default 24 hours from now. */
  until?: Date | string
  reason?: string
}

export interface InsetClient {
  tokens: {
    /** Mints an embed token on the server (`POST /v1/tokens`). */
    create(request: CreateTokenRequest, options?: CallOptions): Promise<TokenResponse>
  }
  /** `GET /v1/dashboards`. */
  dashboards: PaginatedResource<DashboardSummary>
  /** `GET /v1/audit`, newest first. */
  audit: PaginatedResource<AuditEntry, AuditFilters>
  /** Revoke tokens before they expire (`POST/GET/DELETE /v1/revocations`). */
  revocations: {
    create(request: CreateRevocationRequest, options?: CallOptions): Promise<Revocation>
    /** The revocations in force, newest first. */
    list(options?: CallOptions): Promise<Revocation[]>
    /** Lifts a revocation; an unknown id rejects with `not_found`. */
    delete(id: string, options?: CallOptions): Promise<void>
  }
  /** One page of a query on behalf of a user (`POST /v1/query`), under that user's RLS. */
  query(request: DataQueryRequest, options?: DataCallOptions): Promise<DataPage>
  /** Every page of a query, fetched as you iterate (`for await (const page of …)`). */
  pages(
    request: Omit<DataQueryRequest, 'cursor'>,
    options?: DataCallOptions,
  ): AsyncIterableIterator<DataPage>
  /** A dashboard tile as the user sees it (`POST /v1/query/dashboards/:id/tiles/:tileId`). */
  queryTile(dashboardId: string, tileId: string, options: TileQueryOptions): Promise<QueryResult>
  /** Every row of the whole result, streamed from the server (NDJSON, parsed as it arrives). */
  exportRows(request: ExportRequest, options?: DataCallOptions): AsyncIterableIterator<ExportedRow>
  /** The whole result's bytes as NDJSON or CSV, e.g. to pipe into a file. */
  exportStream(
    request: ExportRequest,
    options?: DataCallOptions & { format?: 'ndjson' | 'csv' },
  ): Promise<ReadableStream<Uint8Array>>
}

const DEFAULT_RETRY: Required<RetryOptions> = { retries: 3, minDelayMs: 250, maxDelayMs: 10_000 }

/**
 * Creates a client for the admin routes of an Inset server, for server-to-server use. Every
 * failure is an `InsetError` with a stable `code`; 429, 5xx, network failures and timeouts are
 * retried with backoff (honouring `Retry-After`), other 4xx never.
 *
 * @example
 * const inset = createInsetClient({ serverUrl: 'http://localhost:4400', apiKey: process.env.INSET_API_KEY! })
 * for await (const entry of inset.audit.iterate()) console.log(entry.at, entry.subject, entry.kind)
 */
export function createInsetClient(options: InsetClientOptions): InsetClient {
  const settings = resolveSettings(options)

  function paginated<T, F extends object = NoFilters>(path: string): PaginatedResource<T, F> {
    const list = (options?: PageOptions & F) => {
      const { limit, cursor, signal, ...filters } = (options ?? {}) as PageOptions
      return adminRequest<Page<T>>(settings, {
        method: 'GET',
        path,
        query: { ...(filters as Record<string, string | undefined>), limit, cursor },
        signal,
      })
    }
    return {
      list,
      async *iterate(iterate?: IterateOptions & F) {
        const seen = new Set<string>()
        let cursor: string | undefined
        do {
          const page = await list({ ...iterate, cursor } as PageOptions & F)
          yield* page.items
          cursor = page.nextCursor ?? undefined
          if (cursor !== undefined) {
            // A server that hands out the same cursor twice would make this loop forever.
            if (seen.has(cursor)) {
              throw new InsetError('server', `${path} returned the cursor "${cursor}" twice`)
            }
            seen.add(cursor)
          }
        } while (cursor !== undefined)
      },
    }
  }

  return {
    query: (request, call) => queryData(settings, request, call),
    pages: (request, call) => dataPages(settings, request, call),
    queryTile: (dashboardId, tileId, call) => queryTileData(settings, dashboardId, tileId, call),
    exportRows: (request, call) => exportRows(settings, request, call),
    exportStream: (request, call) => exportStream(settings, request, call),
    tokens: {
      create: (request, call = {}) =>
        adminRequest<TokenResponse>(settings, {
          method: 'POST',
          path: '/v1/tokens',
          body: request,
          signal: call.signal,
        }),
    },
    dashboards: paginated<DashboardSummary>('/v1/dashboards'),
    audit: paginated<AuditEntry, AuditFilters>('/v1/audit'),
    revocations: {
      create: ({ until, ...rest }, call = {}) =>
        adminRequest<Revocation>(settings, {
          method: 'POST',
          path: '/v1/revocations',
          body: { ...rest, ...(until !== undefined && { until: new Date(until).toISOString() }) },
          signal: call.signal,
        }),
      list: async (call = {}) =>
        (
          await adminRequest<Page<Revocation>>(settings, {
            method: 'GET',
            path: '/v1/revocations',
            signal: call.signal,
          })
        ).items,
      delete: async (id, call = {}) => {
        if (typeof id !== 'string' || id.length === 0)
          throw new InsetError('bad_request', 'revocations.delete: id must be a non-empty string')
        await adminRequest<void>(settings, {
          method: 'DELETE',
          path: `/v1/revocations/${encodeURIComponent(id)}`,
          signal: call.signal,
        })
      },
    },
  }
}

function resolveSettings(options: InsetClientOptions): RequestSettings {
  const bad = (message: string): never => {
    throw new InsetError('bad_request', `createInsetClient: ${message}`)
  }
  let url: URL | undefined
  try {
    url = new URL(options?.serverUrl)
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    bad(`serverUrl must be an http(s) URL, got ${JSON.stringify(options?.serverUrl)}`)
  }
  if (typeof options.apiKey !== 'string' || options.apiKey.length === 0) {
    bad('apiKey must be a non-empty string')
  }
  const timeoutMs = options.timeoutMs ?? 10_000
  if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) bad('timeoutMs must be a positive number')
  const retry =
    options.retry === false
      ? { ...DEFAULT_RETRY, retries: 0 }
      : { ...DEFAULT_RETRY, ...options.retry }
  if (!Number.isInteger(retry.retries) || retry.retries < 0) {
    bad('retry.retries must be a whole number ≥ 0')
  }
  if (!(retry.minDelayMs >= 0) || !(retry.maxDelayMs >= 0)) {
    bad('retry delays must be numbers ≥ 0')
  }
  const fetchImpl = options.fetch ?? globalThis.fetch
  if (typeof fetchImpl !== 'function') bad('no fetch implementation; pass options.fetch')
  return {
    baseUrl: url!.href.replace(/\/+$/, ''),
    apiKey: options.apiKey,
    timeoutMs,
    retry,
    fetch: fetchImpl,
    random: () => Math.random(),
  }
}
