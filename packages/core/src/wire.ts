// The JSON shapes of Server API v1, shared by core, elements, node and server so that the
// two ends of every route are checked by one compiler. Change them here and in docs/architecture.md.

/** A primitive value in a result row. Dates travel as ISO strings (`2025-03-01` or full timestamps). */
export type CellValue = string | number | boolean | null

/** A filter value sent by a client, keyed by the filter's id. */
export type FilterValue = string | number | boolean | Array<string | number> | DateRangeValue | null

/** A date range; `from` inclusive, `to` exclusive, ISO dates. Either end may be open. */
export interface DateRangeValue {
  from?: string
  to?: string
}

/** Client filters keyed by filter id, e.g. `{ region: ['EU'], date: { from: '2025-01-01' } }`. */
export type Filters = Record<string, FilterValue>

export type FilterDefinition =
  | {
      id: string
      type: 'date_range'
      label: string
      dimension: string
      /** Lower and upper bounds of the data, for the picker. */
      min?: string
      max?: string
      default?: DateRangeValue
    }
  | {
      id: string
      type: 'select'
      label: string
      dimension: string
      multiple: boolean
      /** The values the user may choose from (already narrowed by row-level security). */
      options: Array<string | number>
      default?: Array<string | number>
    }

export type TileKind = 'kpi' | 'timeseries' | 'breakdown' | 'table'

export type ValueFormat = 'number' | 'currency' | 'percent' | 'integer'

export interface TileDefinition {
  id: string
  title: string
  kind: TileKind
  description?: string
  /** Grid placement on a 12-column grid; `w` columns wide, `h` rows of ~120px tall. */
  layout: { w: number; h: number }
  /** KPI: compare with the previous period of equal length when a date filter is set. */
  compare?: boolean
  /**
   * The dashboard filter (a `select` on this tile's first dimension) that activating one of its
   * points or rows sets: cross-filtering. Absent when none applies or the definition turned it off.
   */
  crossFilter?: string
  /**
   * Drill path: the dimensions activating a point walks through, e.g. category → product. The
   * tile shows level `drill.length` of the path when given `drill` values in its query.
   */
  drill?: Array<{ dimension: string; label: string }>
}

/** `GET /v1/dashboards/:id` */
export interface DashboardDefinition {
  id: string
  title: string
  description?: string
  filters: FilterDefinition[]
  tiles: TileDefinition[]
  /** The token's scope includes `export`: tiles may be downloaded (CSV from the server). */
  canExport?: boolean
}

export interface ColumnMeta {
  name: string
  label: string
  type: 'string' | 'number' | 'date' | 'boolean'
  role: 'dimension' | 'measure'
  format?: ValueFormat
  /** Time grain of a date dimension. */
  grain?: 'day' | 'week' | 'month' | 'quarter' | 'year'
}

/**
 * `POST /v1/dashboards/:id/tiles/:tileId/query` and the assistant's `result` event.
 * KPI tiles return one row `[value, previous]` (columns `value`, `previous`; `previous` null when
 * there is nothing to compare with). Time series: `[date, measure...]` sorted by date.
 * Breakdown: `[category, measure]` sorted by measure descending. Table: any columns.
 */
export interface QueryResult {
  columns: ColumnMeta[]
  rows: CellValue[][]
  meta: {
    rowCount: number
    durationMs: number
    /** More rows matched than the tile's limit returns. */
    truncated?: boolean
    /** When the rows were read from the database (ISO time); older than now for a cached result. */
    dataAsOf?: string
    /** Whether the server's result cache answered (`hit`), stored it (`miss`) or was not used (`off`). */
    cache?: 'hit' | 'miss' | 'off'
  }
}

/** Body of the tile query route and of the export route. */
export interface TileQueryRequest {
  filters?: Filters
  /**
   * Values chosen along the tile's drill path, outermost first: `['Hardware']` shows the second
   * level (e.g. products) narrowed to category Hardware. At most `drill.length - 1` values.
   */
  drill?: Array<string | number>
}

