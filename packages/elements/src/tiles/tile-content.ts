import type { QueryResult } from '@inset/core'

/** What a tile shows once it has data; kept across updates so that its UI state survives. */
export interface TileContent {
  element: HTMLElement
  /** Buttons for the tile's header (e.g. chart ↔ table). */
  tools?: HTMLElement[]
  update(result: QueryResult): void
  /** Re-reads theme colours (charts draw on canvas). */
  restyle?(): void
  /** Draws the same data again, e.g. after the selected point changed; keeps sort and page. */
  redraw?(): void
  /** The chart as a PNG at 2× with its title and legend (chart tiles only). */
  toPng?(): Promise<Blob>
  destroy?(): void
}
