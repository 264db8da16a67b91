// Cross-filtering, drill-down and CSV export over real HTTP on DuckDB and PostgreSQL. Every number
// is checked against SQL written here and run on the oracle (./oracle.ts), never through the
// server's semantic layer; row-level security is restated here from the tokens' claims.
import type { AuditEntry, CellValue, DashboardDefinition, Page, QueryResult } from '@inset/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InsetConfigInput } from '../src/config/schema'
import { BACKENDS } from './backends'
import { difference, type Oracle, oracle } from './oracle'
import { TEST_ROWS } from './runtimes'
import { ALICE_SCOPE, BOB_SCOPE, type Scope } from './scope'
import { API_KEY, startTestServer, type TestServer } from './servers'
import { previousPeriod } from './tile-oracle'
import { demoToken } from './tokens'

/** `server.exportRowLimit` of the server under test: small, so that a tile can exceed it. */
const EXPORT_LIMIT = 150
const WITH_EXPORT = ['dashboard:*', 'assistant', 'export']
const ORIGIN = 'http://localhost:5173'

/** The test configuration plus a dashboard of tiles that exercise every interaction rule. */
function adjust(config: InsetConfigInput): InsetConfigInput {
  const orders = config.datasets.orders
  if (!orders) throw new Error('no orders dataset')
  return {
    ...config,
    server: { ...config.server, exportRowLimit: EXPORT_LIMIT },
    datasets: {
      ...config.datasets,
      orders: {
        ...orders,
        // A label with a comma and quotes: the CSV header must quote it.
        measures: {
          ...orders.measures,
          units: { ...orders.measures.units, label: 'Units, "sold"' },
        },
      } as typeof orders,
    },
    dashboards: {
      ...config.dashboards,
      interactions: {
        title: 'Interactions',
        dataset: 'orders',
        filters: [
          { id: 'region', type: 'select', dimension: 'region' },
          { id: 'channel', type: 'select', dimension: 'channel' },
          { id: 'category', type: 'select', dimension: 'category' },
        ],
        tiles: [
          {
            id: 'by-category-no-xf',
            title: 'By category',
            kind: 'breakdown',
            dimension: 'category',
            measure: 'revenue',
            crossFilter: false,
          },
          {
            id: 'by-channel',
            title: 'By channel',
            kind: 'breakdown',
            dimension: 'channel',
            measure: 'revenue',
            drill: ['channel', 'country', 'product'],
          },
          {
            id: 'category-table',
            title: 'Categories and channels',
            kind: 'table',
            dimensions: ['category', 'channel'],
            measures: ['revenue', 'orders'],
            sort: [{ field: 'category', direction: 'asc' }],
            drill: ['category', 'product'],
          },
          {
            id: 'country-products',
            title: 'Countries and products',
            kind: 'table',
            dimensions: ['country', 'product'],
            measures: ['revenue'],
            sort: [{ field: 'revenue', direction: 'desc' }],
            limit: 5,
          },
          {
            id: 'monthly',
            title: 'Monthly',
            kind: 'timeseries',
            measures: ['revenue'],
            timeDimension: 'order_date',
          },
        ],
      },
    },
  }
}

/** WHERE of the token's scope ∩ select filters ∩ drill values (`column IN (...)` each). */
function whereOf(scope: Scope, ...narrows: Array<Record<string, readonly (string | number)[]>>) {
  const params: Array<string | number> = []
  const list = (values: readonly (string | number)[]) =>
    values.map((value) => {
      params.push(value)
      return `$${params.length}`
    })
  const parts = [
    `tenant_id IN (${list([scope.tenant]).join(', ')})`,
    `region IN (${list(scope.regions).join(', ')})`,
  ]
  for (const narrow of narrows) {
    for (const [column, values] of Object.entries(narrow)) {
      if (values.length > 0) parts.push(`${column} IN (${list(values).join(', ')})`)
    }
  }
  return { sql: parts.join(' AND '), params }
}

