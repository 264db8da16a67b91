import type { QueryResult } from '@inset/core'

/** What the lazy chart module draws: a line chart over time or bars per category. */
export interface ChartSpec {
  kind: 'timeseries' | 'breakdown'
  result: QueryResult
  /** Text for an x value (a date's epoch ms for time series, a category otherwise). */
  formatX(value: number | string): string
  /** Axis text for a measure value (compact). */
  formatY(value: number, measureIndex: number): string
  /** Full text for a measure value, for the tooltip. */
  formatValue(value: number, measureIndex: number): string
  /** A point or bar was clicked; `rowIndex` indexes `result.rows`. */
  onPoint(rowIndex: number): void
  /** The row of the selected bar (a cross-filter set from this tile): the others are faded. */
  selected?: number
}

/** A mounted chart. */
export interface ChartHandle {
  update(spec: ChartSpec): void
  /** Re-reads the CSS custom properties (after a theme change). */
  restyle(): void
  /** The chart drawn again at 2× with `title` above and its legend, as a PNG. */
  toPng(title: string): Promise<Blob>
  destroy(): void
}
