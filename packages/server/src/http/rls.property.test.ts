import type { ErrorBody, QueryResult } from '@inset/core'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../../test/backends'
import { startTestServer, type TestServer } from '../../test/servers'
import { demoToken } from '../../test/tokens'

const INJECTIONS = [
  "' OR '1'='1",
  "EU' OR 1=1 --",
  "'; DROP TABLE orders; --",
  '" OR ""="',
  "EU\\'",
  'NA) OR (1=1',
  "' UNION SELECT tenant_id, region FROM orders --",
  '1; SELECT pg_sleep(10)',
  "acme' --",
  '%',
  '_',
  '*',
  '\u0000',
  '$1',
  "2025-01-01' OR 'a'='a",
]
const KNOWN = [
  'EU',
  'NA',
  'APAC',
  'acme',
  'globex',
  'initech',
  'online',
  'retail',
  'partner',
  'DE',
  'US',
]

const text = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.constantFrom(...KNOWN),
  fc.string({ maxLength: 20 }),
)
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean())
const anything = fc.oneof(
  scalar,
  fc.constant(null),
  fc.array(scalar, { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
)
const select = fc.oneof(
  { weight: 4, arbitrary: fc.array(text, { maxLength: 4 }) },
  { weight: 1, arbitrary: anything },
)
const isoDate = fc
  .date({
    min: new Date('2024-06-01T00:00:00Z'),
    max: new Date('2027-03-01T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10))
const dateBound = fc.oneof({ weight: 4, arbitrary: isoDate }, { weight: 1, arbitrary: text })
const dateRange = fc.oneof(
  { weight: 4, arbitrary: fc.record({ from: dateBound, to: dateBound }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: anything },
)
const knownFilters = fc.record(
  {
    date: dateRange,
    region: select,
    channel: select,
    tenant: select,
    country: fc.oneof(text, select),
  },
  { requiredKeys: [] },
)
const filters = fc.oneof(
  { weight: 9, arbitrary: knownFilters },
  {
    weight: 1,
    arbitrary: fc
      .tuple(knownFilters, fc.dictionary(text, anything, { maxKeys: 2 }))
      .map(([a, b]) => ({ ...b, ...a })),
  },
)
const TILES = [
  'probe',
  'revenue',
  'orders',
  'revenue-over-time',
  'revenue-by-category',
  'top-products',
] as const
const request = fc.record({
  user: fc.constantFrom('bob', 'bob', 'alice'),
  tile: fc.constantFrom(...TILES),
  filters,
})

// 100 runs of 10 concurrent requests: 1,000 generated filter sets per database.
const BATCH = 10
const RUNS = 100

describe.each(BACKENDS)(
  'row-level security holds for any filters on %s (fast-check)',
  (_name, backend, skipReason) => {
    let server: TestServer
    const tokens: Record<string, string> = {}
    const baseline: Record<string, { orders: number; revenue: number }> = {}
    const tenantOf: Record<string, string> = { alice: 'acme', bob: 'globex' }

    beforeAll(async () => {
      if (skipReason) return
      server = await startTestServer(backend, (config) => ({
        ...config,
        server: { ...config.server, rateLimit: { perSecond: 1_000_000, burst: 1_000_000 } },
      }))
      for (const user of ['alice', 'bob'] as const) {
        tokens[user] = await demoToken(user)
        const kpi = async (tile: string) => {
          const res = await server.request(`/v1/dashboards/sales-overview/tiles/${tile}/query`, {
            token: tokens[user],
            body: {},
          })
          return ((await res.json()) as QueryResult).rows[0]?.[0] as number
        }
        baseline[user] = { orders: await kpi('orders'), revenue: await kpi('revenue') }
      }
    })
    afterAll(async () => {
      await server?.close()
    })

    async function check(input: {
      user: string
      tile: (typeof TILES)[number]
      filters: unknown
    }): Promise<void> {
      const path =
        input.tile === 'probe'
          ? '/v1/dashboards/rls-probe/tiles/by-tenant-region/query'
          : `/v1/dashboards/sales-overview/tiles/${input.tile}/query`
      const response = await server.request(path, {
        token: tokens[input.user],
        body: { filters: input.filters },
      })
      const body = (await response.json()) as ErrorBody & QueryResult
      if (response.status === 400) {
        expect(body.error.code).toBe('bad_request')
        return
      }
      expect(response.status).toBe(200)
      const result = body as QueryResult
      if (input.tile === 'probe') {
        for (const [tenant, region] of result.rows) {
          expect(tenant).toBe(tenantOf[input.user])
          if (input.user === 'bob') expect(region).toBe('EU')
        }
      }
      if (input.tile === 'orders' || input.tile === 'revenue') {
        // Filters only narrow: never more than the user's unfiltered total.
        const value = (result.rows[0]?.[0] as number | null) ?? 0
        expect(value).toBeLessThanOrEqual((baseline[input.user]?.[input.tile] ?? 0) + 0.01)
      }
    }

    it.skipIf(skipReason)(
      `never shows bob a row outside globex/EU, nor alice outside acme (${BATCH * RUNS} filter sets)`,
      async () => {
        let seen = 0
        await fc.assert(
          fc.asyncProperty(
            fc.array(request, { minLength: BATCH, maxLength: BATCH }),
            async (batch) => {
              seen += batch.length
              await Promise.all(batch.map(check))
            },
          ),
          { numRuns: RUNS },
        )
        expect(seen).toBeGreaterThanOrEqual(1000)
        // And no injection changed the data.
        const res = await server.request('/v1/dashboards/sales-overview/tiles/orders/query', {
          token: tokens.alice,
          body: {},
        })
        expect(((await res.json()) as QueryResult).rows[0]?.[0]).toBe(baseline.alice?.orders)
      },
      120_000,
    )
  },
)
