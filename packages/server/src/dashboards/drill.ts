import type { StructuredQuery } from '@inset/core'
import type { TileConfig } from '../config/schema'
import { badRequest } from '../errors'
import type { SemanticModel } from '../semantic/model'

/** Tiles that may declare a drill path and a cross-filter: breakdowns and tables. */
export type CategoryTile = Extract<TileConfig, { kind: 'breakdown' | 'table' }>

/** True for breakdown and table tiles. */
export function isCategoryTile(tile: TileConfig): tile is CategoryTile {
  return tile.kind === 'breakdown' || tile.kind === 'table'
}

/** The tile's first (category-like) dimension: a breakdown's dimension, a table's first one. */
export function firstDimension(tile: TileConfig): string | undefined {
  if (tile.kind === 'breakdown') return tile.dimension
  if (tile.kind === 'table') return tile.dimensions[0]
  return undefined
}

/** The tile's drill path (dimension names, outermost first), or undefined when it has none. */
export function drillPath(tile: TileConfig): readonly string[] | undefined {
  return isCategoryTile(tile) ? tile.drill : undefined
}

const MAX_TEXT = 1000

/**
 * Checks the `drill` values a client sent for a tile: at most `path.length - 1` values, each of
 * its level's dimension type (strings for string dimensions, finite numbers for number ones).
 * Throws `bad_request` with the reason.
 */
export function parseDrill(
  tile: TileConfig,
  input: unknown,
  model: SemanticModel,
  dataset: string,
): Array<string | number> {
  if (input === undefined || input === null) return []
  if (!Array.isArray(input))
    throw badRequest('drill: expected an array of the values chosen along the drill path')
  if (input.length === 0) return []
  const path = drillPath(tile)
  if (!path) throw badRequest(`drill: tile "${tile.id}" has no drill path`)
  if (input.length >= path.length) {
    throw badRequest(
      `drill: tile "${tile.id}" drills through ${path.join(' → ')}: at most ${path.length - 1} value${path.length === 2 ? '' : 's'}, got ${input.length}`,
    )
  }
  const dimensions = model.datasets[dataset]?.dimensions ?? {}
  return input.map((value: unknown, i) => {
    const name = path[i] ?? ''
    const numeric = dimensions[name]?.type === 'number'
    if (numeric) {
      if (typeof value === 'number' && Number.isFinite(value)) return value
      throw badRequest(`drill[${i}]: "${name}" is a number dimension, got ${JSON.stringify(value)}`)
    }
    if (typeof value === 'string' && value.length <= MAX_TEXT && !value.includes('\u0000'))
      return value
    throw badRequest(
      `drill[${i}]: expected a "${name}" value (a string up to ${MAX_TEXT} characters, no NUL), got ${JSON.stringify(value)?.slice(0, 60)}`,
    )
  })
}

/**
 * The tile's query at drill level `drill.length`: its first dimension replaced by the level's
 * (`path[drill.length]`) and narrowed by `path[i] = drill[i]`. The narrowing filters are ordinary
 * query filters, ANDed after row-level security like every client filter, so they only narrow.
 *
 * @example
 * drillQuery(tile, base, ['Hardware']) // path category → product
 * // { ...base, dimensions: ['product'], filters: [...base.filters, { dimension: 'category', op: 'eq', values: ['Hardware'] }] }
 */
export function drillQuery(
  tile: TileConfig,
  base: StructuredQuery,
  drill: ReadonlyArray<string | number>,
): StructuredQuery {
  const path = drillPath(tile)
  const first = firstDimension(tile)
  if (drill.length === 0 || !path || first === undefined) return base
  const level = path[drill.length]
  if (level === undefined) throw badRequest('drill: past the end of the drill path')
  const rest = (base.dimensions ?? []).slice(1).filter((name) => name !== level)
  return {
    ...base,
    dimensions: [level, ...rest],
    filters: [
      ...(base.filters ?? []),
      ...drill.map((value, i) => ({
        dimension: path[i] ?? '',
        op: 'eq' as const,
        values: [value],
      })),
    ],
    ...(base.sort && {
      sort: base.sort.map((entry) => (entry.field === first ? { ...entry, field: level } : entry)),
    }),
  }
}
