// The data API of the Inset server, for backends: queries on behalf of a user (under that user's
// row-level security), page by page, a dashboard's tiles, and streamed exports.
import type { CellValue, QueryResult, StructuredQuery } from '@inset/core'
import { InsetError } from '@inset/core'
import { adminRequest, type RequestSettings } from './admin-request'
import type { AttributeValue } from './claims'

/** Who a backend query is for: the same fields, and rules, as an embed token's subject. */
export interface OnBehalfOf {
  user: string
  tenant: string
  /** Row-level-security attributes, e.g. `{ region: ['EU'] }`. */
  attributes?: Record<string, AttributeValue>
  /** Limits the dashboards `queryTile` may read; default every dashboard. */
  scope?: string[]
}

/** `POST /v1/query`: a StructuredQuery (its `limit` caps the whole result) for a user. */
export interface DataQueryRequest {
  query: StructuredQuery
  onBehalfOf: OnBehalfOf
  /** Rows per page (default 1000; the server's `maxRows` at most). */
  limit?: number
  /** `nextCursor` of the previous page. */
  cursor?: string
}

/** One page: columns, rows, and `nextCursor` until the last page. */
export interface DataPage extends QueryResult {
  meta: QueryResult['meta'] & {
    /** `keyset` (after the last row's sort key), `offset` (sorted by a floating sum) or `single`. */
    pagination: 'keyset' | 'offset' | 'single'
  }
  nextCursor: string | null
}

/** `POST /v1/query/dashboards/:id/tiles/:tileId`: the tile as a user with these filters sees it. */
export interface TileQueryOptions {
  onBehalfOf: OnBehalfOf
  filters?: Record<string, unknown>
  drill?: unknown[]
  signal?: AbortSignal
}

/** `POST /v1/query/export`: the whole result, streamed. */
export interface ExportRequest {
  query: StructuredQuery
  onBehalfOf: OnBehalfOf
}

export interface DataCallOptions {
  signal?: AbortSignal
}

/** One exported row keyed by column name. */
export type ExportedRow = Record<string, CellValue>

export function queryData(
  settings: RequestSettings,
  request: DataQueryRequest,
  options: DataCallOptions = {},
): Promise<DataPage> {
  return adminRequest<DataPage>(settings, {
    method: 'POST',
    path: '/v1/query',
    body: request,
    signal: options.signal,
  })
}

export async function* dataPages(
  settings: RequestSettings,
  request: Omit<DataQueryRequest, 'cursor'>,
  options: DataCallOptions = {},
): AsyncGenerator<DataPage> {
  let cursor: string | undefined
  const seen = new Set<string>()
  do {
    const page = await queryData(
      settings,
      { ...request, ...(cursor !== undefined && { cursor }) },
      options,
    )
    yield page
    cursor = page.nextCursor ?? undefined
    if (cursor !== undefined) {
      if (seen.has(cursor)) throw new InsetError('server', '/v1/query returned a cursor twice')
      seen.add(cursor)
    }
  } while (cursor !== undefined)
}

export function queryTileData(
  settings: RequestSettings,
  dashboardId: string,
  tileId: string,
  { signal, ...body }: TileQueryOptions,
): Promise<QueryResult> {
  return adminRequest<QueryResult>(settings, {
    method: 'POST',
    path: `/v1/query/dashboards/${encodeURIComponent(dashboardId)}/tiles/${encodeURIComponent(tileId)}`,
    body,
    signal,
  })
}

/** The export's raw bytes (`ndjson` or `csv`), for piping to a file or a response. */
export async function exportStream(
  settings: RequestSettings,
  request: ExportRequest,
  options: DataCallOptions & { format?: 'ndjson' | 'csv' } = {},
): Promise<ReadableStream<Uint8Array>> {
  const response = await adminRequest<Response>(settings, {
    method: 'POST',
    path: '/v1/query/export',
    body: { ...request, format: options.format ?? 'ndjson' },
    signal: options.signal,
    stream: true,
  })
  if (!response.body) throw new InsetError('server', 'The export answered without a body')
  return response.body
}

/**
 * Every row of the export, parsed from NDJSON as it arrives: memory holds one network chunk, not
 * the result. A stream cut short (the server failed mid-way) rejects with `network`.
 */
export async function* exportRows(
  settings: RequestSettings,
  request: ExportRequest,
  options: DataCallOptions = {},
): AsyncGenerator<ExportedRow> {
  const body = await exportStream(settings, request, { ...options, format: 'ndjson' })
  const decoder = new TextDecoder()
  let buffered = ''
  const reader = body.getReader()
  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>
      try {
        chunk = await reader.read()
      } catch (cause) {
        if (options.signal?.aborted) throw options.signal.reason
        throw new InsetError('network', 'The export stopped before its end', { cause })
      }
      if (chunk.done) break
      buffered += decoder.decode(chunk.value, { stream: true })
      let newline = buffered.indexOf('\n')
      while (newline >= 0) {
        const line = buffered.slice(0, newline)
        buffered = buffered.slice(newline + 1)
        if (line.length > 0) yield JSON.parse(line) as ExportedRow
        newline = buffered.indexOf('\n')
      }
    }
    buffered += decoder.decode()
    if (buffered.trim().length > 0) yield JSON.parse(buffered) as ExportedRow
  } finally {
    await reader.cancel().catch(() => {})
  }
}
