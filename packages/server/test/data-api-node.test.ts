// @inset/node's data-API methods against the real server (DuckDB): pages, export and tiles agree
// with the test's own SQL over the same rows.
import type { CellValue } from '@inset/core'
import { createInsetClient, InsetError } from '@inset/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { difference, oracle } from './oracle'
import { TEST_ROWS } from './runtimes'
import { BOB_SCOPE, scopeSql } from './scope'
import { API_KEY, startTestServer, type TestServer } from './servers'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ name: 'duckdb' })
}, 120_000)
afterAll(async () => {
  await server?.close()
})

const bob = { user: 'bob', tenant: 'globex', attributes: { region: ['EU'] } }
const query = { dataset: 'orders', measures: ['orders'], dimensions: ['country', 'product'] }

it('client.pages() and client.exportRows() return what SQL returns; a bad query rejects with its field', async () => {
  const inset = createInsetClient({ serverUrl: server.url, apiKey: API_KEY })
  const expected = await (await oracle(TEST_ROWS)).sql(
    `SELECT country, product, COUNT(*) FROM orders WHERE ${scopeSql(BOB_SCOPE)} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
  )
  const paged = []
  for await (const page of inset.pages({ query, onBehalfOf: bob, limit: 6 }))
    paged.push(...page.rows)
  expect(difference(paged, expected, 0)).toBeUndefined()
  const exported: CellValue[][] = []
  for await (const row of inset.exportRows({ query, onBehalfOf: bob }))
    exported.push([row.country ?? null, row.product ?? null, row.orders ?? null])
  expect(difference(exported, expected, 0)).toBeUndefined()
  const tile = await inset.queryTile('sales-overview', 'revenue-by-category', { onBehalfOf: bob })
  expect(tile.rows.length).toBeGreaterThan(0)
  const error = await inset
    .query({ query: { ...query, dimensions: ['nope'] }, onBehalfOf: bob })
    .catch((e) => e)
  expect(error).toBeInstanceOf(InsetError)
  expect([error.code, error.message]).toEqual([
    'bad_request',
    expect.stringMatching(/^query\.dimensions\[0\]/),
  ])
})
