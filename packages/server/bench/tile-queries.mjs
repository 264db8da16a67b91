// Benchmark (not a test): tile queries over HTTP with row-level security against the raw DuckDB time
// of the very same SQL, at several numbers of concurrent clients, with the result cache off (cold:
// every request reaches the database) and on (warm: fifty people opening the same dashboard).
//
// Measured the same way on both sides: one client loop (client-loop.mjs) counts a request when it
// STARTS inside the measured window and finishes; requests per second are those requests over the
// window. The HTTP load generator runs in its own process (load-worker.mjs); raw DuckDB runs each
// request's own statements (a KPI's two periods at once, as the server does) on the server's own
// DuckDB instance, in this process, with no server in between. HTTP and raw take turns in slices
// (their order alternating) so that load from elsewhere on a shared machine weighs on both alike,
// and every slice is at least 3× the p99 seen in a calibration run, so its tail fits inside it.
//
//   pnpm --filter @inset/server build    # the bench imports dist/
//   node packages/server/bench/tile-queries.mjs [--rows N] [--clients 1,10,50,200] [--cache off,on]
//        [--seconds S] [--json out.json] [--quick]
//
// --seconds: measured seconds per side (HTTP, raw) per run (default 10); --quick: 100,000 rows,
// clients 1 and 10, 2 s, whole run under a minute. Prints a Markdown table; --json writes
// { date, machine: { cores, loadavg }, rows, runs: [{ clients, cache, http: { requests, rps, p50,
// p99 }, raw: { ... }, ratioP50, ratioP99 }] } (ms).
import { fork } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { createInsetServer, demoConfig, mintEmbedToken, openDuckDBSource } from '../dist/index.js'
import { runClients } from './client-loop.mjs'

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string' },
    clients: { type: 'string' },
    cache: { type: 'string' },
    seconds: { type: 'string' },
    json: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
})
const list = (text) => text.split(',').map((item) => item.trim())
const QUICK = args.quick
const ROWS = Number(args.rows ?? (QUICK ? 100_000 : 1_000_000))
const CLIENTS = list(args.clients ?? (QUICK ? '1,10' : '1,10,50,200')).map(Number)
const CACHE = list(args.cache ?? 'off,on')
const SECONDS = Number(args.seconds ?? (QUICK ? 2 : 10))
if (!(ROWS >= 1) || CLIENTS.some((n) => !(n >= 1)) || !(SECONDS > 0))
  throw new Error('--rows, --clients and --seconds take positive numbers')
if (CACHE.some((mode) => mode !== 'off' && mode !== 'on'))
  throw new Error('--cache takes off, on or off,on')
/** Nominal slices per side and run; fewer (at least 2) when the p99 asks for longer ones. */
const SLICES = QUICK ? 2 : 4
const SLICE_OVER_P99 = 3
/** Not counted at the start of every slice, so that all clients are busy when counting starts. */
const SLICE_WARMUP_MS = QUICK ? 200 : 500
const CALIBRATION_MS = QUICK ? 300 : 1500
const QUICK_SLICE_CAP_MS = 1500

const started = new Date()
const machine = { cores: availableParallelism(), loadavg: loadavg().map((n) => round(n)) }

