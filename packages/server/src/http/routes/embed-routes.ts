import type { DashboardDefinition, DashboardLoad, QueryResult } from '@inset/core'
import { grantsDashboard } from '../../auth/claims'
import type { DashboardConfig, TileConfig } from '../../config/schema'
import { buildDashboardDefinition } from '../../dashboards/dashboard-definition'
import { csvStream, grantsExport } from '../../dashboards/export-csv'
import { runTile, type TileRequest } from '../../dashboards/run-tile'
import { badRequest, ServerError } from '../../errors'
import { type AppContext, queryContextOf } from '../app-env'
import { audited } from '../audited'
import { readJsonBody } from '../read-json'

function dashboardFor(c: AppContext, id: string): DashboardConfig {
  const { claims, runtime } = queryContextOf(c)
  if (!grantsDashboard(claims, id))
    throw new ServerError('forbidden', `The token does not grant dashboard "${id}"`)
  const dashboards = runtime.config.dashboards
  const dashboard = Object.hasOwn(dashboards, id) ? dashboards[id] : undefined
  if (!dashboard) throw new ServerError('not_found', `No dashboard "${id}"`)
  return dashboard
}

/** `GET /v1/dashboards/:id` → DashboardDefinition (filter options narrowed by RLS). */
export async function getDashboard(c: AppContext): Promise<Response> {
  const ctx = queryContextOf(c)
  const id = c.req.param('id') ?? ''
  const definition = await audited<DashboardDefinition>(
    c,
    { kind: 'token', subject: ctx.claims.sub, tenant: ctx.claims.tenant, dashboardId: id },
    () => buildDashboardDefinition(ctx, id, dashboardFor(c, id), { signal: c.req.raw.signal }),
  )
  return c.json(definition)
}

/**
 * `POST /v1/dashboards/:id/load` `{ filters, drill }` → `{ definition, tiles }`: the definition
 * and every tile's result (or its error) in one round trip, so that a page pays one preflight and
 * no definition-then-tiles waterfall. Audited as the two routes would be (one entry per tile).
 */
export async function loadDashboard(c: AppContext): Promise<Response> {
  const ctx = queryContextOf(c)
  const id = c.req.param('id') ?? ''
  const signal = c.req.raw.signal
  const body = await tileBody(c, ['filters', 'drill'])
  const drill = body.drill ?? {}
  if (typeof drill !== 'object' || drill === null || Array.isArray(drill))
    throw badRequest('drill: must be an object of tile id → values')
  const dashboard = dashboardFor(c, id)
  const definition = await audited<DashboardDefinition>(
    c,
    { kind: 'token', subject: ctx.claims.sub, tenant: ctx.claims.tenant, dashboardId: id },
    () => buildDashboardDefinition(ctx, id, dashboard, { signal }),
  )
  const tiles: DashboardLoad['tiles'] = {}
  let refused: ServerError | undefined
  await Promise.all(
    dashboard.tiles.map(async (tile) => {
      try {
        const tileDrill = (drill as Record<string, unknown>)[tile.id]
        tiles[tile.id] = {
          data: await audited<QueryResult>(
            c,
            {
              kind: 'query',
              subject: ctx.claims.sub,
              tenant: ctx.claims.tenant,
              dashboardId: id,
              tileId: tile.id,
            },
            () =>
              runTile(
                ctx,
                dashboard,
                tile,
                { filters: body.filters, ...(tileDrill !== undefined && { drill: tileDrill }) },
                { signal },
              ),
            (result) => result.meta.rowCount,
          ),
        }
      } catch (error) {
        // One tile's failure is that tile's; the cause of a database error is logged, not sent.
        const failure = error instanceof ServerError ? error : undefined
        if (failure?.code === 'bad_request') refused ??= failure
        tiles[tile.id] = {
          error: {
            code: failure?.code ?? 'server',
            message: failure && failure.code !== 'query' ? failure.message : 'The query failed',
          },
        }
      }
    }),
  )
  // A bad filter or drill is the request's fault, not one tile's: 400 as the tile route says.
  if (refused) throw refused
  return c.json({ definition, tiles } satisfies DashboardLoad)
}

