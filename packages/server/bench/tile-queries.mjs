// Benchmark (not a test): tile queries over HTTP with row-level security at 50 concurrent clients,
// against the raw DuckDB time of the very same SQL, in the same run. Prints numbers.
//   pnpm --filter @inset/server bench            (needs a build: turbo's bench task builds first)
//   BENCH_ROWS=1000000 BENCH_SECONDS=10 BENCH_CLIENTS=50 node bench/tile-queries.mjs
import { availableParallelism, loadavg } from 'node:os'
import { Worker } from 'node:worker_threads'
import { createInsetServer, demoConfig, mintEmbedToken, openDuckDBSource } from '../dist/index.js'

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50)
const WARMUP_MS = 2_000

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

// A real DuckDB source that remembers every statement the server sends it.
const source = await openDuckDBSource({ name: 'main', path: ':memory:', poolSize: 4 })
const statements = new Map()
let recording = false
const recordingSource = {
  ...source,
  query(sql, params, options) {
    if (recording) statements.set(JSON.stringify([sql, params]), { sql, params })
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

async function load(clients) {
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
    workerData: { url, clients, durationMs: SECONDS * 1000, warmupMs: WARMUP_MS, requests },
  })
  const [result] = await Promise.all([
    new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject)),
  ])
  return { ...stats(result.latencies, SECONDS * 1000), errors: result.errors }
}

async function raw(concurrency) {
  const list = [...statements.values()]
  const latencies = []
  const started = performance.now()
  const stopAt = started + WARMUP_MS + SECONDS * 1000
  const measureFrom = started + WARMUP_MS
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < stopAt) {
        const { sql, params } = list[next++ % list.length]
        const t0 = performance.now()
        await source.query(sql, params)
        if (t0 >= measureFrom) latencies.push(performance.now() - t0)
      }
    }),
  )
  return stats(latencies, SECONDS * 1000)
}

recording = true
const http1 = await load(1)
const http50 = await load(CLIENTS)
recording = false
const raw1 = await raw(1)
const raw50 = await raw(CLIENTS)
await server.close()
await source.close()

const queriesPerRequest = 6 / 5 // the KPI with compare runs two queries
console.log(
  `Inset server benchmark: ${ROWS.toLocaleString('en')} rows (loaded in ${fmt(loadMs / 1000)} s), ${SECONDS} s per phase, Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}`,
)
console.log(
  `tile mix: revenue (KPI + previous period), orders (KPI), revenue-over-time, revenue-by-category, top-products; ${statements.size} distinct SQL statements, RLS on tenant and region`,
)
console.log('')
console.log('                          requests/s   p50 ms   p99 ms   errors')
const row = (name, s) =>
  console.log(
    `${name.padEnd(26)}${fmt(s.perSecond, 1).padStart(10)}${fmt(s.p50).padStart(9)}${fmt(s.p99).padStart(9)}${String(s.errors ?? 0).padStart(9)}`,
  )
row('HTTP, 1 client', http1)
row(`HTTP, ${CLIENTS} clients`, http50)
row('raw DuckDB, 1 at a time', raw1)
row(`raw DuckDB, ${CLIENTS} at a time`, raw50)
console.log('')
console.log(
  `overhead, 1 client:   server p50 / raw p50 = ${fmt(http1.p50 / raw1.p50)}x (${fmt(http1.p50 - raw1.p50)} ms per request)`,
)
console.log(
  `overhead, ${CLIENTS} clients: raw statements/s / (server requests/s x ${queriesPerRequest} statements per request) = ${fmt(raw50.perSecond / (http50.perSecond * queriesPerRequest))}x`,
)
console.log(
  `                      server p50 / raw p50 = ${fmt(http50.p50 / raw50.p50)}x, p99 ${fmt(http50.p99 / raw50.p99)}x`,
)
