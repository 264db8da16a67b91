import type { ColumnMeta } from '@inset/core'
import type { DimensionModel, MeasureModel, TimeGrain } from './model'
import type { RlsPredicate } from './rls'
import type { ResolvedQuery } from './validate-query'

/** The SQL dialects the compiler writes. Both take `$1`-style parameters. */
export type Dialect = 'duckdb' | 'postgres'

/** A value bound to a `$n` parameter. */
export type SqlParam = string | number | boolean | null

/** Parameterized SQL plus the columns it returns. No value is ever spliced into the text. */
export interface CompiledQuery {
  sql: string
  params: SqlParam[]
  columns: ColumnMeta[]
  /** The query asks for one row more than this to tell whether it was truncated. */
  limit: number
}

/** Quotes an identifier; names are validated as `[A-Za-z_][A-Za-z0-9_]*` before they get here. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

export function quoteTable(table: string): string {
  return table.split('.').map(quoteIdentifier).join('.')
}

class Params {
  readonly values: SqlParam[] = []
  add(value: SqlParam): string {
    this.values.push(value)
    return `$${this.values.length}`
  }
}

function timeBucket(dialect: Dialect, dimension: DimensionModel, grain: TimeGrain): string {
  const column = quoteIdentifier(dimension.column)
  // `grain` comes from a closed enum, so it is safe as a literal.
  if (dimension.dataType === 'timestamp') return `date_trunc('${grain}', ${column})`
  return dialect === 'postgres'
    ? `CAST(date_trunc('${grain}', CAST(${column} AS TIMESTAMP)) AS DATE)`
    : `CAST(date_trunc('${grain}', ${column}) AS DATE)`
}

function aggregate(measure: MeasureModel): string {
  const column = measure.column === undefined ? '*' : quoteIdentifier(measure.column)
  switch (measure.aggregation) {
    case 'count':
      return measure.column === undefined ? 'COUNT(*)' : `COUNT(${column})`
    case 'count_distinct':
      return `COUNT(DISTINCT ${column})`
    case 'sum':
      return `SUM(${column})`
    case 'avg':
      return `AVG(${column})`
    case 'min':
      return `MIN(${column})`
    case 'max':
      return `MAX(${column})`
  }
}

function placeholder(params: Params, dimension: DimensionModel, value: string | number): string {
  const slot = params.add(value)
  if (dimension.type !== 'time') return slot
  return `CAST(${slot} AS ${dimension.dataType === 'timestamp' ? 'TIMESTAMP' : 'DATE'})`
}

function whereClause(query: ResolvedQuery, rls: readonly RlsPredicate[], params: Params): string {
  const conditions: string[] = []
  // Row-level security first and always: client filters are ANDed after it, so they only narrow.
  for (const predicate of rls) {
    const column = quoteIdentifier(predicate.column)
    if (predicate.values.length === 0) conditions.push('1 = 0')
    else if (predicate.values.length === 1)
      conditions.push(`${column} = ${params.add(predicate.values[0] ?? null)}`)
    else conditions.push(`${column} IN (${predicate.values.map((v) => params.add(v)).join(', ')})`)
  }
  for (const filter of query.filters) {
    const column = quoteIdentifier(filter.dimension.column)
    const slots = filter.values.map((v) => placeholder(params, filter.dimension, v))
    switch (filter.op) {
      case 'eq':
        conditions.push(`${column} = ${slots[0]}`)
        break
      case 'gte':
        conditions.push(`${column} >= ${slots[0]}`)
        break
      case 'lt':
        conditions.push(`${column} < ${slots[0]}`)
        break
      case 'in':
        conditions.push(`${column} IN (${slots.join(', ')})`)
        break
      case 'not_in':
        conditions.push(`${column} NOT IN (${slots.join(', ')})`)
        break
    }
  }
  const range = query.timeRange
  if (range) {
    const column = quoteIdentifier(range.dimension.column)
    if (range.from !== undefined)
      conditions.push(`${column} >= ${placeholder(params, range.dimension, range.from)}`)
    if (range.to !== undefined)
      conditions.push(`${column} < ${placeholder(params, range.dimension, range.to)}`)
  }
  return conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''
}

function dimensionMeta(dimension: DimensionModel, grain?: TimeGrain): ColumnMeta {
  const type = dimension.type === 'time' ? 'date' : dimension.type
  return {
    name: dimension.name,
    label: dimension.label,
    type,
    role: 'dimension',
    ...(grain !== undefined && { grain }),
  }
}

/**
 * Compiles a validated query plus row-level-security predicates to parameterized SQL.
 *
 * @example
 * const { sql, params } = compileQuery(resolved, rlsPredicates(dataset, claims), 'duckdb')
 * // SELECT SUM("amount") AS c0 FROM "orders" WHERE "tenant_id" = $1 LIMIT 2
 */
export function compileQuery(
  query: ResolvedQuery,
  rls: readonly RlsPredicate[],
  dialect: Dialect,
): CompiledQuery {
  const params = new Params()
  const select: string[] = []
  const columns: ColumnMeta[] = []
  if (query.timeGrain) {
    select.push(timeBucket(dialect, query.timeGrain.dimension, query.timeGrain.grain))
    columns.push(dimensionMeta(query.timeGrain.dimension, query.timeGrain.grain))
  }
  for (const dimension of query.dimensions) {
    select.push(quoteIdentifier(dimension.column))
    columns.push(dimensionMeta(dimension))
  }
  const groupCount = select.length
  for (const measure of query.measures) {
    select.push(aggregate(measure))
    columns.push({
      name: measure.name,
      label: measure.label,
      type: 'number',
      role: 'measure',
      format: measure.format,
    })
  }

  const where = whereClause(query, rls, params)
  let sql = `SELECT ${select.map((expr, i) => `${expr} AS c${i}`).join(', ')} FROM ${quoteTable(query.dataset.table)}${where}`
  if (groupCount > 0) {
    sql += ` GROUP BY ${Array.from({ length: groupCount }, (_, i) => i + 1).join(', ')}`
    const order = query.sort.map((entry) => {
      const position = columns.findIndex((column) => column.name === entry.field) + 1
      return { position, direction: entry.direction }
    })
    // Every grouping column breaks ties, so both databases return the same order.
    for (let position = 1; position <= groupCount; position++) {
      if (!order.some((o) => o.position === position)) order.push({ position, direction: 'asc' })
    }
    sql += ` ORDER BY ${order.map((o) => `${o.position} ${o.direction.toUpperCase()} NULLS LAST`).join(', ')}`
  }
  // `limit` is a validated integer, never client text.
  sql += ` LIMIT ${query.limit + 1}`
  return { sql, params: params.values, columns, limit: query.limit }
}

/** `SELECT MIN(col), MAX(col)` of a dimension under row-level security (for date pickers). */
export function compileDimensionRange(
  query: ResolvedQuery,
  dimension: DimensionModel,
  rls: readonly RlsPredicate[],
): { sql: string; params: SqlParam[] } {
  const params = new Params()
  const column = quoteIdentifier(dimension.column)
  const where = whereClause(query, rls, params)
  return {
    sql: `SELECT MIN(${column}) AS c0, MAX(${column}) AS c1 FROM ${quoteTable(query.dataset.table)}${where}`,
    params: params.values,
  }
}
