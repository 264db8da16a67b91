import type { CellValue, ColumnMeta } from '@inset/core'
import type { DataSource } from '../data/data-source'
import { badRequest, ServerError } from '../errors'
import { compileQuery, type SqlParam } from '../semantic/compile-sql'
import type { DimensionModel } from '../semantic/model'
import { rlsPredicates } from '../semantic/rls'
import type { QueryContext } from '../semantic/run-query'
import { type ResolvedQuery, validateStructuredQuery } from '../semantic/validate-query'

/**
 * How pages follow each other:
 * - `keyset`: the next page is `WHERE (sort key) > (last row's sort key)` in the query's order
 *   (grouping columns break ties, so the order is total). Used when every sort key is exact: a
 *   grouping column, or a `count`, `count_distinct`, `min` or `max` measure.
 * - `offset`: `OFFSET n` in the same order, when a sort key is a `sum` or `avg` measure: floating
 *   point sums may differ in their last bits between two runs (both databases aggregate in
 *   parallel), and a keyset compared with a value that moved by one ulp would skip or repeat the
 *   boundary row; an offset only depends on the order, which ulps do not change in practice.
 * - `single`: a query without dimensions has one row.
 */
export type PaginationMode = 'keyset' | 'offset' | 'single'

/** A validated data-API query, compiled once with row-level security, ready for pages or export. */
export interface DataQueryPlan {
  resolved: ResolvedQuery
  source: DataSource
  columns: ColumnMeta[]
  /** The query without ORDER BY and LIMIT: the rows to page through (columns `c0`…). */
  base: { sql: string; params: SqlParam[] }
  /** Sort keys by column index, grouping columns last as tie-breakers. */
  order: Array<{ index: number; direction: 'asc' | 'desc'; cast?: 'DATE' | 'TIMESTAMP' }>
  mode: PaginationMode
  /** The query's own `limit`: rows of the whole result (all pages); none means every row. */
  cap?: number
  /** Indexes of currency columns (rounded to cents in the output, as tile results are). */
  currency: number[]
}

const EXACT = new Set(['count', 'count_distinct', 'min', 'max'])

/**
 * Validates a StructuredQuery (errors name the field: `query.dimensions[0]: unknown dimension …`),
 * compiles it with the row-level security of `ctx.claims` and decides how to paginate it.
 */
export function planDataQuery(ctx: QueryContext, query: unknown): DataQueryPlan {
  if (typeof query !== 'object' || query === null || Array.isArray(query))
    throw badRequest(
      'query: must be a StructuredQuery such as { "dataset": "orders", "measures": ["revenue"] }',
    )
  const { limit: cap, ...rest } = query as Record<string, unknown>
  if (cap !== undefined && !(typeof cap === 'number' && Number.isSafeInteger(cap) && cap >= 1))
    throw badRequest('query.limit: must be a whole number ≥ 1 (rows of the whole result)')
  const { runtime, claims } = ctx
  const resolved = validateStructuredQuery(runtime.model, rest, {
    maxRows: Number.MAX_SAFE_INTEGER,
    defaultLimit: 1,
  })
  const source = runtime.dataSources.get(resolved.dataset.dataSource)
  if (!source)
    throw new ServerError('server', `Data source "${resolved.dataset.dataSource}" is not open`)
  const compiled = compileQuery(resolved, rlsPredicates(resolved.dataset, claims), source.dialect)

  const groups: DimensionModel[] = [
    ...(resolved.timeGrain ? [resolved.timeGrain.dimension] : []),
    ...resolved.dimensions,
  ]
  // compileQuery appends ` ORDER BY …` (grouped queries) and ` LIMIT n`; identifiers are
  // validated names and values are parameters, so these markers cannot occur earlier in the text.
  const cut = compiled.sql.lastIndexOf(groups.length > 0 ? ' ORDER BY ' : ' LIMIT ')
  if (cut < 0) throw new ServerError('server', 'Unexpected compiled query')
  const base = { sql: compiled.sql.slice(0, cut), params: compiled.params }

  const order: DataQueryPlan['order'] = []
  for (const entry of resolved.sort) {
    const index = compiled.columns.findIndex((column) => column.name === entry.field)
    if (index >= 0) order.push({ index, direction: entry.direction })
  }
  groups.forEach((_, index) => {
    if (!order.some((o) => o.index === index)) order.push({ index, direction: 'asc' })
  })
  for (const entry of order) {
    const dimension = groups[entry.index]
    if (dimension?.type === 'time')
      entry.cast = dimension.dataType === 'timestamp' ? 'TIMESTAMP' : 'DATE'
  }
  const exact = order.every(
    (o) =>
      o.index < groups.length ||
      EXACT.has(resolved.measures[o.index - groups.length]?.aggregation ?? ''),
  )
  return {
    resolved,
    source,
    columns: compiled.columns,
    base,
    order: groups.length > 0 ? order : [],
    mode: groups.length === 0 ? 'single' : exact ? 'keyset' : 'offset',
    ...(cap !== undefined && { cap: cap as number }),
    currency: compiled.columns.flatMap((column, i) => (column.format === 'currency' ? [i] : [])),
  }
}

