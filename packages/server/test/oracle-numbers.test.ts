// Every number the server computes, on every database, equals the same SQL computed by the oracle
// (../oracle.ts: a DuckDB of the test's own over the same generated rows): every measure by every
// time grain, by every dimension and in total, for alice and for bob; and every tile of the demo
// dashboard over HTTP, with and without filters. Not shapes, not "> 0": the numbers, to the cent.
import type { CellValue, QueryResult } from '@inset/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runStructuredQuery } from '../src/semantic/run-query'
import { BACKENDS } from './backends'
import { cents, difference, type Oracle, oracle } from './oracle'
import { TEST_ROWS } from './runtimes'
import { ALICE_SCOPE, BOB_SCOPE, type Scope, scopeSql } from './scope'
import { startTestServer, type TestServer } from './servers'
import { demoClaims, demoToken } from './tokens'

const MEASURES: Record<string, string> = {
  revenue: 'SUM(amount)',
  orders: 'COUNT(*)',
  customers: 'COUNT(DISTINCT customer_id)',
  avg_order_value: 'AVG(amount)',
  units: 'SUM(quantity)',
}
const GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const
const DIMENSIONS: Record<string, string> = {
  region: 'region',
  country: 'country',
  channel: 'channel',
  product: 'product',
  category: 'category',
  tenant: 'tenant_id',
}
const USERS = { alice: ALICE_SCOPE, bob: BOB_SCOPE } as const

const rounded = (rows: CellValue[][]) => rows.map((row) => row.map(cents))

describe.each(BACKENDS)('numbers on %s equal the oracle', (_name, backend, skipReason) => {
  let server: TestServer
  let truth: Oracle
  beforeAll(async () => {
    if (skipReason) return
    truth = await oracle(TEST_ROWS)
    server = await startTestServer(backend)
  }, 60_000)
  afterAll(async () => {
    await server?.close()
  })

  describe.each(Object.keys(USERS) as Array<keyof typeof USERS>)('for %s', (user) => {
    const scope: Scope = USERS[user]
    const where = scopeSql(scope)

    it.skipIf(skipReason).each(Object.keys(MEASURES))(
      'measure %s by every grain, every dimension and in total',
      async (measure) => {
        const ctx = { runtime: server.server.runtime, claims: demoClaims(user) }
        const aggregate = MEASURES[measure]
        const failures: string[] = []
        const compare = async (label: string, query: object, sql: string) => {
          const actual = await runStructuredQuery(ctx, {
            dataset: 'orders',
            measures: [measure],
            limit: 1000,
            ...query,
          })
          const expected = rounded(await truth.sql(sql))
          const diff = difference(rounded(actual.rows), expected)
          if (diff) failures.push(`${label}: ${diff}`)
          return expected.length
        }
        let compared = 0
        compared += await compare('total', {}, `SELECT ${aggregate} FROM orders WHERE ${where}`)
        for (const grain of GRAINS) {
          compared += await compare(
            `by ${grain}`,
            { timeGrain: { dimension: 'order_date', grain } },
            `SELECT CAST(date_trunc('${grain}', order_date) AS DATE) AS g, ${aggregate} FROM orders WHERE ${where} GROUP BY g ORDER BY g`,
          )
        }
        for (const [dimension, column] of Object.entries(DIMENSIONS)) {
          compared += await compare(
            `by ${dimension}`,
            { dimensions: [dimension], sort: [{ field: dimension, direction: 'asc' }] },
            `SELECT ${column} AS g, ${aggregate} FROM orders WHERE ${where} GROUP BY g ORDER BY g`,
          )
        }
        expect(failures).toEqual([])
        // Days of two years, weeks, months... and every dimension value: far from vacuous.
        expect(compared).toBeGreaterThan(850)
      },
      60_000,
    )

    it.skipIf(skipReason)(
      'every tile of sales-overview, with and without filters',
      async () => {
        const token = await demoToken(user)
        const filterSets: Array<{
          filters: Record<string, unknown>
          sql: string
          from?: string
          to?: string
        }> = [
          { filters: {}, sql: 'true' },
          {
            filters: {
              date: { from: '2025-04-01', to: '2025-07-01' },
              channel: ['online', 'partner'],
            },
            sql: "order_date >= DATE '2025-04-01' AND order_date < DATE '2025-07-01' AND channel IN ('online', 'partner')",
            from: '2025-04-01',
            to: '2025-07-01',
          },
          { filters: { region: ['EU'] }, sql: "region IN ('EU')" },
        ]
        for (const set of filterSets) {
          const w = `${where} AND ${set.sql}`
          const tile = async (id: string) => {
            const response = await server.request(
              `/v1/dashboards/sales-overview/tiles/${id}/query`,
              {
                token,
                body: { filters: set.filters },
              },
            )
            expect(response.status).toBe(200)
            return rounded(((await response.json()) as QueryResult).rows)
          }
          // The period of the same length just before: 2025-04-01..07-01 (91 days) → 2024-12-31..04-01.
          const previous = set.from
            ? `order_date >= DATE '${set.from}' - INTERVAL ${(Date.parse(set.to ?? '') - Date.parse(set.from)) / 86_400_000} DAY AND order_date < DATE '${set.from}'`
            : undefined
          const expectations: Record<string, string> = {
            revenue: previous
              ? `SELECT (SELECT SUM(amount) FROM orders WHERE ${w}), (SELECT SUM(amount) FROM orders WHERE ${where} AND channel IN ('online', 'partner') AND ${previous})`
              : `SELECT SUM(amount), NULL FROM orders WHERE ${w}`,
            orders: `SELECT COUNT(*), NULL FROM orders WHERE ${w}`,
            'revenue-over-time': `SELECT CAST(date_trunc('month', order_date) AS DATE) AS m, SUM(amount) FROM orders WHERE ${w} GROUP BY m ORDER BY m`,
            'revenue-by-category': `SELECT category, SUM(amount) AS r FROM orders WHERE ${w} GROUP BY category ORDER BY r DESC, category LIMIT 10`,
            'top-products': `SELECT product, category, SUM(amount) AS r, COUNT(*), SUM(quantity) FROM orders WHERE ${w} GROUP BY product, category ORDER BY r DESC, product, category LIMIT 10`,
          }
          for (const [id, sql] of Object.entries(expectations)) {
            const expected = rounded(await truth.sql(sql))
            expect(
              difference(await tile(id), expected),
              `${id} with ${JSON.stringify(set.filters)}`,
            ).toBeUndefined()
          }
        }
      },
      60_000,
    )
  })
})
