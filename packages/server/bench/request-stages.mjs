// Profiling aid (not a test): where one tile request's time goes, stage by stage, in-process.
// Timed here: token verification, query preparation (validation + SQL compile with RLS), the audit
// insert, JSON, and a whole request through the Hono app (no socket) next to the raw statements.
//   pnpm --filter @inset/server build && node bench/request-stages.mjs
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/request-stages.mjs   (then read the .cpuprofile)
import {
  createInsetServer,
  demoConfig,
  mintEmbedToken,
  openDuckDBSource,
  prepareStructuredQuery,
  verifyEmbedToken,
} from '../dist/index.js'

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000)
const N = Number(process.env.BENCH_ITERATIONS ?? 2_000)

const source = await openDuckDBSource({ name: 'main', path: ':memory:', poolSize: 4 })
const statements = []
const recordingSource = {
  ...source,
  query(sql, params, options) {
    statements.push({ sql, params })
    return source.query(sql, params, options)
  },
}
const server = await createInsetServer(
  demoConfig({ rows: ROWS, rateLimit: { perSecond: 1e9, burst: 1e9 } }),
  { dataSources: { main: recordingSource } },
)
const { runtime } = server
const { token } = await mintEmbedToken(runtime.keyring.get('demo'), {
  user: 'alice',
  tenant: 'acme',
  attributes: { region: ['EU', 'NA', 'APAC'] },
  ttlSeconds: 3600,
})
const claims = await verifyEmbedToken(runtime.keyring, token, { leewaySeconds: 30 })

async function time(name, run, iterations = N) {
  for (let i = 0; i < Math.min(200, iterations); i++) await run(i)
  const samples = []
  for (let i = 0; i < iterations; i++) {
    const started = performance.now()
    await run(i)
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  const p50 = samples[Math.floor(samples.length / 2)]
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length
  console.log(
    `${name.padEnd(44)} p50 ${(p50 * 1000).toFixed(0).padStart(6)} µs   mean ${(mean * 1000).toFixed(0).padStart(6)} µs`,
  )
  return p50
}

const tileRequest = (tile, filters) => () =>
  server
    .fetch(
      new Request(`http://inset.test/v1/dashboards/sales-overview/tiles/${tile}/query`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ filters }),
      }),
    )
    .then(async (response) => {
      if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`)
      return response.text()
    })

const query = {
  dataset: 'orders',
  measures: ['revenue'],
  dimensions: ['category'],
  filters: [{ dimension: 'order_date', op: 'gte', values: ['2025-07-01'] }],
  sort: [{ field: 'revenue', direction: 'desc' }],
  limit: 10,
}
console.log(`${ROWS.toLocaleString('en')} rows, ${N} iterations per stage, Node ${process.version}`)
await time('verifyEmbedToken (jose HS256 + claims)', () =>
  verifyEmbedToken(runtime.keyring, token, { leewaySeconds: 30 }),
)
await time('prepareStructuredQuery (validate + compile)', () =>
  prepareStructuredQuery({ runtime, claims }, query),
)
let auditN = 0
await time('audit.record (one INSERT, awaited)', () =>
  runtime.audit.record({
    kind: 'query',
    subject: `s${auditN++}`,
    tenant: 'acme',
    dashboardId: 'sales-overview',
    tileId: 'x',
    rowCount: 1,
    durationMs: 1,
    status: 200,
  }),
)
const result = await tileRequest('top-products', {})()
await time('JSON.parse + stringify of a table result', () => JSON.stringify(JSON.parse(result)))
await time('GET /healthz through the app (framework floor)', () =>
  server.fetch(new Request('http://inset.test/healthz')).then((r) => r.text()),
)

for (const [tile, filters] of [
  ['orders', {}],
  ['revenue-by-category', { date: { from: '2025-07-01', to: '2026-07-01' } }],
  ['top-products', { region: ['EU'] }],
]) {
  statements.length = 0
  await tileRequest(tile, filters)()
  const own = [...statements]
  const request = await time(
    `tile ${tile}: whole request in-process`,
    tileRequest(tile, filters),
    N / 4,
  )
  const raw = await time(
    `tile ${tile}: its SQL on raw DuckDB`,
    () => Promise.all(own.map(({ sql, params }) => source.query(sql, params))),
    N / 4,
  )
  console.log(`${''.padEnd(44)} overhead ${((request - raw) * 1000).toFixed(0)} µs`)
}
await server.close()
await source.close()