/**
 * The SQL of one page (or, with no `take`, of the whole ordered result): the plan's rows after
 * `after` (keyset) or past `offset`, in the plan's order.
 */
export function pageSql(
  plan: DataQueryPlan,
  page: { after?: readonly CellValue[]; offset?: number; take?: number },
): { sql: string; params: SqlParam[] } {
  const params = [...plan.base.params]
  const slot = (value: CellValue, cast?: string) => {
    params.push(value)
    return cast ? `CAST($${params.length} AS ${cast})` : `$${params.length}`
  }
  let where = ''
  if (page.after) {
    const after = page.after
    if (after.length !== plan.order.length) throw badRequest('cursor: not a cursor of this query')
    const terms: string[] = []
    plan.order.forEach((key, i) => {
      const value = after[i] ?? null
      // NULLS LAST in both directions: nothing sorts after a null but other nulls.
      if (value === null) return
      const column = `"c${key.index}"`
      const conditions = plan.order.slice(0, i).map((previous, j) => {
        const equal = after[j] ?? null
        const name = `"c${previous.index}"`
        return equal === null ? `${name} IS NULL` : `${name} = ${slot(equal, previous.cast)}`
      })
      const op = key.direction === 'asc' ? '>' : '<'
      conditions.push(`(${column} ${op} ${slot(value, key.cast)} OR ${column} IS NULL)`)
      terms.push(`(${conditions.join(' AND ')})`)
    })
    where = ` WHERE ${terms.length > 0 ? terms.join(' OR ') : '1 = 0'}`
  }
  const orderBy =
    plan.order.length > 0
      ? ` ORDER BY ${plan.order.map((o) => `"c${o.index}" ${o.direction.toUpperCase()} NULLS LAST`).join(', ')}`
      : ''
  // `take` and `offset` are integers the server computed, never client text.
  const limit = page.take !== undefined ? ` LIMIT ${Math.floor(page.take)}` : ''
  const offset = page.offset ? ` OFFSET ${Math.floor(page.offset)}` : ''
  return {
    sql: `SELECT * FROM (${plan.base.sql}) AS inset_rows${where}${orderBy}${limit}${offset}`,
    params,
  }
}

/** Rounds currency columns to cents in place, as tile results are. */
export function roundCurrency(plan: DataQueryPlan, rows: CellValue[][]): CellValue[][] {
  if (plan.currency.length === 0) return rows
  for (const row of rows) {
    for (const i of plan.currency) {
      const value = row[i]
      if (typeof value === 'number') row[i] = Math.round(value * 100) / 100
    }
  }
  return rows
}
