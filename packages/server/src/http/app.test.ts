import type {
  AuditEntry,
  DashboardDefinition,
  DashboardSummary,
  Page,
  QueryResult,
  TokenResponse,
} from '@inset/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../../test/backends'
import { API_KEY, startTestServer, type TestServer } from '../../test/servers'
import { demoToken, signTestToken } from '../../test/tokens'

describe.each(BACKENDS)('Server API v1 over HTTP on %s', (_name, backend, skipReason) => {
  let server: TestServer
  let alice: string
  let bob: string
  beforeAll(async () => {
    if (skipReason) return
    server = await startTestServer(backend)
    alice = await demoToken('alice')
    bob = await demoToken('bob')
  })
  afterAll(async () => {
    await server?.close()
  })
  const tile = (id: string, token: string, filters: unknown = {}) =>
    server.request(`/v1/dashboards/sales-overview/tiles/${id}/query`, { token, body: { filters } })
  const json = async <T>(response: Response | Promise<Response>, status = 200): Promise<T> => {
    const res = await response
    const body = await res.json()
    expect({ status: res.status, body }).toMatchObject({ status })
    return body as T
  }

  it.skipIf(skipReason)('GET /healthz answers 200', async () => {
    expect(await json(server.request('/healthz'))).toEqual({ status: 'ok' })
  })

  it.skipIf(skipReason)(
    'GET /v1/dashboards/:id returns the definition with options narrowed by RLS',
    async () => {
      const forAlice = await json<DashboardDefinition>(
        server.request('/v1/dashboards/sales-overview', { token: alice }),
      )
      expect(forAlice.tiles.map((t) => [t.id, t.kind])).toEqual([
        ['revenue', 'kpi'],
        ['orders', 'kpi'],
        ['revenue-over-time', 'timeseries'],
        ['revenue-by-category', 'breakdown'],
        ['top-products', 'table'],
      ])
      expect(forAlice.filters.map((f) => [f.id, f.type])).toEqual([
        ['date', 'date_range'],
        ['region', 'select'],
        ['channel', 'select'],
        ['category', 'select'],
      ])
      const region = (d: DashboardDefinition) => d.filters.find((f) => f.id === 'region')
      expect(region(forAlice)).toMatchObject({ options: ['APAC', 'EU', 'NA'], multiple: true })
      const forBob = await json<DashboardDefinition>(
        server.request('/v1/dashboards/sales-overview', { token: bob }),
      )
      expect(region(forBob)).toMatchObject({ options: ['EU'] })
      expect(forBob.filters[0]).toMatchObject({
        type: 'date_range',
        min: expect.stringMatching(/^2024-11-0\d$/),
      })
    },
  )

  it.skipIf(skipReason)('answers every tile kind in the wire shape', async () => {
    const kpi = await json<QueryResult>(
      tile('revenue', alice, { date: { from: '2025-07-01', to: '2026-01-01' } }),
    )
    expect(kpi.columns.map((c) => c.name)).toEqual(['value', 'previous'])
    const [[value, previous]] = kpi.rows as [[number, number]]
    expect(value).toBeGreaterThan(0)
    expect(previous).toBeGreaterThan(0)
    const noCompare = await json<QueryResult>(tile('revenue', alice))
    expect(noCompare.rows[0]?.[1]).toBeNull()

    const series = await json<QueryResult>(tile('revenue-over-time', alice))
    expect(series.columns[0]).toMatchObject({ name: 'order_date', type: 'date', grain: 'month' })
    expect(series.rows).toHaveLength(24)
    expect(series.rows[0]?.[0]).toBe('2024-11-01')

    const breakdown = await json<QueryResult>(tile('revenue-by-category', alice))
    const amounts = breakdown.rows.map((row) => row[1] as number)
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a))

    const table = await json<QueryResult>(tile('top-products', bob))
    expect(table.columns.map((c) => c.name)).toEqual([
      'product',
      'category',
      'revenue',
      'orders',
      'units',
    ])
    expect(table.meta).toMatchObject({ rowCount: 10, truncated: true })
  })

  it.skipIf(skipReason)('alice and bob see disjoint tenants; filters only narrow', async () => {
    const probe = (token: string, filters: unknown) =>
      json<QueryResult>(
        server.request('/v1/dashboards/rls-probe/tiles/by-tenant-region/query', {
          token,
          body: { filters },
        }),
      )
    const a = await probe(alice, {})
    const b = await probe(bob, {})
    expect(new Set(a.rows.map((r) => r[0]))).toEqual(new Set(['acme']))
    expect(new Set(b.rows.map((r) => `${r[0]}/${r[1]}`))).toEqual(new Set(['globex/EU']))
    expect(
      (await probe(bob, { tenant: ['acme', 'initech'], region: ['NA', 'APAC'] })).rows,
    ).toEqual([])
    const narrowed = await probe(alice, { region: ['EU'], channel: ['online'] })
    expect(narrowed.rows.map((r) => [r[0], r[1], r[2]])).toEqual([['acme', 'EU', 'online']])
  })

  it.skipIf(skipReason)('refuses what it must, with typed errors', async () => {
    const narrow = await signTestToken({ scope: ['dashboard:other'] })
    const cases: Array<[Promise<Response>, number, string]> = [
      [server.request('/v1/dashboards/sales-overview', { token: narrow }), 403, 'forbidden'],
      [server.request('/v1/dashboards/nope', { token: alice }), 404, 'not_found'],
      [tile('nope', alice), 404, 'not_found'],
      [tile('revenue', alice, { colour: ['red'] }), 400, 'bad_request'],
      [tile('revenue', alice, { date: { from: 'last week' } }), 400, 'bad_request'],
      [tile('revenue', alice, { region: [{ $ne: 1 }] }), 400, 'bad_request'],
      [
        server.request('/v1/dashboards/sales-overview/tiles/revenue/query', {
          token: alice,
          body: '{"filters":',
        }),
        400,
        'bad_request',
      ],
      [
        server.request('/v1/dashboards/sales-overview/tiles/revenue/query', {
          token: alice,
          body: { sql: 'SELECT 1' },
        }),
        400,
        'bad_request',
      ],
      [
        server.request('/v1/dashboards/sales-overview/tiles/revenue/query', {
          token: alice,
          body: { filters: { region: ['x'.repeat(500)] }, pad: 'y'.repeat(70_000) },
        }),
        413,
        'bad_request',
      ],
      [server.request('/v1/dashboards/sales-overview'), 401, 'invalid_token'],
      [server.request('/v1/nothing-here'), 404, 'not_found'],
    ]
    for (const [response, status, code] of cases) {
      const body = await json<{ error: { code: string; message: string } }>(response, status)
      expect(body.error.code).toBe(code)
      expect(body.error.message.length).toBeGreaterThan(5)
    }
  })

  it.skipIf(skipReason)(
    'refuses a token whose RLS claim is missing instead of showing all rows',
    async () => {
      const noRegion = await signTestToken({ attrs: {} })
      const body = await json<{ error: { code: string; message: string } }>(
        tile('revenue', noRegion),
        403,
      )
      expect(body.error).toMatchObject({
        code: 'forbidden',
        message: expect.stringContaining('attrs.region'),
      })
    },
  )

  it.skipIf(skipReason)(
    'admin routes: tokens, dashboards and the audit log with cursors',
    async () => {
      const admin = { authorization: `Bearer ${API_KEY}` }
      expect(
        (
          await json<{ error: { code: string } }>(
            server.request('/v1/audit', {
              headers: { authorization: 'Bearer nope-nope-nope-nope' },
            }),
            401,
          )
        ).error.code,
      ).toBe('auth')
      expect(
        (
          await json<{ error: { code: string } }>(
            server.request('/v1/tokens', { token: alice, body: {} }),
            401,
          )
        ).error.code,
      ).toBe('auth')

      const minted = await json<TokenResponse>(
        server.request('/v1/tokens', {
          headers: admin,
          body: { user: 'carol', tenant: 'initech', attributes: { region: ['NA'] }, ttl: '5m' },
        }),
        201,
      )
      expect(minted.expiresAt - Date.now()).toBeGreaterThan(290_000)
      expect(minted.expiresAt - Date.now()).toBeLessThanOrEqual(300_000)
      const carol = await json<QueryResult>(
        server.request('/v1/dashboards/rls-probe/tiles/by-tenant-region/query', {
          token: minted.token,
          body: {},
        }),
      )
      expect(new Set(carol.rows.map((r) => `${r[0]}/${r[1]}`))).toEqual(new Set(['initech/NA']))
      await json(
        server.request('/v1/tokens', {
          headers: admin,
          body: { user: 'carol', tenant: 'x', ttl: '25h' },
        }),
        400,
      )
      await json(server.request('/v1/tokens', { headers: admin, body: { user: 'carol' } }), 400)

      const page1 = await json<Page<DashboardSummary>>(
        server.request('/v1/dashboards?limit=1', { headers: admin }),
      )
      expect(page1.items.map((d) => d.id)).toEqual(['rls-probe'])
      const page2 = await json<Page<DashboardSummary>>(
        server.request(`/v1/dashboards?limit=1&cursor=${page1.nextCursor}`, { headers: admin }),
      )
      expect(page2).toEqual({
        items: [{ id: 'sales-overview', title: 'Sales overview', description: expect.any(String) }],
        nextCursor: null,
      })

      const first = await json<Page<AuditEntry>>(
        server.request('/v1/audit?subject=carol&limit=1', { headers: admin }),
      )
      expect(first.items[0]).toMatchObject({
        kind: 'query',
        subject: 'carol',
        tenant: 'initech',
        dashboardId: 'rls-probe',
        tileId: 'by-tenant-region',
        status: 200,
        rowCount: 3,
      })
      expect(first.nextCursor).toBeNull()
      const all: AuditEntry[] = []
      let cursor: string | null = ''
      do {
        const page: Page<AuditEntry> = await json(
          server.request(`/v1/audit?limit=5${cursor ? `&cursor=${cursor}` : ''}`, {
            headers: admin,
          }),
        )
        all.push(...page.items)
        cursor = page.nextCursor
      } while (cursor)
      const ids = all.map((entry) => Number(entry.id))
      expect(ids).toEqual([...ids].sort((x, y) => y - x))
      expect(new Set(ids).size).toBe(ids.length)
      expect(
        all.some(
          (e) => e.kind === 'admin' && e.subject === 'api-key:demo' && e.tenant === 'initech',
        ),
      ).toBe(true)
      expect(
        all.some((e) => e.kind === 'token' && e.status === 401 && e.errorCode === 'invalid_token'),
      ).toBe(true)
      await json(server.request('/v1/audit?cursor=%%%', { headers: admin }), 400)
      await json(server.request('/v1/audit?limit=0', { headers: admin }), 400)
    },
  )
})
