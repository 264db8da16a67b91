import type { QueryResult, StructuredQuery } from '@inset/core'
import type { DashboardConfig, TileConfig } from '../config/schema'
import { ServerError } from '../errors'
import {
  executeStructuredQuery,
  type QueryContext,
  type RunQueryOptions,
} from '../semantic/run-query'
import { type AppliedFilter, EARLIEST, parseClientFilters, toQueryFilters } from './client-filters'
import { drillQuery, parseDrill } from './drill'
import { tileQuery } from './tile-query'

/** The period of equal length just before `[from, to)`, or undefined when either end is open. */
export function previousPeriod(
  from: string | undefined,
  to: string | undefined,
): { from: string; to: string } | undefined {
  if (from === undefined || to === undefined) return undefined
  const start = Date.parse(from.length === 10 ? `${from}T00:00:00Z` : from)
  const end = Date.parse(to.length === 10 ? `${to}T00:00:00Z` : to)
  if (!(end > start)) return undefined
  // A period reaching back before the earliest date a filter may name has no comparison.
  if (start - (end - start) < Date.parse(`${EARLIEST}T00:00:00Z`)) return undefined
  const previousStart = new Date(start - (end - start)).toISOString()
  const dateOnly = from.length === 10 && to.length === 10
  // Date columns compare whole days; the period of a date range is always whole days.
  return dateOnly
    ? { from: previousStart.slice(0, 10), to: from }
    : { from: previousStart, to: new Date(start).toISOString() }
}

function withFilters(
  query: StructuredQuery,
  applied: readonly AppliedFilter[],
  ctx: QueryContext,
): StructuredQuery {
  return {
    ...query,
    filters: [
      ...(query.filters ?? []),
      ...toQueryFilters(applied, ctx.runtime.model, query.dataset),
    ],
  }
}

async function runKpi(
  ctx: QueryContext,
  tile: Extract<TileConfig, { kind: 'kpi' }>,
  base: StructuredQuery,
  applied: AppliedFilter[],
  options: RunQueryOptions,
): Promise<QueryResult> {
  const dimensions = ctx.runtime.model.datasets[base.dataset]?.dimensions ?? {}
  const dateFilter = applied.find(
    (entry): entry is Extract<AppliedFilter, { range: unknown }> =>
      'range' in entry && Object.hasOwn(dimensions, entry.filter.dimension),
  )
  const period =
    dateFilter && tile.compare
      ? previousPeriod(dateFilter.range.from, dateFilter.range.to)
      : undefined
  // The previous period: the same filters with the date range moved back by its own length.
  const previousFilters = period &&
    dateFilter && [
      ...applied.filter((entry) => entry !== dateFilter),
      { filter: dateFilter.filter, range: period },
    ]
  const started = performance.now()
  const [current, previous] = await Promise.all([
    executeStructuredQuery(ctx, withFilters(base, applied, ctx), options),
    previousFilters
      ? executeStructuredQuery(ctx, withFilters(base, previousFilters, ctx), options)
      : undefined,
  ])
  const measure = current.columns[0] ?? {
    name: 'value',
    label: tile.title,
    type: 'number',
    role: 'measure',
  }
  return {
    columns: [
      { ...measure, name: 'value' },
      { ...measure, name: 'previous', label: `${measure.label} (previous period)` },
    ],
    rows: [[current.rows[0]?.[0] ?? null, previous?.rows[0]?.[0] ?? null]],
    meta: {
      rowCount: 1,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      ...combinedAge(current, previous),
    },
  }
}

/** The age of a result made of two: the older read, and `hit` only when neither ran a query. */
function combinedAge(
  current: QueryResult,
  previous: QueryResult | undefined,
): Pick<QueryResult['meta'], 'dataAsOf' | 'cache'> {
  const { dataAsOf, cache } = current.meta
  if (!previous) return { ...(dataAsOf && { dataAsOf }), ...(cache && { cache }) }
  const ages = [dataAsOf, previous.meta.dataAsOf].filter((age): age is string => Boolean(age))
  const older = ages.sort()[0]
  const both = cache === previous.meta.cache ? cache : 'miss'
  return { ...(older && { dataAsOf: older }), ...(both && { cache: both }) }
}

/** What a client sends to run a tile: `{ filters, drill }` of the tile query and export routes. */
export interface TileRequest {
  filters?: unknown
  drill?: unknown
}

export interface RunTileOptions {
  signal?: AbortSignal
  /**
   * Export: the tile's full result up to this many rows instead of the tile's display limit
   * (`server.exportRowLimit`); the result says `truncated` when more rows matched.
   */
  rowLimit?: number
}

/**
 * Runs a dashboard tile for the claims in `ctx` with the client's filters and drill values (which
 * only narrow: row-level security is compiled into every query). KPIs with `compare` also run the
 * previous period when the date filter has both ends. A drill shows the tile at level
 * `drill.length` of its drill path.
 */
export async function runTile(
  ctx: QueryContext,
  dashboard: DashboardConfig,
  tile: TileConfig,
  request: TileRequest,
  options: RunTileOptions = {},
): Promise<QueryResult> {
  const { model } = ctx.runtime
  const applied = parseClientFilters(dashboard, request.filters, model)
  const base = tileQuery(dashboard, tile)
  const drill = parseDrill(tile, request.drill, model, base.dataset)
  const query = drillQuery(tile, base, drill)
  const { rowLimit } = options
  const runOptions: RunQueryOptions = {
    ...(options.signal && { signal: options.signal }),
    // An export is a one-off read of many rows: not worth memory in the result cache.
    ...(rowLimit !== undefined && { maxRows: rowLimit, cache: false }),
  }
  try {
    if (tile.kind === 'kpi') return await runKpi(ctx, tile, query, applied, runOptions)
    return await executeStructuredQuery(
      ctx,
      withFilters(rowLimit === undefined ? query : { ...query, limit: rowLimit }, applied, ctx),
      runOptions,
    )
  } catch (error) {
    // The client sent filters, not this query: a refusal of the query the server built from them
    // is logged with its detail and answered without the server's internal paths.
    if (error instanceof ServerError && error.code === 'bad_request') {
      ctx.runtime.logger.warn({ err: error, tile: tile.id }, 'tile query refused')
      throw new ServerError('bad_request', 'These filters cannot be applied to this tile', {
        cause: error,
      })
    }
    throw error
  }
}
