// Row-level security under any filters (fast-check): 1,000 generated requests per database, the
// same generator on DuckDB and PostgreSQL, across every tile of the demo dashboard, the rls-probe
// table (tenant, region, channel per row, with tenant and country filters) and the assistant with
// a linked dashboard's filters. Most generated filter sets are valid (answered 200) and a minority
// are invalid (answered 400 bad_request). Every 200 answer is compared with the oracle: the rows
// the token's tenant and regions allow under those filters, computed by SQL written in the test on
// a DuckDB of its own (test/tile-oracle.ts); every row also passes the hard per-row scope check
// (test/scope.ts). The run asserts how many answers were 200 with rows, so it cannot pass vacuously.
import type { ErrorBody, QueryResult } from '@inset/core'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ask } from '../../test/assistant/ask'
import { BACKENDS } from '../../test/backends'
import { cents, difference, type Oracle, oracle } from '../../test/oracle'
import { TEST_ROWS } from '../../test/runtimes'
import { ALICE_SCOPE, BOB_SCOPE, REGION_OF_COUNTRY, type Scope } from '../../test/scope'
import { startTestServer, type TestServer } from '../../test/servers'
import { expectedGroups, expectedTile, type Filters } from '../../test/tile-oracle'
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
  '$1',
]
const REGIONS = ['EU', 'NA', 'APAC']
const CHANNELS = ['online', 'retail', 'partner']
const TENANTS = ['acme', 'globex', 'initech']
const COUNTRIES = Object.keys(REGION_OF_COUNTRY)

// Valid values: mostly real ones (so answers have rows), some hostile strings (valid text that
// matches nothing and must not change the SQL).
const pick = (known: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.constantFrom(...INJECTIONS) },
  )