function round(n, digits = 2) {
  return Math.round(n * 10 ** digits) / 10 ** digits
}
function percentile(sorted, p) {
  if (sorted.length === 0) return null
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
function summarize(slices) {
  const latencies = slices.flatMap((slice) => slice.latencies).sort((a, b) => a - b)
  const windowMs = slices.reduce((sum, slice) => sum + slice.windowMs, 0)
  return {
    requests: latencies.length,
    rps: round((latencies.length / windowMs) * 1000, 1),
    p50: round(percentile(latencies, 50) ?? Number.NaN),
    p99: round(percentile(latencies, 99) ?? Number.NaN),
    errors: slices.reduce((sum, slice) => sum + slice.errors, 0),
  }
}

// The server's DuckDB, wrapped to record the statements each tile request sends.
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
const config = demoConfig({ rows: ROWS, rateLimit: { perSecond: 1e9, burst: 1e9 } })
// Queued behind 200 clients a statement may wait longer than the 15 s timeout: measure it instead.
config.server = { ...config.server, queryTimeoutMs: 600_000 }
const server = await createInsetServer(config, { dataSources: { main: recordingSource } })
const loadMs = performance.now() - loadStarted
const { url } = await server.listen({ port: 0, host: '127.0.0.1' })
const { runtime } = server
/** The bench switches the cache between runs on the one server (no second load of the rows). */
function setCache(mode) {
  runtime.config.server.cache.enabled = mode === 'on'
  runtime.resultCache.purge()
}

// One subject per client across two tenants, as in a real embed: even clients are acme (all
// regions), odd ones globex (EU only); the cache shares results per scope, never per subject.
const demoKey = runtime.keyring.get('demo')
const tokens = await Promise.all(
  Array.from({ length: Math.max(...CLIENTS, 2) }, async (_, i) => {
    const subject =
      i % 2 === 0
        ? { tenant: 'acme', attributes: { region: ['EU', 'NA', 'APAC'] } }
        : { tenant: 'globex', attributes: { region: ['EU'] } }
    return (await mintEmbedToken(demoKey, { user: `user-${i}`, ...subject, ttlSeconds: 3600 }))
      .token
  }),
)
const year = { date: { from: '2025-07-01', to: '2026-07-01' } }
const tile = (id, filters) => ({ path: `/v1/dashboards/sales-overview/tiles/${id}/query`, filters })
const requests = [
  tile('revenue', year),
  tile('orders', {}),
  tile('revenue-over-time', { channel: ['online', 'partner'] }),
  tile('revenue-by-category', year),
  tile('top-products', { region: ['EU'] }),
]

// The statements of each request for each tenant, recorded with the cache off.
setCache('off')
const statements = []
for (const [i, request] of requests.entries()) {
  statements[i] = []
  for (const token of tokens.slice(0, 2)) {
    recorded = []
    const response = await fetch(`${url}${request.path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ filters: request.filters }),
    })
    if (response.status !== 200) throw new Error(`${request.path}: ${response.status}`)
    await response.arrayBuffer()
    statements[i].push(recorded)
  }
}
recorded = null

const worker = fork(new URL('./load-worker.mjs', import.meta.url))
let answer = null
worker.on('message', (result) => answer?.resolve(result))
worker.on('exit', (code) => answer?.reject(new Error(`the load worker exited (${code})`)))
/** One HTTP slice, run by the load worker (one at a time). */
function http(clients, warmupMs, durationMs) {
  return new Promise((resolve, reject) => {
    answer = { resolve, reject }
    worker.send({ type: 'run', url, requests, tokens, clients, warmupMs, durationMs })
  })
}
/** Client c is tenant c % 2 and starts at request c, as in the load worker. */
function raw(clients, warmupMs, durationMs) {
  return runClients({
    clients,
    warmupMs,
    durationMs,
    async send(client, i) {
      const own = statements[i % requests.length][client % 2]
      await Promise.all(own.map(({ sql, params }) => source.query(sql, params)))
      return true
    },
  })
}

async function measure(clients, cache) {
  setCache(cache)
  // Calibration (not counted): warms the JIT, DuckDB and, with the cache on, the cache; its p99
  // sets the slice length.
  const calibration = [
    await http(clients, 0, CALIBRATION_MS),
    await raw(clients, 0, CALIBRATION_MS),
  ]
  const p99 = Math.max(...calibration.map((run) => summarize([run]).p99 || 0))
  const p50 = Math.max(...calibration.map((run) => summarize([run]).p50 || 0))
  // --quick keeps its minute: its slices may be shorter than 3× a p99 that a busy machine inflates.
  const sliceMs = Math.min(
    Math.max((SECONDS * 1000) / SLICES, SLICE_OVER_P99 * p99),
    QUICK ? QUICK_SLICE_CAP_MS : Number.POSITIVE_INFINITY,
  )
  const slices = Math.max(2, Math.ceil((SECONDS * 1000) / sliceMs))
  const warmupMs = Math.min(Math.max(SLICE_WARMUP_MS, 2 * p50), sliceMs)
  const httpSlices = []
  const rawSlices = []
  const before = runtime.resultCache.stats()
  for (let slice = 0; slice < slices; slice++) {
    const turns = [
      async () => httpSlices.push(await http(clients, warmupMs, sliceMs)),
      async () => rawSlices.push(await raw(clients, warmupMs, sliceMs)),
    ]
    if (slice % 2 === 1) turns.reverse()
    for (const turn of turns) await turn()
  }
  const after = runtime.resultCache.stats()
  const hits = after.hits + after.coalesced - before.hits - before.coalesced
  const hitRate = hits / (hits + after.misses - before.misses || 1)
  const h = summarize(httpSlices)
  const r = summarize(rawSlices)
  return {
    run: {
      clients,
      cache,
      http: { requests: h.requests, rps: h.rps, p50: h.p50, p99: h.p99 },
      raw: { requests: r.requests, rps: r.rps, p50: r.p50, p99: r.p99 },
      ratioP50: round(h.p50 / r.p50),
      ratioP99: round(h.p99 / r.p99),
    },
    notes: { slices, sliceMs, errors: h.errors + r.errors, hitRate },
  }
}

const measured = []
for (const clients of CLIENTS)
  for (const cache of CACHE) {
    const result = await measure(clients, cache)
    measured.push(result)
    // Progress on stderr, so that stdout stays the report.
    const { http: h, raw: r } = result.run
    process.stderr.write(
      `${clients} clients, cache ${cache}: HTTP p50/p99 ${h.p50}/${h.p99} ms, raw ${r.p50}/${r.p99} ms (${result.notes.slices} × ${(result.notes.sliceMs / 1000).toFixed(1)} s)\n`,
    )
  }
worker.send({ type: 'exit' })
await server.close()
await source.close()

const distinct = new Set(statements.flat(2).map((statement) => JSON.stringify(statement))).size
const lines = [
  `## Inset server bench: ${ROWS.toLocaleString('en')} rows`,
  '',
  `${started.toISOString()}; Node ${process.version}, ${machine.cores} cores, load average ${machine.loadavg.join(' ')} at the start, ${loadavg()
    .map((n) => n.toFixed(1))
    .join(
      ' ',
    )} at the end; rows loaded in ${(loadMs / 1000).toFixed(1)} s. Tiles: revenue (KPI + previous period), orders (KPI), revenue-over-time, revenue-by-category, top-products; ${distinct} distinct statements, RLS on tenant and region, two tenants. Requests counted when they start inside a slice and finish; HTTP from its own process; cache off = every request reaches DuckDB, on = warm (TTL ${runtime.config.server.cache.ttl} s).`,
  '',
  '| clients | cache | HTTP requests | HTTP req/s | HTTP p50 ms | HTTP p99 ms | raw requests | raw req/s | raw p50 ms | raw p99 ms | p50 HTTP/raw | p99 HTTP/raw | slices | errors | cache hits |',
  '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |',
  ...measured
    .map(({ run, notes }) =>
      [
        run.clients,
        run.cache,
        run.http.requests,
        run.http.rps,
        run.http.p50,
        run.http.p99,
        run.raw.requests,
        run.raw.rps,
        run.raw.p50,
        run.raw.p99,
        `${run.ratioP50}×`,
        `${run.ratioP99}×`,
        `${notes.slices} × ${(notes.sliceMs / 1000).toFixed(1)} s`,
        notes.errors,
        run.cache === 'on' ? `${(notes.hitRate * 100).toFixed(1)} %` : '',
      ].join(' | '),
    )
    .map((row) => `| ${row} |`),
]
const at50 = measured.find(({ run }) => run.clients === 50 && run.cache === 'on')?.run
const cold = measured.filter(({ run }) => run.cache === 'off').map(({ run }) => run)
if (at50 || cold.length > 0) lines.push('', 'Targets of issue 19:')
if (at50)
  lines.push(
    `- 50 clients, cache on: p99 ${at50.http.p99} ms (target ≤ 50 ms): ${at50.http.p99 <= 50 ? 'met' : 'not met'}`,
  )
for (const run of cold)
  lines.push(
    `- ${run.clients} clients, cache off: HTTP/raw p50 ${run.ratioP50}×, p99 ${run.ratioP99}× (target ≤ 1.1×): ${Math.max(run.ratioP50, run.ratioP99) <= 1.1 ? 'met' : 'not met'}`,
  )
console.log(lines.join('\n'))

if (args.json) {
  const report = {
    date: started.toISOString(),
    machine,
    rows: ROWS,
    runs: measured.map((m) => m.run),
  }
  writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`)
}