/**
 * Body of `POST /v1/dashboards/:id/load`: the definition and every tile's first result in one
 * round trip (one CORS preflight, no waterfall). `filters` as for a tile query (defaults fill
 * the absent ones); `drill` per tile id.
 */
export interface DashboardLoadRequest {
  filters?: Filters
  drill?: Record<string, Array<string | number>>
}

/** `POST /v1/dashboards/:id/load` → the definition, and per tile its result or its error. */
export interface DashboardLoad {
  definition: DashboardDefinition
  tiles: Record<string, { data: QueryResult } | { error: { code: string; message: string } }>
}

/**
 * Body of `POST /v1/dashboards/:id/tiles/:tileId/export` (needs scope `export`): the tile's full
 * result with these filters as `text/csv` (UTF-8, ISO dates, raw numbers; `bom: true` prepends a
 * byte-order mark for spreadsheets), at most `EXPORT_ROW_LIMIT` rows.
 */
export interface TileExportRequest extends TileQueryRequest {
  bom?: boolean
}

/** Rows one export may hold. */
export const EXPORT_ROW_LIMIT = 100_000

/** A structured query over a dataset's semantic model: what the assistant runs. Never SQL. */
export interface StructuredQuery {
  dataset: string
  measures: string[]
  dimensions?: string[]
  /** Time dimension grouping, e.g. `{ dimension: 'order_date', grain: 'month' }`. */
  timeGrain?: { dimension: string; grain: 'day' | 'week' | 'month' | 'quarter' | 'year' }
  filters?: Array<{
    dimension: string
    op: 'in' | 'not_in' | 'gte' | 'lt' | 'eq'
    values: Array<string | number>
  }>
  timeRange?: { dimension: string; from?: string; to?: string }
  sort?: Array<{ field: string; direction: 'asc' | 'desc' }>
  limit?: number
}

/** A previous turn of an assistant conversation. */
export interface AssistantTurn {
  role: 'user' | 'assistant'
  content: string
}

/** Body of `POST /v1/assistant`. */
export interface AssistantRequest {
  question: string
  /** `tileId`: the dashboard's tile the question is about ("Ask about this"); needs `dashboardId`. */
  context?: { dashboardId?: string; tileId?: string; filters?: Filters; history?: AssistantTurn[] }
}

/** The `text/event-stream` events of `POST /v1/assistant`, by event name. */
export interface AssistantEventMap {
  text: { delta: string }
  /**
   * The query and what it computes in words (period, filters, the dashboard's filters, any share
   * or change). `scope`: the rows the asker may see, in words ("Tenant is globex and Region is EU").
   */
  query: { query: StructuredQuery; description: string; scope?: string }
  result: QueryResult
  chart: { kind: TileKind; x?: string; y?: string[] }
  done: { suggestions?: string[] }
  error: { code: string; message: string }
}

/** `GET /v1/assistant/suggestions?dashboardId=` */
export interface AssistantSuggestions {
  suggestions: string[]
}

/** Error body of every route: `{ "error": { "code", "message" } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

/** Admin list routes (`GET /v1/dashboards`, `GET /v1/audit`): `?cursor=&limit=`. */
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface DashboardSummary {
  id: string
  title: string
  description?: string
}

export interface AuditEntry {
  id: string
  at: string
  kind: 'token' | 'query' | 'assistant' | 'admin' | 'export'
  subject: string
  tenant: string | null
  dashboardId: string | null
  tileId: string | null
  rowCount: number | null
  durationMs: number | null
  status: number
  errorCode?: string | null
}

/** Body of `POST /v1/tokens` (admin). `ttl` in seconds or a duration such as `"10m"`. */
export interface CreateTokenRequest {
  user: string
  tenant: string
  attributes?: Record<string, string | number | boolean | Array<string | number | boolean>>
  scope?: string[]
  ttl?: number | string
  embedKey?: string
}

/** Answer of a token endpoint and of `POST /v1/tokens`. */
export interface TokenResponse {
  token: string
  /** Epoch milliseconds. */
  expiresAt: number
}