const select = (known: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.uniqueArray(pick(known), { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom(null, [] as string[]) },
  )
const isoDate = fc
  .date({
    min: new Date('2024-06-01T00:00:00Z'),
    max: new Date('2027-03-01T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10))
const dateRange = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(isoDate, isoDate)
      .map(([a, b]) => (a < b ? { from: a, to: b } : { from: b, to: a })),
  },
  { weight: 2, arbitrary: fc.record({ from: isoDate, to: isoDate }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.constant(null) },
)
const salesFilters = fc.record(
  { date: dateRange, region: select(REGIONS), channel: select(CHANNELS) },
  { requiredKeys: [] },
)
const probeFilters = fc.record(
  {
    date: dateRange,
    region: select(REGIONS),
    channel: select(CHANNELS),
    tenant: select(TENANTS),
    country: fc.oneof(
      { weight: 6, arbitrary: pick(COUNTRIES) },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
  },
  { requiredKeys: [] },
)
// Invalid filter sets: each must be refused with 400 bad_request, never run.
const invalidFilters = fc.oneof(
  fc.record({
    date: fc.constantFrom('2025', { from: 'yesterday' }, { since: '2025-01-01' }, [1, 2]),
  }),
  fc.record({ region: fc.constantFrom([{ $ne: 'EU' }], ['\u0000'], [true], [['EU']]) }),
  fc.dictionary(fc.constantFrom('tenant_id', 'sql', '__proto__x', 'where'), fc.string(), {
    minKeys: 1,
    maxKeys: 2,
  }),
  fc.constant('region=EU'),
  fc.constant([['region', 'EU']]),
)

const SALES_TILES = [
  'revenue',
  'orders',
  'revenue-over-time',
  'revenue-by-category',
  'top-products',
] as const
const QUESTIONS = {
  'revenue by region and channel': { measure: 'SUM(amount)', columns: ['region', 'channel'] },
  'orders by country': { measure: 'COUNT(*)', columns: ['country'] },
  'revenue by tenant': { measure: 'SUM(amount)', columns: ['tenant_id'] },
} as const

type Input =
  | { kind: 'tile'; user: 'alice' | 'bob'; tile: string; filters: Filters; valid: true }
  | {
      kind: 'assistant'
      user: 'alice' | 'bob'
      question: keyof typeof QUESTIONS
      filters: Filters
      valid: true
    }
  | { kind: 'tile'; user: 'alice' | 'bob'; tile: string; filters: unknown; valid: false }

const user = fc.constantFrom<'alice' | 'bob'>('bob', 'bob', 'alice')
const request: fc.Arbitrary<Input> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('tile' as const),
      user,
      tile: fc.constantFrom(...SALES_TILES),
      filters: salesFilters as fc.Arbitrary<Filters>,
      valid: fc.constant(true as const),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('tile' as const),
      user,
      tile: fc.constant('by-tenant-region'),
      filters: probeFilters as fc.Arbitrary<Filters>,
      valid: fc.constant(true as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('assistant' as const),
      user,
      question: fc.constantFrom(...(Object.keys(QUESTIONS) as Array<keyof typeof QUESTIONS>)),
      filters: salesFilters as fc.Arbitrary<Filters>,
      valid: fc.constant(true as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('tile' as const),
      user,
      tile: fc.constantFrom(...SALES_TILES, 'by-tenant-region'),
      filters: invalidFilters as fc.Arbitrary<unknown>,
      valid: fc.constant(false as const),
    }),
  },
)

// 100 runs of 10 concurrent requests: 1,000 generated requests per database.
const BATCH = 10
const RUNS = 100
const SCOPES: Record<'alice' | 'bob', Scope> = { alice: ALICE_SCOPE, bob: BOB_SCOPE }
const rounded = (rows: QueryResult['rows']) => rows.map((row) => row.map(cents))
const sorted = (rows: QueryResult['rows']) =>
  [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))

describe.each(BACKENDS)(
  'row-level security holds for any filters on %s (fast-check)',
  (_name, backend, skipReason) => {
    let server: TestServer
    let truth: Oracle
    const tokens: Record<string, string> = {}

    beforeAll(async () => {
      if (skipReason) return
      truth = await oracle(TEST_ROWS)
      server = await startTestServer(backend, (config) => ({
        ...config,
        server: { ...config.server, rateLimit: { perSecond: 1_000_000, burst: 1_000_000 } },
      }))
      for (const name of ['alice', 'bob'] as const) tokens[name] = await demoToken(name)
    }, 60_000)
    afterAll(async () => {
      await server?.close()
    })

    const tally = {
      ok: 0,
      withRows: 0,
      refused: 0,
      assistantWithRows: 0,
      probeWithRows: 0,
      bobWithRows: 0,
    }

    async function check(input: Input): Promise<void> {
      const scope = SCOPES[input.user]
      const token = tokens[input.user] ?? ''
      if (input.kind === 'assistant') {
        const { measure, columns } = QUESTIONS[input.question]
        const answer = await ask(server.url, token, {
          question: input.question,
          context: { dashboardId: 'sales-overview', filters: input.filters as never },
        })
        expect(answer.status).toBe(200)
        const result = answer.of('result')
        expect(result, `${input.question}: ${answer.text}`).toBeDefined()
        const expected = rounded(
          await expectedGroups(truth, measure, columns, scope, input.filters),
        )
        expect(
          difference(sorted(rounded(result?.rows ?? [])), sorted(expected)),
          JSON.stringify(input),
        ).toBeUndefined()
        tally.ok++
        if ((result?.rows.length ?? 0) > 0) {
          tally.withRows++
          tally.assistantWithRows++
          if (input.user === 'bob') tally.bobWithRows++
        }
        return
      }
      const dashboard = input.tile === 'by-tenant-region' ? 'rls-probe' : 'sales-overview'
      const response = await server.request(
        `/v1/dashboards/${dashboard}/tiles/${input.tile}/query`,
        {
          token,
          body: { filters: input.filters },
        },
      )
      const body = (await response.json()) as ErrorBody & QueryResult
      if (!input.valid) {
        expect(response.status, JSON.stringify(input)).toBe(400)
        expect(body.error.code).toBe('bad_request')
        tally.refused++
        return
      }
      expect(response.status, `${JSON.stringify(input)}: ${JSON.stringify(body)}`).toBe(200)
      const expected = rounded(await expectedTile(truth, input.tile, scope, input.filters))
      expect(difference(rounded(body.rows), expected), JSON.stringify(input)).toBeUndefined()
      tally.ok++
      const nonEmpty = body.rows.some((row) =>
        row.some((cell) => typeof cell === 'number' && cell !== 0),
      )
      if (nonEmpty) {
        tally.withRows++
        if (input.tile === 'by-tenant-region') tally.probeWithRows++
        if (input.user === 'bob') tally.bobWithRows++
      }
    }

    it.skipIf(skipReason)(
      `never answers outside the token's tenant and regions (${BATCH * RUNS} generated requests, checked row by row)`,
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
        console.log(`rls property test on ${backend.name}: ${JSON.stringify(tally)} of ${seen}`)
        expect(seen).toBe(BATCH * RUNS)
        // Not vacuous: most answers are 200 with rows, checked against the oracle row by row.
        expect(tally.withRows).toBeGreaterThanOrEqual(350)
        expect(tally.probeWithRows).toBeGreaterThanOrEqual(35)
        expect(tally.assistantWithRows).toBeGreaterThanOrEqual(50)
        expect(tally.bobWithRows).toBeGreaterThanOrEqual(150)
        expect(tally.refused).toBeGreaterThanOrEqual(50)
        expect(tally.refused).toBeLessThanOrEqual(200)
      },
      240_000,
    )
  },
)
