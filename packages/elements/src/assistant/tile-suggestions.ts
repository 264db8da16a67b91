import type { DashboardDefinition, FilterDefinition } from '@inset/core'
import { t } from '../strings'

/**
 * Two or three questions to offer about a tile asked about, each one a follow-up the assistant
 * continues from the tile's measure and filters: a breakdown by the dashboard's first other
 * `select` filter's dimension, the share of each point (breakdowns), and one value of another
 * `select` filter only. In the assistant's strings, which its view adds when its chunk loads.
 *
 * @example
 * tileSuggestions('revenue-by-category', definition)
 * // ['Break this down by region', 'What is the share of each?', 'What about online only?']
 */
export function tileSuggestions(
  tileId: string,
  definition: DashboardDefinition | undefined,
): string[] {
  const s = t()
  const tile = definition?.tiles.find((candidate) => candidate.id === tileId)
  if (!tile) return []
  // The tile's own dimension (its cross-filter's) is no breakdown of it.
  const [by, other = by] = definition!.filters.filter(
    (filter): filter is Extract<FilterDefinition, { type: 'select' }> =>
      filter.type === 'select' && filter.id !== tile.crossFilter,
  )
  const value = other?.options[0]
  return [
    by && s.askBreakDown(by.label.toLowerCase()),
    tile.kind === 'breakdown' && s.askShare,
    value !== undefined && s.askOnly(String(value)),
  ].filter((question): question is string => typeof question === 'string')
}
