import type { StructuredQuery } from '@inset/core'
import type { DashboardConfig, TileConfig } from '../config/schema'

/**
 * The query a tile runs before dashboard filters are added.
 *
 * @example
 * tileQuery(dashboard, { kind: 'breakdown', dimension: 'category', measure: 'revenue', ... })
 * // { dataset: 'orders', measures: ['revenue'], dimensions: ['category'], sort: [...], limit: 20 }
 */
export function tileQuery(
  dashboard: Pick<DashboardConfig, 'dataset'>,
  tile: TileConfig,
): StructuredQuery {
  const dataset = tile.dataset ?? dashboard.dataset
  const filters = tile.filters.map((filter) => ({ ...filter, values: [...filter.values] }))
  switch (tile.kind) {
    case 'kpi':
      return { dataset, measures: [tile.measure], filters }
    case 'timeseries':
      return {
        dataset,
        measures: [...tile.measures],
        timeGrain: { dimension: tile.timeDimension, grain: tile.grain },
        filters,
        sort: [{ field: tile.timeDimension, direction: 'asc' }],
        limit: tile.limit,
      }
    case 'breakdown':
      return {
        dataset,
        measures: [tile.measure],
        dimensions: [tile.dimension],
        filters,
        sort: [{ field: tile.measure, direction: 'desc' }],
        limit: tile.limit,
      }
    case 'table':
      return {
        dataset,
        measures: [...tile.measures],
        dimensions: [...tile.dimensions],
        filters,
        ...(tile.sort && { sort: tile.sort.map((s) => ({ ...s })) }),
        limit: tile.limit,
      }
  }
}
