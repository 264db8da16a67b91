// The oracle of every number the server's suites check: the sample orders (the same generator,
// seed and row count as the server under test) loaded into a DuckDB of the test's own, queried
// with SQL written in the tests. Never through the server's data sources, semantic layer, SQL
// compiler or row-level security, so a bug there (or in one database's value conversion) shows up
// as a difference. See also the scope checks in ./scope.ts.
import { DuckDBInstance } from '@duckdb/node-api'
import type { CellValue } from '@inset/core'
import { generateSampleOrders, ORDER_COLUMNS } from '../src/data/sample-orders'

type Connection = Awaited<ReturnType<DuckDBInstance['connect']>>

export interface Oracle {
  /** Rows of SQL over `orders` (DATE columns as `YYYY-MM-DD`, BIGINT and DECIMAL as numbers). */
  sql(text: string, params?: Array<string | number>): Promise<CellValue[][]>
}

const oracles = new Map<string, Promise<Oracle>>()

async function load(rows: number, seed: number): Promise<Oracle> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection: Connection = await instance.connect()
  const types: Record<string, string> = {
    integer: 'INTEGER',
    bigint: 'BIGINT',
    double: 'DOUBLE',
    varchar: 'VARCHAR',
    date: 'VARCHAR',
  }
  await connection.run(
    `CREATE TABLE staged (${ORDER_COLUMNS.map((c) => `${c.name} ${types[c.type]}`).join(', ')})`,
  )
  const columns = generateSampleOrders({ rows, seed }) as unknown[][]
  const appender = await connection.createAppender('staged')
  const count = (columns[0] as unknown[]).length
  for (let row = 0; row < count; row++) {
    ORDER_COLUMNS.forEach((column, i) => {
      const value = (columns[i] as unknown[])[row]
      if (column.type === 'integer') appender.appendInteger(value as number)
      else if (column.type === 'double') appender.appendDouble(value as number)
      else if (column.type === 'bigint') appender.appendBigInt(BigInt(value as number))
      else appender.appendVarchar(String(value))
    })
    appender.endRow()
  }
  appender.closeSync()
  await connection.run(
    'CREATE TABLE orders AS SELECT * REPLACE (CAST(order_date AS DATE) AS order_date) FROM staged',
  )
  return {
    async sql(text, params = []) {
      const reader = await connection.runAndReadAll(text, params as never)
      return reader.getRowsJS().map((row) =>
        row.map((cell): CellValue => {
          if (typeof cell === 'bigint') return Number(cell)
          if (cell instanceof Date) return cell.toISOString().slice(0, 10)
          if (cell !== null && typeof cell === 'object') {
            // DATE values read as { days } in some versions; DECIMAL as objects with a value.
            const value = cell as { days?: number; toDouble?: () => number }
            if (typeof value.days === 'number')
              return new Date(value.days * 86_400_000).toISOString().slice(0, 10)
            if (typeof value.toDouble === 'function') return value.toDouble()
            return String(cell)
          }
          return cell as CellValue
        }),
      )
    },
  }
}

/** The oracle over `rows` sample orders of `seed` (cached per size and seed). */
export function oracle(rows: number, seed = 42): Promise<Oracle> {
  const key = `${rows}/${seed}`
  let found = oracles.get(key)
  if (!found) {
    found = load(rows, seed)
    oracles.set(key, found)
  }
  return found
}

/** Cents, as the server rounds currency; other numbers as they are. */
export const cents = (value: CellValue) =>
  typeof value === 'number' ? Math.round(value * 100) / 100 : value

/**
 * Asserts two result tables equal: same shape, same non-numbers, numbers within `tolerance`
 * (sums of doubles differ in the last bits between databases). Returns a message or undefined.
 */
export function difference(
  actual: readonly CellValue[][],
  expected: readonly CellValue[][],
  tolerance = 0.011,
): string | undefined {
  if (actual.length !== expected.length)
    return `${actual.length} rows, expected ${expected.length}: ${JSON.stringify(actual.slice(0, 3))} vs ${JSON.stringify(expected.slice(0, 3))}`
  for (let r = 0; r < actual.length; r++) {
    const a = actual[r] ?? []
    const e = expected[r] ?? []
    if (a.length !== e.length) return `row ${r}: ${JSON.stringify(a)} vs ${JSON.stringify(e)}`
    for (let c = 0; c < a.length; c++) {
      const x = a[c]
      const y = e[c]
      const same =
        typeof x === 'number' && typeof y === 'number' ? Math.abs(x - y) <= tolerance : x === y
      if (!same)
        return `row ${r} column ${c}: ${JSON.stringify(x)}, expected ${JSON.stringify(y)} (row ${JSON.stringify(a)} vs ${JSON.stringify(e)})`
    }
  }
  return undefined
}
