// The numbers a page must show, from a direct query: the demo's sample orders (same generator,
// seed and size as `inset-server demo`) loaded into our own in-memory DuckDB and queried with SQL
// written here, not through the server's semantic layer, compiler or row-level security.
import { DuckDBInstance, listValue } from '@duckdb/node-api'
import { generateSampleOrders } from '@inset/server'

/** Which rows a user sees with which filters; `to` is exclusive. */
export interface Scope {
  tenant: string
  regions: string[]
  channels?: string[]
  from?: string
  to?: string
}

export const ALICE: Scope = { tenant: 'acme', regions: ['EU', 'NA', 'APAC'] }
export const BOB: Scope = { tenant: 'globex', regions: ['EU'] }

type Connection = Awaited<ReturnType<DuckDBInstance['connect']>>
let ready: Promise<Connection> | undefined

async function load(): Promise<Connection> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  await connection.run(`CREATE TABLE staged (
    tenant_id VARCHAR, order_date VARCHAR, region VARCHAR, channel VARCHAR,
    product VARCHAR, category VARCHAR, quantity INTEGER, amount DOUBLE)`)
  const columns = generateSampleOrders({ rows: 50_000, seed: 42 }) as unknown[][]
  const column = (i: number) => columns[i] as unknown[]
  const [tenant, date, region, channel, product, category, quantity, amount] = [
    1, 3, 4, 6, 7, 8, 9, 10,
  ].map(column) as unknown[][] as [
    string[],
    string[],
    string[],
    string[],
    string[],
    string[],
    number[],
    number[],
  ]
  const appender = await connection.createAppender('staged')
  for (let row = 0; row < tenant.length; row++) {
    appender.appendVarchar(tenant[row]!)
    appender.appendVarchar(date[row]!)
    appender.appendVarchar(region[row]!)
    appender.appendVarchar(channel[row]!)
    appender.appendVarchar(product[row]!)
    appender.appendVarchar(category[row]!)
    appender.appendInteger(quantity[row]!)
    appender.appendDouble(amount[row]!)
    appender.endRow()
  }
  appender.closeSync()
  await connection.run(
    'CREATE TABLE orders AS SELECT * REPLACE (CAST(order_date AS DATE) AS order_date) FROM staged',
  )
  return connection
}

function where(scope: Scope) {
  const sql = [
    'tenant_id = $tenant',
    'list_contains($regions, region)',
    scope.channels ? 'list_contains($channels, channel)' : 'true',
    scope.from ? 'order_date >= CAST($from AS DATE)' : 'true',
    scope.to ? 'order_date < CAST($to AS DATE)' : 'true',
  ].join(' AND ')
  const values: Record<string, ReturnType<typeof listValue> | string> = {
    tenant: scope.tenant,
    regions: listValue(scope.regions),
  }
  if (scope.channels) values.channels = listValue(scope.channels)
  if (scope.from) values.from = scope.from
  if (scope.to) values.to = scope.to
  return { sql, values }
}

async function rows(sql: string, scope: Scope): Promise<unknown[][]> {
  ready ??= load()
  const connection = await ready
  const filter = where(scope)
  const reader = await connection.runAndReadAll(sql.replace('$where', filter.sql), filter.values)
  // BIGINT comes back as bigint: make every number a number.
  return reader
    .getRows()
    .map((row) => row.map((cell) => (typeof cell === 'bigint' ? Number(cell) : cell)))
}

export interface Expected {
  revenue: number
  orders: number
  /** By revenue, descending. */
  byCategory: Array<{ category: string; revenue: number }>
  /** The ten best products by revenue. */
  topProducts: Array<{
    product: string
    category: string
    revenue: number
    orders: number
    units: number
  }>
}

/** The dashboard's numbers for one scope, by direct SQL. */
export async function expectedFor(scope: Scope): Promise<Expected> {
  const [[revenue, orders]] = (await rows(
    'SELECT coalesce(sum(amount), 0), count(*) FROM orders WHERE $where',
    scope,
  )) as [[number, number]]
  const byCategory = (
    await rows(
      'SELECT category, sum(amount) AS r FROM orders WHERE $where GROUP BY 1 ORDER BY r DESC',
      scope,
    )
  ).map(([category, revenue]) => ({ category: category as string, revenue: revenue as number }))
  const topProducts = (
    await rows(
      `SELECT product, any_value(category), sum(amount) AS r, count(*), sum(quantity)
       FROM orders WHERE $where GROUP BY product ORDER BY r DESC LIMIT 10`,
      scope,
    )
  ).map(([product, category, revenue, orders, units]) => ({
    product: product as string,
    category: category as string,
    revenue: revenue as number,
    orders: orders as number,
    units: units as number,
  }))
  return { revenue, orders, byCategory, topProducts }
}

/** As the pages format them (en-US). */
export const usd = (value: number) =>
  new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  }).format(value)
export const int = (value: number) => new Intl.NumberFormat('en-US').format(value)
