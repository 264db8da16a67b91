// The query result cache over real HTTP, on DuckDB and PostgreSQL: tenants never share an entry
// (also under concurrent load, every row passing ./scope.ts), identical requests in flight run one
// statement, failures are not kept, purges work and are audited, and results say how old they are.
import type { AuditEntry, DashboardLoad, Page, QueryResult } from '@inset/core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DataSource } from '../src/data/data-source'
import type { CachePurgeResponse, CacheStatusResponse } from '../src/http/routes/cache-routes'
import { BACKENDS } from './backends'
import { API_KEY, startTestServer, type TestServer } from './servers'
import { demoToken, signTestToken } from './tokens'

const PROBE = '/v1/dashboards/rls-probe/tiles/by-tenant-region/query'
const BREAKDOWN = '/v1/dashboards/sales-overview/tiles/revenue-by-category/query'

describe.each(BACKENDS)('result cache over HTTP on %s', (_name, backend, skipReason) => {
  let server: TestServer
  let tokens: Record<'alice' | 'bob' | 'carol' | 'dave', string>
  /** Statements on `orders` that reached the database. */
  const statements: string[] = []
  /** Resolved to let the gated statements run (single-flight test). */
  let gate: Promise<void> | undefined
  let failNext = false

  beforeAll(async () => {
    if (skipReason) return
    server = await startTestServer(backend)
    // Every statement of the tile routes goes through this wrapper of the real data source.
    const sources = server.server.runtime.dataSources as Map<string, DataSource>
    const real = sources.get('main') as DataSource
    sources.set('main', {
      ...real,
      async query(sql, params, options) {
        if (sql.includes('"orders"')) {
          statements.push(sql)
          await gate
          if (failNext) {
            failNext = false
            throw new Error('connection reset by peer')
          }
        }
        return real.query(sql, params, options)
      },
    })
    tokens = {
      alice: await demoToken('alice'),
      bob: await demoToken('bob'),
      // Same statement shapes as alice and bob, other tenants: only the bound values differ.
      carol: await signTestToken({
        sub: 'carol',
        tenant: 'globex',
        attrs: { region: ['EU', 'NA', 'APAC'] },
      }),
      dave: await signTestToken({ sub: 'dave', tenant: 'acme', attrs: { region: ['EU'] } }),
    }
  }, 120_000)
  afterAll(async () => {
    await server?.close()
  })
  beforeEach(() => {
    if (skipReason) return
    server.server.runtime.resultCache.purge()
    statements.length = 0
    gate = undefined
  })

  const admin = (method: string, path: string) =>
    server.request(path, { method, headers: { authorization: `Bearer ${API_KEY}` } })
  const stats = () => server.server.runtime.resultCache.stats()

  it.skipIf(Boolean(skipReason))(
    'never serves one tenant the rows of another, also with 50 requests at once',
    async () => {
      const users = ['alice', 'carol', 'bob', 'dave'] as const
      for (const round of ['cold', 'warm']) {
        // server.request checks every row of every answer against the token's own claims.
        const answers = await Promise.all(
          Array.from({ length: 50 }, async (_, i) => {
            const user = users[i % users.length] as (typeof users)[number]
            const response = await server.request(PROBE, { token: tokens[user], body: {} })
            expect(response.status, `${round} ${user}`).toBe(200)
            return { user, result: (await response.json()) as QueryResult }
          }),
        )
        for (const { user, result } of answers) {
          expect(result.rows.length, `${round} ${user}`).toBeGreaterThan(0)
          const tenants = new Set(result.rows.map((row) => row[0]))
          expect([...tenants]).toEqual([user === 'alice' || user === 'dave' ? 'acme' : 'globex'])
        }
        if (round === 'warm')
          expect(answers.every(({ result }) => result.meta.cache === 'hit')).toBe(true)
      }
      // One statement and one entry per scope: nothing shared across scopes, nothing run twice.
      expect(statements).toHaveLength(4)
      expect(stats().entries).toBe(4)
    },
  )

  it.skipIf(Boolean(skipReason))(
    'runs 20 identical requests in flight as one statement and answers all of them',
    async () => {
      let release = () => {}
      gate = new Promise((resolve) => {
        release = resolve
      })
      const before = stats().coalesced
      const responses = Array.from({ length: 20 }, () =>
        server.request(BREAKDOWN, { token: tokens.bob, body: {} }),
      )
      try {
        await vi.waitFor(() => expect(stats().coalesced - before).toBe(19), { timeout: 10_000 })
      } finally {
        release()
      }
      const results = await Promise.all(
        responses.map(async (pending) => {
          const response = await pending
          expect(response.status).toBe(200)
          return (await response.json()) as QueryResult
        }),
      )
      expect(statements).toHaveLength(1)
      expect(results.filter((r) => r.meta.cache === 'miss')).toHaveLength(1)
      expect(new Set(results.map((r) => r.meta.dataAsOf)).size).toBe(1)
      expect(new Set(results.map((r) => JSON.stringify(r.rows))).size).toBe(1)
    },
  )

  it.skipIf(Boolean(skipReason))('does not keep a failed query', async () => {
    failNext = true
    const failed = await server.request(BREAKDOWN, { token: tokens.alice, body: {} })
    expect(failed.status).toBe(500)
    const retried = await server.request(BREAKDOWN, { token: tokens.alice, body: {} })
    expect(retried.status).toBe(200)
    expect(((await retried.json()) as QueryResult).meta.cache).toBe('miss')
    expect(statements).toHaveLength(2)
  })

  it.skipIf(Boolean(skipReason))(
    'purges one dataset or everything through the admin API, audited',
    async () => {
      const misses = stats().misses
      const ask = async () => {
        const response = await server.request(BREAKDOWN, { token: tokens.alice, body: {} })
        return ((await response.json()) as QueryResult).meta.cache
      }
      expect(await ask()).toBe('miss')
      expect(await ask()).toBe('hit')
      const one = await admin('DELETE', '/v1/cache/orders')
      expect(one.status).toBe(200)
      expect((await one.json()) as CachePurgeResponse).toEqual({ purged: 1, dataset: 'orders' })
      expect(await ask()).toBe('miss')
      expect(await ask()).toBe('hit')
      const all = await admin('DELETE', '/v1/cache')
      expect((await all.json()) as CachePurgeResponse).toEqual({ purged: 1 })
      expect(await ask()).toBe('miss')
      expect(statements).toHaveLength(3)

      expect((await admin('DELETE', '/v1/cache/no_such_dataset')).status).toBe(404)
      expect((await server.request('/v1/cache', { method: 'DELETE' })).status).toBe(401)
      const status = (await (await admin('GET', '/v1/cache')).json()) as CacheStatusResponse
      expect(status).toMatchObject({ enabled: true, ttlSeconds: 60, entries: 1 })
      expect(status.misses - misses).toBe(3)
      expect(status.hits).toBeGreaterThanOrEqual(2)
      expect(status.bytes).toBeGreaterThan(0)

      const audit = (await (
        await admin('GET', '/v1/audit?kind=admin&limit=10')
      ).json()) as Page<AuditEntry>
      const purges = audit.items.filter((entry) => entry.subject === 'api-key:demo')
      expect(purges.map((entry) => [entry.status, entry.rowCount])).toEqual(
        expect.arrayContaining([
          [200, 1],
          [404, null],
        ]),
      )
    },
  )

  it.skipIf(Boolean(skipReason))(
    'tells the age of the data in meta, on the tile and the one-request load routes',
    async () => {
      const before = Date.now()
      const response = await server.request('/v1/dashboards/sales-overview/load', {
        token: tokens.bob,
        body: {},
      })
      const loaded = (await response.json()) as DashboardLoad
      for (const [id, tile] of Object.entries(loaded.tiles)) {
        expect('data' in tile, id).toBe(true)
        if (!('data' in tile)) continue
        expect(tile.data.meta.cache, id).toBe('miss')
        const asOf = Date.parse(tile.data.meta.dataAsOf ?? '')
        expect(asOf, id).toBeGreaterThanOrEqual(before - 1)
        expect(asOf, id).toBeLessThanOrEqual(Date.now())
      }
      // The tile route answers the same statements from memory, with the same age.
      const revenue = loaded.tiles.revenue
      const single = (await (
        await server.request('/v1/dashboards/sales-overview/tiles/revenue/query', {
          token: tokens.bob,
          body: {},
        })
      ).json()) as QueryResult
      expect(single.meta.cache).toBe('hit')
      expect(revenue && 'data' in revenue && revenue.data.meta.dataAsOf).toBe(single.meta.dataAsOf)
    },
  )
})
