import type { QueryResult } from '@inset/core'
import type { EmbedClaims } from '../../auth/claims'
import { grantsDashboard } from '../../auth/claims'
import { runTile } from '../../dashboards/run-tile'
import { canonicalJson, cursorKey, hashOf, openCursor } from '../../data-api/cursor'
import { auditSubject, claimsOnBehalfOf } from '../../data-api/on-behalf-of'
import { type DataQueryPlan, planDataQuery } from '../../data-api/plan'
import { type ExportFormat, exportRows, nextCursor, runDataPage } from '../../data-api/run-data'
import { badRequest, ServerError } from '../../errors'
import type { QueryContext } from '../../semantic/run-query'
import type { AppContext } from '../app-env'
import { audited } from '../audited'
import { readJsonBody } from '../read-json'

/** Rows of a page when the request gives no `limit`. */
export const DEFAULT_PAGE_ROWS = 1000

async function bodyOf(c: AppContext, fields: readonly string[]): Promise<Record<string, unknown>> {
  const body = await readJsonBody(c)
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest('The body must be an object such as { "query": {…}, "onBehalfOf": {…} }')
  const unknown = Object.keys(body).find((key) => !fields.includes(key))
  if (unknown !== undefined)
    throw badRequest(
      `${unknown}: unknown field (the body takes ${fields.map((f) => `"${f}"`).join(', ')})`,
    )
  return body as Record<string, unknown>
}

/**
 * The claims of `onBehalfOf`; a refusal is audited (subject `api-key:<name>`) before it answers.
 */
async function claimsOf(
  c: AppContext,
  body: Record<string, unknown>,
  kind: 'query' | 'export',
): Promise<EmbedClaims> {
  const apiKey = c.get('apiKeyName') ?? 'unknown'
  try {
    return claimsOnBehalfOf(body.onBehalfOf, apiKey)
  } catch (error) {
    return audited<never>(c, { kind, subject: `api-key:${apiKey}`, tenant: null }, async () => {
      throw error
    })
  }
}

function contextOf(c: AppContext, claims: EmbedClaims): QueryContext {
  return { runtime: c.get('runtime'), claims, requestId: c.get('requestId') }
}

/** What a cursor is bound to: the query (not the page size) and the caller. */
function bindingOf(c: AppContext, claims: EmbedClaims, query: unknown, kind: string) {
  return {
    q: hashOf({ kind, query }),
    u: hashOf({
      apiKey: c.get('apiKeyName'),
      sub: claims.sub,
      tenant: claims.tenant,
      attrs: JSON.parse(canonicalJson(claims.attrs)),
    }),
  }
}

function pageSizeOf(c: AppContext, limit: unknown): number {
  const max = c.get('runtime').config.server.maxRows
  if (limit === undefined) return Math.min(DEFAULT_PAGE_ROWS, max)
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1 || limit > max)
    throw badRequest(`limit: rows per page, a whole number from 1 to ${max}`)
  return limit
}

/** A page of the data API: a QueryResult plus `nextCursor` (null on the last page). */
export interface DataPageResponse extends QueryResult {
  meta: QueryResult['meta'] & { pagination: DataQueryPlan['mode'] }
  nextCursor: string | null
}

/**
 * `POST /v1/query` (API key) `{ query, onBehalfOf, limit?, cursor? }` → a page of the query's
 * result under the row-level security of `onBehalfOf`, with `nextCursor` until the last page.
 * Audited as kind `query`, subject `api-key:<name>/<user>`, the user's tenant.
 */
export async function queryData(c: AppContext): Promise<Response> {
  const body = await bodyOf(c, ['query', 'onBehalfOf', 'limit', 'cursor'])
  const claims = await claimsOf(c, body, 'query')
  const apiKey = c.get('apiKeyName') ?? 'unknown'
  const ctx = contextOf(c, claims)
  const response = await audited<DataPageResponse>(
    c,
    { kind: 'query', subject: auditSubject(apiKey, claims), tenant: claims.tenant },
    async () => {
      const started = performance.now()
      const pageSize = pageSizeOf(c, body.limit)
      const plan = planDataQuery(ctx, body.query)
      const key = cursorKey(ctx.runtime)
      const binding = bindingOf(c, claims, body.query, 'query')
      const cursor = body.cursor === undefined ? undefined : openCursor(key, body.cursor, binding)
      const page = await runDataPage(ctx, plan, pageSize, cursor, c.req.raw.signal)
      return {
        columns: plan.columns,
        rows: page.rows,
        meta: {
          rowCount: page.rows.length,
          durationMs: Math.round((performance.now() - started) * 100) / 100,
          pagination: plan.mode,
        },
        nextCursor: nextCursor(key, binding, page),
      }
    },
    (result) => result.meta.rowCount,
  )
  return c.json(response)
}

