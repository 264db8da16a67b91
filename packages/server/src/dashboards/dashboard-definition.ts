import type { DashboardDefinition, FilterDefinition, TileDefinition, TileKind } from '@inset/core'
import type { DashboardConfig, TileConfig } from '../config/schema'
import { dimensionRange, listDimensionValues } from '../semantic/dimension-values'
import { type DimensionModel, humanize } from '../semantic/model'
import type { QueryContext } from '../semantic/run-query'
import { drillPath, firstDimension, isCategoryTile } from './drill'
import { grantsExport } from './export-csv'

const DEFAULT_LAYOUT: Record<TileKind, { w: number; h: number }> = {
  kpi: { w: 3, h: 1 },
  timeseries: { w: 8, h: 3 },
  breakdown: { w: 4, h: 3 },
  table: { w: 12, h: 3 },
}

function tileDefinition(
  tile: TileConfig,
  dashboard: DashboardConfig,
  dimensions: Record<string, DimensionModel>,
): TileDefinition {
  const first = firstDimension(tile)
  const crossFilter =
    isCategoryTile(tile) && tile.crossFilter !== false && first !== undefined
      ? dashboard.filters.find((filter) => filter.type === 'select' && filter.dimension === first)
      : undefined
  const path = drillPath(tile)
  return {
    id: tile.id,
    title: tile.title,
    kind: tile.kind,
    ...(tile.description !== undefined && { description: tile.description }),
    layout: tile.layout ?? DEFAULT_LAYOUT[tile.kind],
    ...(tile.kind === 'kpi' && tile.compare && { compare: true }),
    ...(crossFilter && { crossFilter: crossFilter.id }),
    ...(path && {
      drill: path.map((dimension) => ({
        dimension,
        label: dimensions[dimension]?.label ?? humanize(dimension),
      })),
    }),
  }
}

/**
 * A dashboard's definition as `GET /v1/dashboards/:id` returns it: select options and date bounds
 * are computed under the caller's row-level security (bob's region options are `['EU']`). Tiles
 * carry their cross-filter (the `select` filter on their first dimension) and drill path;
 * `canExport` tells whether the token may download tiles.
 */
export async function buildDashboardDefinition(
  ctx: QueryContext,
  id: string,
  dashboard: DashboardConfig,
  options: { signal?: AbortSignal } = {},
): Promise<DashboardDefinition> {
  const dataset = ctx.runtime.model.datasets[dashboard.dataset]
  const filters = await Promise.all(
    dashboard.filters.map(async (filter): Promise<FilterDefinition> => {
      const label =
        filter.label ?? dataset?.dimensions[filter.dimension]?.label ?? humanize(filter.id)
      if (filter.type === 'date_range') {
        const range = await dimensionRange(ctx, dashboard.dataset, filter.dimension, options)
        return {
          id: filter.id,
          type: 'date_range',
          label,
          dimension: filter.dimension,
          ...range,
          ...(filter.default && { default: filter.default }),
        }
      }
      return {
        id: filter.id,
        type: 'select',
        label,
        dimension: filter.dimension,
        multiple: filter.multiple,
        options: await listDimensionValues(ctx, dashboard.dataset, filter.dimension, options),
        ...(filter.default && { default: filter.default }),
      }
    }),
  )
  return {
    id,
    title: dashboard.title,
    ...(dashboard.description !== undefined && { description: dashboard.description }),
    filters,
    tiles: dashboard.tiles.map((tile) =>
      tileDefinition(
        tile,
        dashboard,
        ctx.runtime.model.datasets[tile.dataset ?? dashboard.dataset]?.dimensions ?? {},
      ),
    ),
    canExport: grantsExport(ctx.claims),
  }
}
