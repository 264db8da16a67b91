// Benchmark (not a test): tile queries over HTTP with row-level security at 1 and 50 concurrent
// clients, against the raw DuckDB time of the very same SQL in the same run: each request's own
// statements run as the server runs them (a KPI's two periods at once), and, for reference, the
// statements one by one. HTTP and raw SQL take turns in slices, so load from elsewhere on a shared
// machine weighs on both alike. Prints numbers.
//   pnpm --filter @inset/server bench            (needs a build: turbo's bench task builds first)
//   BENCH_ROWS=1000000 BENCH_SECONDS=10 BENCH_CLIENTS=50 BENCH_SLICES=5 node bench/tile-queries.mjs
import { availableParallelism, loadavg } from 'node:os'
import { Worker } from 'node:worker_threads'
import { createInsetServer, demoConfig, mintEmbedToken, openDuckDBSource } from '../dist/index.js'

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50)
const SLICES = Number(process.env.BENCH_SLICES ?? 5)
const WARMUP_MS = 2_000
const SLICE_WARMUP_MS = 250

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
const stats = (values, ms) => {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    perSecond: (sorted.length / ms) * 1000,
  }
}
const fmt = (n, digits = 2) => n.toFixed(digits)

// A real DuckDB source that remembers the statements the server sends it.
const source = await openDuckDBSource({ name: 'main', path: ':memory:', poolSize: 4 })
let recorded = null
const recordingSource = {
  ...source,
  query(sql, params, options) {
    recorded?.push({ sql, params })
    return source.query(sql, params, options)
  },
}

const loadStarted = performance.now()
const server = await createInsetServer(
  demoConfig({ rows: ROWS, rateLimit: { perSecond: 1e9, burst: 1e9 } }),
  { dataSources: { main: recordingSource } },
)
const loadMs = performance.now() - loadStarted
const { url } = await server.listen({ port: 0, host: '127.0.0.1' })
const demoKey = server.runtime.keyring.get('demo')

// 50 distinct subjects across two tenants, as in a real embed: acme with all regions, globex with EU.
const tokens = await Promise.all(
  Array.from({ length: CLIENTS }, (_, i) =>
    mintEmbedToken(
      demoKey,
      i % 2 === 0
        ? {
            user: `user-${i}`,
            tenant: 'acme',
            attributes: { region: ['EU', 'NA', 'APAC'] },
            ttlSeconds: 3600,
          }
        : { user: `user-${i}`, tenant: 'globex', attributes: { region: ['EU'] }, ttlSeconds: 3600 },
    ),
  ).map((p) => p.then((t) => t.token)),
)
const year = { date: { from: '2025-07-01', to: '2026-07-01' } }
const tile = (id, filters) => ({
  path: `/v1/dashboards/sales-overview/tiles/${id}/query`,
  filters,
  tokens,
})
const requests = [
  tile('revenue', year),
  tile('orders', {}),
  tile('revenue-over-time', { channel: ['online', 'partner'] }),
  tile('revenue-by-category', year),
  tile('top-products', { region: ['EU'] }),
]

function load(clients, durationMs, warmupMs) {
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
    workerData: { url, clients, durationMs, warmupMs, requests },
  })
  return new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject))
}

// The statements of each request for each tenant (tokens alternate acme, globex), sent once.
const requestStatements = []
for (const [i, request] of requests.entries()) {
  requestStatements[i] = []
  for (const token of tokens.slice(0, 2)) {
    recorded = []
    const response = await fetch(`${url}${request.path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ filters: request.filters }),
    })
    if (response.status !== 200) throw new Error(`${request.path}: ${response.status}`)
    await response.arrayBuffer()
    requestStatements[i].push(recorded)
  }
}
recorded = null
const allStatements = requestStatements.flat(2)

/** Raw DuckDB in the pattern of the load worker: client c is tenant c % 2 and starts at request c. */
async function raw(concurrency, durationMs, perRequest) {
  const latencies = []
  const measureFrom = performance.now() + SLICE_WARMUP_MS
  const stopAt = measureFrom + durationMs
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      let i = client
      while (performance.now() < stopAt) {
        const t0 = performance.now()
        if (perRequest) {
          const own = requestStatements[i++ % requests.length][client % 2]
          await Promise.all(own.map(({ sql, params }) => source.query(sql, params)))
        } else {
          const { sql, params } = allStatements[i++ % allStatements.length]
          await source.query(sql, params)
        }
        if (t0 >= measureFrom) latencies.push(performance.now() - t0)
      }
    }),
  )
  return latencies
}

/** The server, its requests' SQL and the statements alone at one concurrency, in turns. */
async function measure(clients) {
  const sliceMs = (SECONDS * 1000) / SLICES
  const http = []
  const requestsRaw = []
  const statementsRaw = []
  let errors = 0
  for (let slice = 0; slice < SLICES; slice++) {
    const result = await load(clients, sliceMs, SLICE_WARMUP_MS)
    http.push(...result.latencies)
    errors += result.errors
    requestsRaw.push(...(await raw(clients, sliceMs, true)))
    statementsRaw.push(...(await raw(clients, sliceMs, false)))
  }
  const ms = SECONDS * 1000
  return {
    http: { ...stats(http, ms), errors },
    requests: stats(requestsRaw, ms),
    statements: stats(statementsRaw, ms),
  }
}

await load(CLIENTS, WARMUP_MS, 0)
const one = await measure(1)
const many = await measure(CLIENTS)
await server.close()
await source.close()

console.log(
  `Inset server benchmark: ${ROWS.toLocaleString('en')} rows (loaded in ${fmt(loadMs / 1000)} s), ${SECONDS} s per phase in ${SLICES} slices, Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}`,
)
console.log(
  `tile mix: revenue (KPI + previous period), orders (KPI), revenue-over-time, revenue-by-category, top-products; ${new Set(allStatements.map((q) => JSON.stringify(q))).size} distinct SQL statements, RLS on tenant and region`,
)
console.log('')
console.log('                                         per s   p50 ms   p99 ms   errors')
const row = (name, s) =>
  console.log(
    `${name.padEnd(40)}${fmt(s.perSecond, 1).padStart(8)}${fmt(s.p50).padStart(9)}${fmt(s.p99).padStart(9)}${String(s.errors ?? 0).padStart(9)}`,
  )
for (const [clients, result] of [
  [1, one],
  [CLIENTS, many],
]) {
  const who = clients === 1 ? '1 client' : `${clients} clients`
  row(`HTTP requests, ${who}`, result.http)
  row(`raw DuckDB, their SQL, ${who}`, result.requests)
  row(`raw DuckDB, statements alone, ${who}`, result.statements)
}
console.log('')
console.log(
  `overhead, 1 client:   server p50 - raw p50 of the same requests = ${fmt(one.http.p50 - one.requests.p50)} ms (${fmt(one.http.p50 / one.requests.p50)}x); requests/s ${fmt(one.requests.perSecond / one.http.perSecond)}x fewer`,
)
console.log(
  `overhead, ${CLIENTS} clients: raw requests/s / server requests/s = ${fmt(many.requests.perSecond / many.http.perSecond)}x; p50 ${fmt(many.http.p50 / many.requests.p50)}x, p99 ${fmt(many.http.p99 / many.requests.p99)}x`,
)
