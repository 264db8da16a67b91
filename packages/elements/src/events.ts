import type {
  AssistantState,
  CellValue,
  ColumnMeta,
  DashboardDefinition,
  DashboardState,
  DrillValue,
  Filters,
  InsetError,
  QueryResult,
  StructuredQuery,
} from '@inset/core'

/** Which element sent an event. */
export type InsetEventSource = 'dashboard' | 'assistant'

/** `inset-ready`: the dashboard's definition arrived, or the assistant is ready for questions. */
export type InsetReadyDetail =
  | { source: 'dashboard'; dashboardId: string; definition: DashboardDefinition }
  | { source: 'assistant'; suggestions: string[] }

/** `inset-error`: the dashboard, a tile or an answer failed; `error.code` is stable. */
export interface InsetErrorDetail {
  source: InsetEventSource
  error: InsetError
  /** Set when one tile failed and the rest of the dashboard still works. */
  tileId?: string
}

/** `inset-state-change`: the element's overall state changed (core's `state` of its controller). */
export type InsetStateChangeDetail =
  | { source: 'dashboard'; state: Exclude<DashboardState, 'destroyed'> }
  | { source: 'assistant'; state: Exclude<AssistantState, 'destroyed'> }

/**
 * `inset-filter-change`: the filters in effect changed after load, by the user or through
 * `setFilters`/`filters`. Not sent for the definition's defaults applied when it loads: read
 * `filters` (or `snapshot.filters`) for the filters a dashboard starts with.
 */
export interface InsetFilterChangeDetail {
  dashboardId: string
  filters: Filters
  /** `user` for the filter bar, `api` for `setFilters` or the `filters` property. */
  origin: 'user' | 'api'
}

/** `inset-data-point-click`: a point, bar or table row was activated. */
export interface InsetDataPointClickDetail {
  source: InsetEventSource
  dashboardId?: string
  tileId?: string
  /** The clicked row with its columns; `value` is the row's first measure. */
  columns: ColumnMeta[]
  row: CellValue[]
  value: CellValue
}

/** `inset-drill-change`: a tile was drilled into, or back up (`drill` empty: the top level). */
export interface InsetDrillChangeDetail {
  dashboardId: string
  tileId: string
  /** The values chosen along the tile's drill path, outermost first. */
  drill: ReadonlyArray<DrillValue>
}

/** `inset-export`: a tile's download finished (`error` when it failed). */
export interface InsetExportDetail {
  dashboardId: string
  tileId: string
  format: 'csv' | 'png'
  /** Size of the file, in bytes. */
  bytes?: number
  error?: InsetError
}

/**
 * `inset-ask-about`: "Ask about this" on a tile (or `askAbout(tileId)`). A linked assistant takes
 * the tile as the context of its next questions; a host may open its assistant, or its own.
 */
export interface InsetAskAboutDetail {
  dashboardId: string
  tileId: string
  /** The tile's title, e.g. `Revenue by category`. */
  title: string
  /** The dashboard's filters in effect. */
  filters: Filters
}

/** `inset-answer`: the assistant finished an answer. */
export interface InsetAnswerDetail {
  question: string
  text: string
  /** The query the assistant ran, in structured form and in words. */
  query?: StructuredQuery
  description?: string
  result?: QueryResult
}

/** Event name → detail type of every event the elements send. */
export interface InsetEventDetailMap {
  'inset-ready': InsetReadyDetail
  'inset-error': InsetErrorDetail
  'inset-state-change': InsetStateChangeDetail
  'inset-filter-change': InsetFilterChangeDetail
  'inset-data-point-click': InsetDataPointClickDetail
  'inset-answer': InsetAnswerDetail
  'inset-drill-change': InsetDrillChangeDetail
  'inset-export': InsetExportDetail
  'inset-ask-about': InsetAskAboutDetail
}

/** Name of an Inset event, e.g. `'inset-filter-change'`. */
export type InsetEventName = keyof InsetEventDetailMap

/** The `CustomEvent` of one Inset event. */
export type InsetEvent<N extends InsetEventName> = CustomEvent<InsetEventDetailMap[N]>

/** Sends a bubbling, composed Inset event from `target`. */
export function dispatchInsetEvent<N extends InsetEventName>(
  target: EventTarget,
  name: N,
  detail: InsetEventDetailMap[N],
): boolean {
  // A host may cancel a point's activation (no cross-filter, no drill) with `preventDefault()`.
  const cancelable = name === 'inset-data-point-click'
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }),
  )
}

declare global {
  interface HTMLElementEventMap {
    'inset-ready': InsetEvent<'inset-ready'>
    'inset-error': InsetEvent<'inset-error'>
    'inset-state-change': InsetEvent<'inset-state-change'>
    'inset-filter-change': InsetEvent<'inset-filter-change'>
    'inset-data-point-click': InsetEvent<'inset-data-point-click'>
    'inset-answer': InsetEvent<'inset-answer'>
    'inset-drill-change': InsetEvent<'inset-drill-change'>
    'inset-export': InsetEvent<'inset-export'>
    'inset-ask-about': InsetEvent<'inset-ask-about'>
  }
}

/** The detail of a click on row `rowIndex` of a result; `value` is the row's first measure. */
export function dataPointDetail(result: QueryResult, rowIndex: number) {
  const row = result.rows[rowIndex]
  if (!row) return undefined
  const measure = result.columns.findIndex((c) => c.role === 'measure')
  return { columns: result.columns, row, value: row[Math.max(measure, 0)] ?? null }
}
