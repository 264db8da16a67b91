// The data API over 1,000,000 sample orders (DuckDB only, to stay within CI's budget; the other
// suites run both databases on fewer rows): alice's ~450,000 orders, one row per order, fetched in
// pages of 50,000 and concatenated, equal the test's own SQL over the same rows.
import type { CellValue } from '@inset/core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { InsetConfigInput } from '../src/config/schema'
import { oracle } from './oracle'
import { ALICE_SCOPE, scopeSql } from './scope'
import { API_KEY, startTestServer, type TestServer } from './servers'

const ROWS = 1_000_000
let server: TestServer

/** The demo config on ROWS rows, with `order_id` as a dimension (one result row per order). */
function million(config: InsetConfigInput): InsetConfigInput {
  const main = config.dataSources.main as Extract<
    InsetConfigInput['dataSources'][string],
    { type?: 'duckdb' }
  >
  const orders = config.datasets.orders!
  return {
    ...config,
    server: { ...config.server, maxRows: 50_000 },
    dataSources: {
      ...config.dataSources,
      main: { ...main, sampleData: { ...main.sampleData, rows: ROWS } },
    },
    datasets: {
      ...config.datasets,
      orders: { ...orders, dimensions: { ...orders.dimensions, order_id: { type: 'number' } } },
    } as unknown as InsetConfigInput['datasets'],
  }
}

beforeAll(async () => {
  server = await startTestServer({ name: 'duckdb' }, million)
}, 120_000)
afterAll(async () => {
  await server?.close()
})

it('pages of 50,000 concatenated equal SQL over 1,000,000 orders', async () => {
  const query = {
    dataset: 'orders',
    measures: ['units', 'orders'],
    dimensions: ['order_id'],
    sort: [{ field: 'order_id', direction: 'asc' }],
  }
  const expected = (await oracle(ROWS)).sql(
    `SELECT order_id, SUM(quantity), COUNT(*) FROM orders WHERE ${scopeSql(ALICE_SCOPE)}
     GROUP BY 1 ORDER BY 1`,
  )
  const rows: CellValue[][] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const response = await fetch(`${server.url}/v1/query`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        query,
        onBehalfOf: { user: 'alice', tenant: 'acme', attributes: { region: ['EU', 'NA', 'APAC'] } },
        limit: 50_000,
        ...(cursor && { cursor }),
      }),
    })
    expect(response.status).toBe(200)
    const page = (await response.json()) as {
      rows: CellValue[][]
      nextCursor: string | null
      meta: { pagination: string }
    }
    expect(page.meta.pagination).toBe('keyset')
    for (const row of page.rows) rows.push(row)
    cursor = page.nextCursor
    pages++
  } while (cursor)
  const oracleRows = await expected
  expect(oracleRows.length).toBeGreaterThan(400_000)
  expect(pages).toBe(Math.ceil(oracleRows.length / 50_000))
  expect(rows.length).toBe(oracleRows.length)
  let firstDifference = -1
  for (let i = 0; i < rows.length && firstDifference < 0; i++) {
    const [a, b] = [rows[i] as CellValue[], oracleRows[i] as CellValue[]]
    if (a[0] !== b[0] || a[1] !== b[1] || a[2] !== b[2]) firstDifference = i
  }
  expect(
    firstDifference,
    JSON.stringify([rows[firstDifference], oracleRows[firstDifference]]),
  ).toBe(-1)
}, 120_000)
