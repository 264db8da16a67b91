// Benchmark (not a test) of the data API: a server in a child process on DuckDB with BENCH_ROWS
// sample orders and `order_id` as a dimension; alice's orders (one result row per order, ~45% of
// the rows) fetched (1) as keyset pages over HTTP, (2) as one NDJSON export, (3) as the raw DuckDB
// time of the export's SQL in the same process. Prints rows/s of each, the ratios to raw SQL, and
// the server process's peak RSS (VmHWM) before and after the export.
//   pnpm --filter @inset/server build && node bench/data-api.mjs
//   BENCH_ROWS=2250000 BENCH_PAGE=50000 node bench/data-api.mjs    (≈1,000,000 exported rows)
import { fork } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'

const ROWS = Number(process.env.BENCH_ROWS ?? 2_250_000)
const PAGE = Number(process.env.BENCH_PAGE ?? 50_000)
const API_KEY = 'bench-data-api-key-0123'
const ALICE = { user: 'alice', tenant: 'acme', attributes: { region: ['EU', 'NA', 'APAC'] } }
const QUERY = {
  dataset: 'orders',
  measures: ['units', 'orders'],
  dimensions: ['order_id'],
  sort: [{ field: 'order_id', direction: 'asc' }],
}

if (process.argv[2] === 'child') {
  const { createInsetServer, demoConfig } = await import('../dist/index.js')
  const config = demoConfig({
    rows: ROWS,
    apiKey: API_KEY,
    rateLimit: { perSecond: 1000, burst: 1000 },
  })
  config.server = { ...config.server, maxRows: 100_000, queryTimeoutMs: 600_000 }
  config.datasets.orders.dimensions.order_id = { type: 'number' }
  const server = await createInsetServer(config, { logger: false })
  const { port } = await server.listen({ port: 0, host: '127.0.0.1' })
  process.on('message', async (message) => {
    if (message.type === 'raw') {
      const source = server.runtime.dataSources.get('main')
      const started = performance.now()
      let rows = 0
      for await (const chunk of source.stream(message.sql, message.params)) rows += chunk.length
      process.send({ type: 'raw', rows, ms: performance.now() - started })
    } else if (message.type === 'gc') {
      globalThis.gc?.()
      process.send({ type: 'gc' })
    } else if (message.type === 'exit') {
      await server.close()
      process.exit(0)
    }
  })
  globalThis.gc?.()
  process.send({ type: 'ready', port })
} else {
  const child = fork(new URL(import.meta.url).pathname, ['child'], { execArgv: ['--expose-gc'] })
  const next = (type) =>
    new Promise((resolve) => child.on('message', (m) => m.type === type && resolve(m)))
  const { port } = await next('ready')
  const url = `http://127.0.0.1:${port}`
  const memory = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
    const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 }
  }
  const post = (path, body) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  child.send({ type: 'gc' })
  await next('gc')
  // Reset the peak (VmHWM) after start-up, whose sample-data generation peaks far above a query.
  try {
    writeFileSync(`/proc/${child.pid}/clear_refs`, '5')
  } catch {}
  const before = memory()
  let sampled = 0
  const sampler = setInterval(() => {
    sampled = Math.max(sampled, memory().rss)
  }, 50)
  let started = performance.now()
  let exported = 0
  const response = await post('/v1/query/export', { query: QUERY, onBehalfOf: ALICE })
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    for (const byte of value) if (byte === 10) exported++
  }
  const exportMs = performance.now() - started
  clearInterval(sampler)
  const after = memory()

  started = performance.now()
  let paged = 0
  let pages = 0
  let cursor
  do {
    const page = await (
      await post('/v1/query', {
        query: QUERY,
        onBehalfOf: ALICE,
        limit: PAGE,
        ...(cursor && { cursor }),
      })
    ).json()
    if (!page.rows) throw new Error(JSON.stringify(page))
    paged += page.rows.length
    pages++
    cursor = page.nextCursor
  } while (cursor)
  const pagesMs = performance.now() - started

  // The export's own SQL, as the server compiles it for alice (tenant and region RLS, bound values).
  const sql = `SELECT * FROM (SELECT "order_id" AS c0, SUM("quantity") AS c1, COUNT(*) AS c2 FROM "orders" WHERE "tenant_id" = $1 AND "region" IN ($2, $3, $4) GROUP BY 1) AS inset_rows ORDER BY "c0" ASC NULLS LAST`
  child.send({ type: 'raw', sql, params: ['acme', 'EU', 'NA', 'APAC'] })
  const raw = await next('raw')
  const perSecond = (rows, ms) => Math.round((rows / ms) * 1000).toLocaleString('en')
  console.log(
    `data API bench: ${ROWS.toLocaleString('en')} sample rows, load ${loadavg()[0].toFixed(1)}`,
  )
  console.log(
    `  raw DuckDB (streamed)   ${raw.rows.toLocaleString('en')} rows in ${raw.ms.toFixed(0)} ms = ${perSecond(raw.rows, raw.ms)} rows/s`,
  )
  console.log(
    `  export NDJSON over HTTP ${exported.toLocaleString('en')} rows in ${exportMs.toFixed(0)} ms = ${perSecond(exported, exportMs)} rows/s (${(exportMs / raw.ms).toFixed(1)}x raw)`,
  )
  console.log(
    `  pages of ${PAGE.toLocaleString('en')} (keyset)   ${paged.toLocaleString('en')} rows, ${pages} pages in ${pagesMs.toFixed(0)} ms = ${perSecond(paged, pagesMs)} rows/s (${(pagesMs / raw.ms).toFixed(1)}x raw)`,
  )
  console.log(
    `  server RSS before export ${before.rss.toFixed(0)} MB (peak so far ${before.peak.toFixed(0)} MB); after: ${after.rss.toFixed(0)} MB, peak during export ${after.peak.toFixed(0)} MB (VmHWM), ${sampled.toFixed(0)} MB (sampled every 50 ms)`,
  )
  child.send({ type: 'exit' })
}