function tileOf(dashboard: DashboardConfig, id: string, tileId: string): TileConfig {
  const tile = dashboard.tiles.find((candidate) => candidate.id === tileId)
  if (!tile) throw new ServerError('not_found', `No tile "${tileId}" in dashboard "${id}"`)
  return tile
}

/** The body of the tile query and export routes, its fields checked by name. */
async function tileBody(
  c: AppContext,
  fields: readonly string[],
): Promise<Record<string, unknown> & TileRequest> {
  const body = await readJsonBody(c)
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('The body must be an object such as { "filters": {} }')
  }
  const unknown = Object.keys(body).find((key) => !fields.includes(key))
  if (unknown !== undefined)
    throw badRequest(
      `${unknown}: unknown field (the body takes ${fields.map((f) => `"${f}"`).join(', ')})`,
    )
  return body as Record<string, unknown> & TileRequest
}

/** `POST /v1/dashboards/:id/tiles/:tileId/query` `{ filters, drill }` → QueryResult. */
export async function queryTile(c: AppContext): Promise<Response> {
  const ctx = queryContextOf(c)
  const id = c.req.param('id') ?? ''
  const tileId = c.req.param('tileId') ?? ''
  const result = await audited<QueryResult>(
    c,
    { kind: 'query', subject: ctx.claims.sub, tenant: ctx.claims.tenant, dashboardId: id, tileId },
    async () => {
      const dashboard = dashboardFor(c, id)
      const tile = tileOf(dashboard, id, tileId)
      const body = await tileBody(c, ['filters', 'drill'])
      return runTile(ctx, dashboard, tile, body, { signal: c.req.raw.signal })
    },
    (result) => result.meta.rowCount,
  )
  return c.json(result)
}

/**
 * `POST /v1/dashboards/:id/tiles/:tileId/export` `{ filters, drill, bom }` → `text/csv`: the tile's
 * full result (not its display limit; at most `server.exportRowLimit` rows, `X-Inset-Truncated`
 * when more matched) under the same row-level security and filter rules as its query. Needs the
 * token scope `export` (403 `forbidden` otherwise). Audited as kind `export` with the rows sent.
 */
export async function exportTile(c: AppContext): Promise<Response> {
  const ctx = queryContextOf(c)
  const id = c.req.param('id') ?? ''
  const tileId = c.req.param('tileId') ?? ''
  const { result, bom } = await audited(
    c,
    {
      kind: 'export',
      subject: ctx.claims.sub,
      tenant: ctx.claims.tenant,
      dashboardId: id,
      tileId,
    },
    async () => {
      const dashboard = dashboardFor(c, id)
      if (!grantsExport(ctx.claims))
        throw new ServerError('forbidden', 'The token does not grant downloads (scope "export")')
      const tile = tileOf(dashboard, id, tileId)
      const body = await tileBody(c, ['filters', 'drill', 'bom'])
      if (body.bom !== undefined && typeof body.bom !== 'boolean')
        throw badRequest('bom: expected true or false')
      const result = await runTile(ctx, dashboard, tile, body, {
        signal: c.req.raw.signal,
        rowLimit: ctx.runtime.config.server.exportRowLimit,
      })
      return { result, bom: body.bom === true }
    },
    ({ result }) => result.meta.rowCount,
  )
  const headers: Record<string, string> = {
    'Content-Type': 'text/csv; charset=utf-8',
    // Ids are slugs (letters, digits, - and _): nothing to escape in the file name.
    'Content-Disposition': `attachment; filename="${id}-${tileId}.csv"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Inset-Row-Count': String(result.meta.rowCount),
    ...(result.meta.truncated && { 'X-Inset-Truncated': 'true' }),
  }
  return c.body(csvStream(result, { bom }), 200, headers)
}