/** A CSV document (RFC 4180, CRLF records) as rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += ch
  }
  if (field !== '' || row.length > 0) throw new Error('the CSV does not end with CRLF')
  return rows
}

/** CSV fields typed back: columns listed in `numeric` as numbers (empty: null). */
function typed(rows: string[][], numeric: readonly number[]): CellValue[][] {
  return rows.map((row) =>
    row.map((cell, i) => (numeric.includes(i) ? (cell === '' ? null : Number(cell)) : cell)),
  )
}

describe.each(BACKENDS)('cross-filter, drill and export on %s', (_name, backend, skipReason) => {
  let server: TestServer
  let truth: Oracle
  let alice: string
  let bob: string
  let aliceNoExport: string
  let bobNoExport: string
  beforeAll(async () => {
    if (skipReason) return
    ;[server, truth] = await Promise.all([startTestServer(backend, adjust), oracle(TEST_ROWS)])
    ;[alice, bob, aliceNoExport, bobNoExport] = await Promise.all([
      demoToken('alice', { scope: WITH_EXPORT }),
      demoToken('bob', { scope: WITH_EXPORT }),
      demoToken('alice'),
      demoToken('bob'),
    ])
  })
  afterAll(async () => {
    await server?.close()
  })

  const definition = async (token: string, id = 'sales-overview') => {
    const response = await server.request(`/v1/dashboards/${id}`, { token })
    expect(response.status).toBe(200)
    return (await response.json()) as DashboardDefinition
  }
  const query = (token: string, tile: string, body: unknown, dashboard = 'sales-overview') =>
    server.request(`/v1/dashboards/${dashboard}/tiles/${tile}/query`, { token, body })
  const queryOk = async (token: string, tile: string, body: unknown, dashboard?: string) => {
    const response = await query(token, tile, body, dashboard)
    const result = (await response.json()) as QueryResult
    expect(response.status, JSON.stringify(result)).toBe(200)
    return result
  }
  const exportTile = (
    token: string,
    tile: string,
    body: unknown,
    dashboard = 'sales-overview',
    headers: Record<string, string> = {},
  ) => server.request(`/v1/dashboards/${dashboard}/tiles/${tile}/export`, { token, body, headers })
  const exportCsv = async (token: string, tile: string, body: unknown, dashboard?: string) => {
    const response = await exportTile(token, tile, body, dashboard)
    const text = await response.text()
    expect(response.status, text.slice(0, 300)).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const [header = [], ...rows] = parseCsv(text)
    return { response, text, header, rows }
  }

  describe('the dashboard definition', () => {
    it.skipIf(skipReason)(
      'names the cross-filter and drill path of category tiles, not of KPIs or time series',
      async () => {
        const sales = await definition(alice)
        const byId = Object.fromEntries(
          sales.tiles.map((t) => [t.id, { crossFilter: t.crossFilter, drill: t.drill }]),
        )
        expect(byId).toEqual({
          revenue: { crossFilter: undefined, drill: undefined },
          orders: { crossFilter: undefined, drill: undefined },
          'revenue-over-time': { crossFilter: undefined, drill: undefined },
          'revenue-by-category': {
            crossFilter: 'category',
            drill: [
              { dimension: 'category', label: 'Category' },
              { dimension: 'product', label: 'Product' },
            ],
          },
          // Its first dimension, product, has no filter.
          'top-products': { crossFilter: undefined, drill: undefined },
        })
        // Absent, not null or false, in the JSON.
        const revenue = sales.tiles.find((t) => t.id === 'revenue') ?? {}
        expect(Object.keys(revenue)).not.toContain('crossFilter')
        expect(Object.keys(revenue)).not.toContain('drill')

        const interactions = await definition(alice, 'interactions')
        expect(
          interactions.tiles.map((t) => [t.id, t.crossFilter, t.drill?.map((d) => d.dimension)]),
        ).toEqual([
          ['by-category-no-xf', undefined, undefined],
          ['by-channel', 'channel', ['channel', 'country', 'product']],
          ['category-table', 'category', ['category', 'product']],
          ['country-products', undefined, undefined],
          ['monthly', undefined, undefined],
        ])
      },
    )

    it.skipIf(skipReason)(
      'offers category options narrowed by RLS, after the other filters',
      async () => {
        for (const [token, scope] of [
          [alice, ALICE_SCOPE],
          [bob, BOB_SCOPE],
        ] as const) {
          const sales = await definition(token)
          expect(sales.filters.map((f) => f.id)).toEqual(['date', 'region', 'channel', 'category'])
          const w = whereOf(scope)
          const expected = await truth.sql(
            `SELECT DISTINCT category FROM orders WHERE ${w.sql} ORDER BY category`,
            w.params,
          )
          expect(expected.length).toBeGreaterThan(0)
          expect(sales.filters[3]).toEqual({
            id: 'category',
            type: 'select',
            label: 'Category',
            dimension: 'category',
            multiple: true,
            options: expected.map((row) => row[0]),
          })
        }
      },
    )

    it.skipIf(skipReason)('says canExport only when the token has scope export', async () => {
      expect((await definition(alice)).canExport).toBe(true)
      expect((await definition(bob)).canExport).toBe(true)
      expect((await definition(aliceNoExport)).canExport).toBe(false)
      expect((await definition(bobNoExport)).canExport).toBe(false)
    })
  })

  describe('drill-down', () => {
    const categoriesOf = async (scope: Scope) => {
      const w = whereOf(scope)
      const rows = await truth.sql(
        `SELECT DISTINCT category FROM orders WHERE ${w.sql} ORDER BY 1`,
        w.params,
      )
      return rows.map((row) => String(row[0]))
    }

    it.skipIf(skipReason)(
      'shows level 1 (products of a category) equal to SQL for alice and bob, filters never widening',
      async () => {
        const cases: Array<[string, Scope, Record<string, string[]>]> = [
          [alice, ALICE_SCOPE, {}],
          [alice, ALICE_SCOPE, { region: ['EU'], channel: ['online'] }],
          [bob, BOB_SCOPE, {}],
          // Regions bob cannot see: they must not widen his rows.
          [bob, BOB_SCOPE, { region: ['EU', 'NA', 'APAC'] }],
          [bob, BOB_SCOPE, { region: ['NA', 'APAC'] }],
          // The drilled category and a category filter that excludes it: nothing.
          [alice, ALICE_SCOPE, { category: ['Software'] }],
        ]
        let nonEmpty = 0
        for (const [token, scope, filters] of cases) {
          for (const category of await categoriesOf(scope)) {
            const result = await queryOk(token, 'revenue-by-category', {
              filters,
              drill: [category],
            })
            expect(result.columns.map((c) => [c.name, c.label, c.role])).toEqual([
              ['product', 'Product', 'dimension'],
              ['revenue', 'Revenue', 'measure'],
            ])
            // The category filter and the drill value are two conditions: both must hold.
            const w = whereOf(scope, filters, { category: [category] })
            const expected = await truth.sql(
              `SELECT product, SUM(amount) AS r FROM orders WHERE ${w.sql} GROUP BY product ORDER BY r DESC, product LIMIT 10`,
              w.params,
            )
            const label = `${JSON.stringify(filters)} drill ${category} for ${scope.tenant}`
            expect(difference(result.rows, expected), label).toBeUndefined()
            if (expected.length > 0) nonEmpty++
          }
        }
        // Most cases have rows: the comparison is not between two empty tables.
        expect(nonEmpty).toBeGreaterThanOrEqual(15)
        const narrowed = await queryOk(bob, 'revenue-by-category', {
          filters: { region: ['NA', 'APAC'] },
          drill: ['Software'],
        })
        expect(narrowed.rows).toEqual([])
      },
    )

    it.skipIf(skipReason)(
      'walks a three-level path and drills tables, sorting by the level dimension',
      async () => {
        const level1 = await queryOk(
          bob,
          'by-channel',
          { filters: { region: ['EU', 'NA'] }, drill: ['online'] },
          'interactions',
        )
        expect(level1.columns[0]).toMatchObject({ name: 'country', label: 'Country' })
        const w1 = whereOf(BOB_SCOPE, { region: ['EU', 'NA'], channel: ['online'] })
        const expected1 = await truth.sql(
          `SELECT country, SUM(amount) AS r FROM orders WHERE ${w1.sql} GROUP BY country ORDER BY r DESC, country LIMIT 20`,
          w1.params,
        )
        expect(expected1.length).toBeGreaterThan(2)
        expect(difference(level1.rows, expected1)).toBeUndefined()
        // Bob's countries are all in the EU.
        expect(
          level1.rows.every((row) =>
            ['DE', 'FR', 'GB', 'NL', 'ES', 'IT', 'SE'].includes(String(row[0])),
          ),
        ).toBe(true)

        const level2 = await queryOk(bob, 'by-channel', { drill: ['online', 'DE'] }, 'interactions')
        expect(level2.columns[0]).toMatchObject({ name: 'product', label: 'Product' })
        const w2 = whereOf(BOB_SCOPE, { channel: ['online'], country: ['DE'] })
        const expected2 = await truth.sql(
          `SELECT product, SUM(amount) AS r FROM orders WHERE ${w2.sql} GROUP BY product ORDER BY r DESC, product LIMIT 20`,
          w2.params,
        )
        expect(expected2.length).toBeGreaterThan(2)
        expect(difference(level2.rows, expected2)).toBeUndefined()
        // A country outside bob's regions: nothing, not another tenant's or region's rows.
        expect(
          (await queryOk(bob, 'by-channel', { drill: ['online', 'US'] }, 'interactions')).rows,
        ).toEqual([])

        const table = await queryOk(
          alice,
          'category-table',
          { drill: ['Software'] },
          'interactions',
        )
        expect(table.columns.map((c) => c.name)).toEqual([
          'product',
          'channel',
          'revenue',
          'orders',
        ])
        const w3 = whereOf(ALICE_SCOPE, { category: ['Software'] })
        const expected3 = await truth.sql(
          `SELECT product, channel, SUM(amount), COUNT(*) FROM orders WHERE ${w3.sql} GROUP BY product, channel ORDER BY product, channel LIMIT 100`,
          w3.params,
        )
        expect(expected3.length).toBe(9)
        expect(difference(table.rows, expected3)).toBeUndefined()
      },
    )

    it.skipIf(skipReason)('treats an empty drill as level 0', async () => {
      const plain = await queryOk(alice, 'revenue-by-category', { filters: {} })
      const empty = await queryOk(alice, 'revenue-by-category', { filters: {}, drill: [] })
      expect(empty.rows).toEqual(plain.rows)
      expect(plain.columns[0]?.name).toBe('category')
    })

    it.skipIf(skipReason)('answers 400 bad_request to drills that do not fit', async () => {
      const cases: Array<[string, unknown, RegExp, string?]> = [
        ['top-products', ['Team Plan'], /drill: tile "top-products" has no drill path/],
        ['revenue', ['Software'], /drill: tile "revenue" has no drill path/],
        ['revenue-over-time', ['2025-01-01'], /has no drill path/],
        [
          'revenue-by-category',
          ['Software', 'Team Plan'],
          /drill: tile "revenue-by-category" drills through category → product: at most 1 value, got 2/,
        ],
        ['revenue-by-category', [1], /drill\[0\]: expected a "category" value/],
        ['revenue-by-category', [null], /drill\[0\]: expected a "category" value/],
        ['revenue-by-category', [{ $ne: 'x' }], /drill\[0\]: expected a "category" value/],
        ['revenue-by-category', [true], /drill\[0\]: expected a "category" value/],
        ['revenue-by-category', ['a\u0000b'], /drill\[0\]: expected a "category" value/],
        ['revenue-by-category', ['x'.repeat(1001)], /drill\[0\]: expected a "category" value/],
        ['revenue-by-category', 'Software', /drill: expected an array/],
        ['revenue-by-category', { 0: 'Software' }, /drill: expected an array/],
        ['by-channel', ['online', 'DE', 'Team Plan'], /at most 2 values, got 3/, 'interactions'],
      ]
      for (const [tile, drill, message, dashboard] of cases) {
        const response = await query(alice, tile, { drill }, dashboard)
        const body = (await response.json()) as { error: { code: string; message: string } }
        expect({ status: response.status, code: body.error.code }, JSON.stringify(drill)).toEqual({
          status: 400,
          code: 'bad_request',
        })
        expect(body.error.message).toMatch(message)
      }
      const unknown = await query(alice, 'revenue-by-category', { drills: ['Software'] })
      expect(unknown.status).toBe(400)
      expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe(
        'drills: unknown field (the body takes "filters", "drill")',
      )
    })
  })

  describe('CSV export', () => {
    it.skipIf(skipReason)(
      'sends the full result (not the display limit) equal to SQL, labelled and quoted',
      async () => {
        const { response, text, header, rows } = await exportCsv(alice, 'top-products', {})
        expect(response.headers.get('content-disposition')).toBe(
          'attachment; filename="sales-overview-top-products.csv"',
        )
        expect(response.headers.get('cache-control')).toBe('no-store')
        expect(text.startsWith('Product,Category,Revenue,Orders,"Units, ""sold"""\r\n')).toBe(true)
        expect(header).toEqual(['Product', 'Category', 'Revenue', 'Orders', 'Units, "sold"'])
        const w = whereOf(ALICE_SCOPE)
        const expected = await truth.sql(
          `SELECT product, category, SUM(amount) AS r, COUNT(*), SUM(quantity) FROM orders WHERE ${w.sql} GROUP BY product, category ORDER BY r DESC, product, category`,
          w.params,
        )
        // More rows than the tile shows (10).
        expect(expected.length).toBe(14)
        expect(difference(typed(rows, [2, 3, 4]), expected)).toBeUndefined()
        expect(response.headers.get('x-inset-row-count')).toBe('14')
        expect(response.headers.get('x-inset-truncated')).toBeNull()
        // Raw numbers: no currency sign, no grouping, `.` as the decimal point.
        for (const row of rows) expect(row[2]).toMatch(/^\d+(\.\d{1,2})?$/)
        expect(text).not.toMatch(/\$|€/)
      },
    )

    it.skipIf(skipReason)(
      "holds only bob's globex EU rows, also with filters that try to widen",
      async () => {
        for (const filters of [
          {},
          { tenant: ['acme', 'globex', 'initech'], region: ['EU', 'NA', 'APAC'] },
          { tenant: ['acme'], region: ['NA'] },
          { region: ['EU'], channel: ['online', 'retail'] },
        ] as Array<Record<string, string[]>>) {
          const { header, rows } = await exportCsv(
            bob,
            'by-tenant-region',
            { filters },
            'rls-probe',
          )
          expect(header).toEqual(['Tenant', 'Region', 'Channel', 'Orders', 'Revenue'])
          for (const row of rows) expect([row[0], row[1]]).toEqual(['globex', 'EU'])
          const w = whereOf(BOB_SCOPE, {
            ...(filters.tenant && { tenant_id: filters.tenant }),
            ...(filters.region && { region: filters.region }),
            ...(filters.channel && { channel: filters.channel }),
          })
          const expected = await truth.sql(
            `SELECT tenant_id, region, channel, COUNT(*) AS n, SUM(amount) FROM orders WHERE ${w.sql} GROUP BY ALL ORDER BY n DESC, tenant_id, region, channel`,
            w.params,
          )
          if (!filters.tenant?.includes('globex') && filters.tenant) expect(expected).toEqual([])
          else expect(expected.length).toBeGreaterThan(0)
          expect(difference(typed(rows, [3, 4]), expected), JSON.stringify(filters)).toBeUndefined()
        }
        // The same for a tile of the demo dashboard, with a drill.
        const { header, rows } = await exportCsv(bob, 'revenue-by-category', {
          filters: { region: ['EU', 'NA', 'APAC'] },
          drill: ['Hardware'],
        })
        expect(header).toEqual(['Product', 'Revenue'])
        const w = whereOf(BOB_SCOPE, { category: ['Hardware'] })
        const expected = await truth.sql(
          `SELECT product, SUM(amount) AS r FROM orders WHERE ${w.sql} GROUP BY product ORDER BY r DESC, product`,
          w.params,
        )
        expect(expected.length).toBe(3)
        expect(difference(typed(rows, [1]), expected)).toBeUndefined()
      },
    )

    it.skipIf(skipReason)(
      'exports KPIs as their one row and time series with ISO dates',
      async () => {
        const date = { from: '2025-07-01', to: '2026-01-01' }
        const before = previousPeriod(date.from, date.to)
        if (!before) throw new Error('no previous period')
        const kpi = await exportCsv(alice, 'revenue', { filters: { date } })
        expect(kpi.header).toEqual(['Revenue', 'Revenue (previous period)'])
        const sum = async (from: string, to: string) => {
          const w = whereOf(ALICE_SCOPE)
          const [[value]] = (await truth.sql(
            `SELECT SUM(amount) FROM orders WHERE ${w.sql} AND order_date >= CAST('${from}' AS DATE) AND order_date < CAST('${to}' AS DATE)`,
            w.params,
          )) as [[CellValue]]
          return value
        }
        expect(
          difference(typed(kpi.rows, [0, 1]), [
            [await sum('2025-07-01', '2026-01-01'), await sum(before.from, before.to)],
          ]),
        ).toBeUndefined()
        const noCompare = await exportCsv(alice, 'orders', {})
        expect(noCompare.header).toEqual(['Orders', 'Orders (previous period)'])
        const all = whereOf(ALICE_SCOPE)
        const [[count]] = (await truth.sql(
          `SELECT COUNT(*) FROM orders WHERE ${all.sql}`,
          all.params,
        )) as [[number]]
        expect(noCompare.rows).toEqual([[String(count), '']])

        const series = await exportCsv(bob, 'revenue-over-time', {
          filters: { channel: ['partner'] },
        })
        expect(series.header).toEqual(['Order date', 'Revenue'])
        const w = whereOf(BOB_SCOPE, { channel: ['partner'] })
        const expected = await truth.sql(
          `SELECT CAST(date_trunc('month', order_date) AS DATE) AS m, SUM(amount) FROM orders WHERE ${w.sql} GROUP BY m ORDER BY m`,
          w.params,
        )
        expect(expected).toHaveLength(24)
        expect(series.rows[0]?.[0]).toBe('2024-11-01')
        expect(difference(typed(series.rows, [1]), expected)).toBeUndefined()
      },
    )

    it.skipIf(skipReason)('honours server.exportRowLimit and says when it cut', async () => {
      const all = async (scope: Scope) => {
        const w = whereOf(scope)
        return truth.sql(
          `SELECT country, product, SUM(amount) AS r FROM orders WHERE ${w.sql} GROUP BY country, product ORDER BY r DESC, country, product`,
          w.params,
        )
      }
      const forAlice = await all(ALICE_SCOPE)
      expect(forAlice.length).toBeGreaterThan(EXPORT_LIMIT)
      const cut = await exportCsv(alice, 'country-products', {}, 'interactions')
      expect(cut.rows).toHaveLength(EXPORT_LIMIT)
      expect(cut.response.headers.get('x-inset-truncated')).toBe('true')
      expect(cut.response.headers.get('x-inset-row-count')).toBe(String(EXPORT_LIMIT))
      expect(difference(typed(cut.rows, [2]), forAlice.slice(0, EXPORT_LIMIT))).toBeUndefined()

      const forBob = await all(BOB_SCOPE)
      expect(forBob.length).toBeGreaterThan(5)
      expect(forBob.length).toBeLessThanOrEqual(EXPORT_LIMIT)
      const whole = await exportCsv(bob, 'country-products', {}, 'interactions')
      expect(whole.response.headers.get('x-inset-truncated')).toBeNull()
      expect(difference(typed(whole.rows, [2]), forBob)).toBeUndefined()
      // The tile itself still shows its 5 rows.
      expect((await queryOk(bob, 'country-products', {}, 'interactions')).rows).toHaveLength(5)
    })

    it.skipIf(skipReason)('prepends a UTF-8 byte-order mark only when asked', async () => {
      const bytes = async (body: unknown) => {
        const response = await exportTile(alice, 'revenue-by-category', body)
        expect(response.status).toBe(200)
        return new Uint8Array(await response.arrayBuffer())
      }
      const withBom = await bytes({ bom: true })
      expect([...withBom.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(withBom)).toMatch(
        /^\uFEFFCategory,Revenue\r\n/,
      )
      for (const body of [{}, { bom: false }]) {
        const plain = await bytes(body)
        expect([...plain.slice(0, 3)]).toEqual([...new TextEncoder().encode('Cat')])
      }
      const bad = await exportTile(alice, 'revenue-by-category', { bom: 'yes' })
      expect(bad.status).toBe(400)
    })

    it.skipIf(skipReason)(
      'answers 403 without scope export, 404 for an unknown tile, 400 for bad input',
      async () => {
        const error = async (response: Response) => ({
          status: response.status,
          code: ((await response.json()) as { error: { code: string } }).error.code,
        })
        for (const token of [aliceNoExport, bobNoExport]) {
          expect(await error(await exportTile(token, 'top-products', {}))).toEqual({
            status: 403,
            code: 'forbidden',
          })
        }
        const otherDashboard = await demoToken('alice', {
          scope: ['dashboard:rls-probe', 'export'],
        })
        expect(await error(await exportTile(otherDashboard, 'top-products', {}))).toEqual({
          status: 403,
          code: 'forbidden',
        })
        expect(await error(await exportTile(alice, 'no-such-tile', {}))).toEqual({
          status: 404,
          code: 'not_found',
        })
        expect(await error(await exportTile(alice, 'top-products', {}, 'no-such'))).toEqual({
          status: 404,
          code: 'not_found',
        })
        for (const body of [
          { drill: ['x'] },
          { filters: { region: 'EU', colour: ['red'] } },
          { filters: {}, extra: 1 },
          '[]',
        ]) {
          expect(
            await error(await exportTile(alice, 'top-products', body)),
            JSON.stringify(body),
          ).toEqual({ status: 400, code: 'bad_request' })
        }
        // No token at all.
        expect(
          (
            await server.request('/v1/dashboards/sales-overview/tiles/top-products/export', {
              body: {},
            })
          ).status,
        ).toBe(401)
      },
    )

    it.skipIf(skipReason)('writes audit entries of kind export with rows and status', async () => {
      await exportCsv(bob, 'revenue-by-category', { filters: { channel: ['online'] } })
      await exportTile(bobNoExport, 'revenue-by-category', {})
      const response = await server.request('/v1/audit?limit=500', { token: API_KEY })
      expect(response.status).toBe(200)
      const entries = ((await response.json()) as Page<AuditEntry>).items.filter(
        (entry) =>
          (entry.kind as string) === 'export' &&
          entry.subject === 'bob' &&
          entry.tileId === 'revenue-by-category',
      )
      const w = whereOf(BOB_SCOPE, { channel: ['online'] })
      const categories = await truth.sql(
        `SELECT COUNT(DISTINCT category) FROM orders WHERE ${w.sql}`,
        w.params,
      )
      expect(
        entries.find((entry) => entry.status === 200 && entry.rowCount === categories[0]?.[0]),
      ).toMatchObject({
        tenant: 'globex',
        dashboardId: 'sales-overview',
      })
      expect(entries.find((entry) => entry.status === 403)).toMatchObject({
        errorCode: 'forbidden',
        rowCount: null,
      })
    })

    it.skipIf(skipReason)('answers CORS like the other embed routes', async () => {
      const preflight = await fetch(
        `${server.url}/v1/dashboards/sales-overview/tiles/top-products/export`,
        {
          method: 'OPTIONS',
          headers: {
            origin: ORIGIN,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization, content-type',
          },
        },
      )
      expect(preflight.status).toBe(204)
      expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN)
      const response = await exportTile(alice, 'top-products', {}, 'sales-overview', {
        origin: ORIGIN,
      })
      expect(response.status).toBe(200)
      expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN)
      expect(response.headers.get('access-control-expose-headers')).toMatch(
        /Content-Disposition.*X-Inset-Truncated/,
      )
      await response.arrayBuffer()
      const foreign = await exportTile(alice, 'top-products', {}, 'sales-overview', {
        origin: 'https://evil.example',
      })
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
      await foreign.arrayBuffer()
    })
  })
})
