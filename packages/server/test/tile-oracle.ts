// What a tile of the test configuration (the demo's sales-overview plus rls-probe, ./servers.ts)
// must answer for a scope and a set of client filters, by SQL written here and run on the oracle
// (./oracle.ts). The filter semantics are restated here from the documentation, not imported:
// absent, null or [] means no filter; a date range's `from` is inclusive, `to` exclusive; select
// values are ANDed after row-level security.
import type { CellValue } from '@inset/core'
import type { Oracle } from './oracle'
import type { Scope } from './scope'

export type Filters = Record<string, unknown>

class Where {
  readonly parts: string[] = []
  readonly params: Array<string | number> = []
  inList(column: string, values: readonly string[]) {
    const marks = values.map((value) => {
      this.params.push(value)
      return `$${this.params.length}`
    })
    this.parts.push(`${column} IN (${marks.join(', ')})`)
  }
  bound(column: string, op: '>=' | '<', date: string) {
    this.params.push(date)
    this.parts.push(`${column} ${op} CAST($${this.params.length} AS DATE)`)
  }
  get sql() {
    return this.parts.join(' AND ') || 'true'
  }
}

const COLUMNS: Record<string, string> = {
  region: 'region',
  channel: 'channel',
  tenant: 'tenant_id',
  country: 'country',
  category: 'category',
}

function asList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined
  const list = (Array.isArray(value) ? value : [value]).map(String)
  return list.length === 0 ? undefined : list
}

/** WHERE for scope ∩ filters; `range` replaces the date filter (the KPI's previous period). */
function where(
  scope: Scope,
  filters: Filters,
  range?: { from?: string; to?: string } | null,
): Where {
  const w = new Where()
  w.inList('tenant_id', [scope.tenant])
  w.inList('region', scope.regions)
  const date = range === undefined ? (filters.date as { from?: string; to?: string } | null) : range
  if (date?.from) w.bound('order_date', '>=', date.from)
  if (date?.to) w.bound('order_date', '<', date.to)
  for (const [id, column] of Object.entries(COLUMNS)) {
    const values = asList(filters[id])
    if (values) w.inList(column, values)
  }
  return w
}

/** The period of the same length just before [from, to), both whole days. */
export function previousPeriod(from: string, to: string): { from: string; to: string } | undefined {
  const start = Date.parse(`${from}T00:00:00Z`)
  const end = Date.parse(`${to}T00:00:00Z`)
  if (!(end > start)) return undefined
  return { from: new Date(start - (end - start)).toISOString().slice(0, 10), to: from }
}

const TILE_SQL: Record<string, (w: string) => string> = {
  orders: (w) => `SELECT COUNT(*), NULL FROM orders WHERE ${w}`,
  'revenue-over-time': (w) =>
    `SELECT CAST(date_trunc('month', order_date) AS DATE) AS m, SUM(amount) FROM orders WHERE ${w} GROUP BY m ORDER BY m`,
  'revenue-by-category': (w) =>
    `SELECT category, SUM(amount) AS r FROM orders WHERE ${w} GROUP BY category ORDER BY r DESC, category LIMIT 10`,
  'top-products': (w) =>
    `SELECT product, category, SUM(amount) AS r, COUNT(*), SUM(quantity) FROM orders WHERE ${w} GROUP BY product, category ORDER BY r DESC, product, category LIMIT 10`,
  'by-tenant-region': (w) =>
    `SELECT tenant_id, region, channel, COUNT(*) AS n, SUM(amount) FROM orders WHERE ${w} GROUP BY ALL ORDER BY n DESC, tenant_id, region, channel LIMIT 100`,
}

/** The rows a tile must answer (unrounded). */
export async function expectedTile(
  truth: Oracle,
  tile: string,
  scope: Scope,
  filters: Filters,
): Promise<CellValue[][]> {
  if (tile === 'revenue') {
    const current = where(scope, filters)
    const [[value]] = (await truth.sql(
      `SELECT SUM(amount) FROM orders WHERE ${current.sql}`,
      current.params,
    )) as [[CellValue]]
    const date = filters.date as { from?: string; to?: string } | null | undefined
    const period = date?.from && date.to ? previousPeriod(date.from, date.to) : undefined
    if (!period) return [[value, null]]
    const before = where(scope, filters, period)
    const [[previous]] = (await truth.sql(
      `SELECT SUM(amount) FROM orders WHERE ${before.sql}`,
      before.params,
    )) as [[CellValue]]
    return [[value, previous]]
  }
  const make = TILE_SQL[tile]
  if (!make) throw new Error(`no oracle for tile ${tile}`)
  const w = where(scope, filters)
  return truth.sql(make(w.sql), w.params)
}

/** The rows of `<measure> by <dimensions>` under scope ∩ dashboard filters, in a stable order. */
export async function expectedGroups(
  truth: Oracle,
  measure: 'SUM(amount)' | 'COUNT(*)',
  columns: readonly string[],
  scope: Scope,
  filters: Filters,
): Promise<CellValue[][]> {
  const w = where(scope, filters)
  const list = columns.join(', ')
  return truth.sql(
    `SELECT ${list}, ${measure} FROM orders WHERE ${w.sql} GROUP BY ${list} ORDER BY ${list}`,
    w.params,
  )
}
