// The demo's sample orders (same generator, seed and size as `inset-server demo`) loaded into our
// own in-memory DuckDB, to be queried with SQL written in the tests: never through the server's
// semantic layer, query compiler or row-level security.
import { DuckDBInstance, listValue } from '@duckdb/node-api'
import { generateSampleOrders } from '@inset/server'

/** Which rows a user sees with which filters; `to` is exclusive. */
export interface Scope {
  tenant: string
  /** Every region of the tenant when absent. */
  regions?: string[]
  channels?: string[]
  categories?: string[]
  from?: string
  to?: string
}

/** The demo user alice: tenant acme, every region. */
export const ALICE: Scope = { tenant: 'acme', regions: ['EU', 'NA', 'APAC'] }
/** The demo user bob: tenant globex, EU only. */
export const BOB: Scope = { tenant: 'globex', regions: ['EU'] }

type Connection = Awaited<ReturnType<DuckDBInstance['connect']>>
let ready: Promise<Connection> | undefined

// Positions in the generator's columns (ORDER_COLUMNS of @inset/server).
const COLUMNS = { tenant: 1, date: 3, region: 4, channel: 6, product: 7, category: 8 } as const
const QUANTITY = 9
const AMOUNT = 10

async function load(): Promise<Connection> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  await connection.run(`CREATE TABLE staged (
    tenant_id VARCHAR, order_date VARCHAR, region VARCHAR, channel VARCHAR,
    product VARCHAR, category VARCHAR, quantity INTEGER, amount DOUBLE)`)
  const columns = generateSampleOrders({ rows: 50_000, seed: 42 }) as unknown[][]
  const text = Object.values(COLUMNS).map((i) => columns[i] as string[])
  const quantity = columns[QUANTITY] as number[]
  const amount = columns[AMOUNT] as number[]
  const appender = await connection.createAppender('staged')
  for (let row = 0; row < quantity.length; row++) {
    for (const column of text) appender.appendVarchar(column[row]!)
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
    scope.regions ? 'list_contains($regions, region)' : 'true',
    scope.channels ? 'list_contains($channels, channel)' : 'true',
    scope.categories ? 'list_contains($categories, category)' : 'true',
    scope.from ? 'order_date >= CAST($from AS DATE)' : 'true',
    scope.to ? 'order_date < CAST($to AS DATE)' : 'true',
  ].join(' AND ')
  const values: Record<string, ReturnType<typeof listValue> | string> = { tenant: scope.tenant }
  if (scope.regions) values.regions = listValue(scope.regions)
  if (scope.channels) values.channels = listValue(scope.channels)
  if (scope.categories) values.categories = listValue(scope.categories)
  if (scope.from) values.from = scope.from
  if (scope.to) values.to = scope.to
  return { sql, values }
}

/**
 * Runs SQL over the table `orders(tenant_id, order_date DATE, region, channel, product, category,
 * quantity, amount)`, with `$where` replaced by the scope's conditions. BIGINTs come back as numbers.
 *
 * @example
 * const [[orders]] = await queryOrders('SELECT count(*) FROM orders WHERE $where', BOB)
 */
export async function queryOrders(sql: string, scope: Scope): Promise<unknown[][]> {
  ready ??= load()
  const connection = await ready
  const filter = where(scope)
  const reader = await connection.runAndReadAll(sql.replace('$where', filter.sql), filter.values)
  return reader
    .getRows()
    .map((row) => row.map((cell) => (typeof cell === 'bigint' ? Number(cell) : cell)))
}