const FORMATS: Record<ExportFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
}

/**
 * `POST /v1/query/export` (API key) `{ query, onBehalfOf, format?: 'ndjson' | 'csv' }` → the whole
 * result, streamed from the database as the client reads (constant memory on the server). Audited
 * as kind `export` with the rows sent once the stream ends.
 */
export async function exportData(c: AppContext): Promise<Response> {
  const body = await bodyOf(c, ['query', 'onBehalfOf', 'format'])
  const claims = await claimsOf(c, body, 'export')
  const apiKey = c.get('apiKeyName') ?? 'unknown'
  const runtime = c.get('runtime')
  const started = performance.now()
  const entry = (rows: number | null, failure?: ServerError) =>
    runtime.audit.record({
      kind: 'export',
      subject: auditSubject(apiKey, claims),
      tenant: claims.tenant,
      dashboardId: null,
      tileId: null,
      rowCount: rows,
      durationMs: performance.now() - started,
      status: failure?.status ?? 200,
      errorCode: failure?.code ?? null,
      requestId: c.get('requestId'),
    })
  let format: ExportFormat
  let plan: DataQueryPlan
  try {
    const given = body.format ?? 'ndjson'
    if (given !== 'ndjson' && given !== 'csv') throw badRequest('format: "ndjson" or "csv"')
    format = given
    plan = planDataQuery(contextOf(c, claims), body.query)
  } catch (error) {
    await entry(null, error instanceof ServerError ? error : undefined)
    throw error
  }
  const stream = await exportRows(contextOf(c, claims), plan, format, {
    signal: c.req.raw.signal,
    onEnd: (rows, failure) => void entry(rows, failure),
  })
  return c.body(stream, 200, {
    'Content-Type': FORMATS[format],
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Inset-Columns': encodeURIComponent(JSON.stringify(plan.columns.map((col) => col.name))),
  })
}

/**
 * `POST /v1/query/dashboards/:id/tiles/:tileId` (API key) `{ onBehalfOf, filters?, drill? }` → the
 * tile's QueryResult, exactly what `POST /v1/dashboards/:id/tiles/:tileId/query` answers a page
 * holding a token with these claims (an `onBehalfOf.scope` must grant the dashboard; the default
 * scope grants all). Audited as kind `query` with the dashboard and tile.
 */
export async function queryTileData(c: AppContext): Promise<Response> {
  const id = c.req.param('id') ?? ''
  const tileId = c.req.param('tileId') ?? ''
  const body = await bodyOf(c, ['onBehalfOf', 'filters', 'drill'])
  const claims = await claimsOf(c, body, 'query')
  const ctx = contextOf(c, claims)
  const result = await audited<QueryResult>(
    c,
    {
      kind: 'query',
      subject: auditSubject(c.get('apiKeyName') ?? 'unknown', claims),
      tenant: claims.tenant,
      dashboardId: id,
      tileId,
    },
    async () => {
      if (!grantsDashboard(claims, id))
        throw new ServerError('forbidden', `onBehalfOf.scope does not grant dashboard "${id}"`)
      const dashboards = ctx.runtime.config.dashboards
      const dashboard = Object.hasOwn(dashboards, id) ? dashboards[id] : undefined
      if (!dashboard) throw new ServerError('not_found', `No dashboard "${id}"`)
      const tile = dashboard.tiles.find((candidate) => candidate.id === tileId)
      if (!tile) throw new ServerError('not_found', `No tile "${tileId}" in dashboard "${id}"`)
      return runTile(
        ctx,
        dashboard,
        tile,
        { filters: body.filters, drill: body.drill },
        { signal: c.req.raw.signal },
      )
    },
    (result) => result.meta.rowCount,
  )
  return c.json(result)
}
