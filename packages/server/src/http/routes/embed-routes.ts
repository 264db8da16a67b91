import type { DashboardDefinition, QueryResult } from '@inset/core'
import { grantsDashboard } from '../../auth/claims'
import type { DashboardConfig } from '../../config/schema'
import { buildDashboardDefinition } from '../../dashboards/dashboard-definition'
import { runTile } from '../../dashboards/run-tile'
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

/** `POST /v1/dashboards/:id/tiles/:tileId/query` `{ filters }` → QueryResult. */
export async function queryTile(c: AppContext): Promise<Response> {
  const ctx = queryContextOf(c)
  const id = c.req.param('id') ?? ''
  const tileId = c.req.param('tileId') ?? ''
  const result = await audited<QueryResult>(
    c,
    { kind: 'query', subject: ctx.claims.sub, tenant: ctx.claims.tenant, dashboardId: id, tileId },
    async () => {
      const dashboard = dashboardFor(c, id)
      const tile = dashboard.tiles.find((candidate) => candidate.id === tileId)
      if (!tile) throw new ServerError('not_found', `No tile "${tileId}" in dashboard "${id}"`)
      const body = await readJsonBody(c)
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw badRequest('The body must be an object such as { "filters": {} }')
      }
      const unknown = Object.keys(body).find((key) => key !== 'filters')
      if (unknown !== undefined)
        throw badRequest(`${unknown}: unknown field (the body takes "filters")`)
      return runTile(ctx, dashboard, tile, (body as { filters?: unknown }).filters, {
        signal: c.req.raw.signal,
      })
    },
    (result) => result.meta.rowCount,
  )
  return c.json(result)
}
