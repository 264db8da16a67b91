import type { TileDefinition } from '@inset/core'

/** Where one tile sits: columns and rows it spans on the current grid. */
export interface TilePlacement {
  id: string
  columns: number
  rows: number
}

/** Column count of the grid for a container width: 12 on wide, 6 on medium, 1 on narrow. */
export function gridColumnsFor(width: number): 12 | 6 | 1 {
  if (width >= 880) return 12
  if (width >= 560) return 6
  return 1
}

/**
 * Places tiles on a grid of `columns` columns in their defined order (so that reading and focus
 * order match what is seen). A tile wider than the grid is clamped; on 6 columns widths are halved;
 * the last tile of a row grows to fill the row so that no hole is left at its end.
 *
 * @example layoutTiles(definition.tiles, gridColumnsFor(container.clientWidth))
 */
export function layoutTiles(
  tiles: ReadonlyArray<Pick<TileDefinition, 'id' | 'layout'>>,
  columns: number,
): TilePlacement[] {
  const placements: TilePlacement[] = []
  let used = 0
  const closeRow = () => {
    const last = placements[placements.length - 1]
    if (last && used > 0 && used < columns) last.columns += columns - used
    used = 0
  }
  for (const tile of tiles) {
    const wanted = columns === 12 ? tile.layout.w : columns === 1 ? 1 : Math.ceil(tile.layout.w / 2)
    const span = Math.min(columns, Math.max(1, Math.round(wanted)))
    if (used + span > columns) closeRow()
    placements.push({ id: tile.id, columns: span, rows: Math.max(1, Math.round(tile.layout.h)) })
    used += span
  }
  closeRow()
  return placements
}
