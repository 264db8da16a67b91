// Prints throughput numbers of the built core: cached getToken(), SSE parsing, and a 50-dashboard
// fan-out through one token source. Run with `pnpm bench` (after `pnpm build`).
import { createInset, createSseParser, createTokenSource } from '../dist/index.js'

function time(label, count, unit, run) {
  const started = performance.now()
  const result = run()
  const finish = () => {
    const ms = performance.now() - started
    console.log(
      `${label.padEnd(46)} ${(count / (ms / 1000)).toFixed(0).padStart(12)} ${unit}/s  (${ms.toFixed(1)} ms)`,
    )
  }
  return result instanceof Promise ? result.then(finish) : finish()
}

const token = (lifetime) => {
  const now = Math.floor(Date.now() / 1000)
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'HS256' })}.${part({ iat: now, exp: now + lifetime })}.signature`
}

const tokens = createTokenSource({ fetchToken: async () => token(600), environment: null })
await tokens.getToken()
await time('getToken() on a cached token', 1_000_000, 'calls', async () => {
  for (let i = 0; i < 1_000_000; i++) await tokens.getToken()
})
tokens.destroy()

const event = `event: text\ndata: ${JSON.stringify({ delta: 'Revenue grew 12% in EU. '.repeat(4) })}\n\n`
const stream = event.repeat(20_000)
let events = 0
const feed = createSseParser(() => events++)
time(
  `SSE parse, ${(stream.length / 1e6).toFixed(1)} MB in 1 KB chunks`,
  stream.length / 1e6,
  'MB',
  () => {
    for (let at = 0; at < stream.length; at += 1024) feed(stream.slice(at, at + 1024))
  },
)
if (events !== 20_000) throw new Error(`parsed ${events} events`)

const definition = {
  id: 'sales-overview',
  title: 'Sales',
  filters: [],
  tiles: ['a', 'b', 'c', 'd', 'e'].map((id) => ({
    id,
    title: id,
    kind: 'kpi',
    layout: { w: 3, h: 1 },
  })),
}
const result = { columns: [], rows: [[1, 2]], meta: { rowCount: 1, durationMs: 1 } }
let tokenFetches = 0
const inset = createInset({
  serverUrl: 'https://inset.test',
  fetchToken: async () => {
    tokenFetches++
    return token(600)
  },
  fetch: async (url) =>
    new Response(JSON.stringify(String(url).endsWith('/query') ? result : definition), {
      headers: { 'content-type': 'application/json' },
    }),
})
const dashboards = Array.from({ length: 50 }, () => inset.dashboard('sales-overview'))
await time('50 dashboards × 5 tiles, 20 filter changes', 50 * 20 * 6, 'requests', async () => {
  for (let round = 0; round < 20; round++) {
    await Promise.all(
      dashboards.map(
        (dashboard) =>
          new Promise((resolve) => {
            const stop = dashboard.subscribe((snapshot) => {
              if (snapshot.state === 'ready') {
                stop()
                resolve()
              }
            })
            dashboard.setFilters({ round })
            dashboard.refresh()
          }),
      ),
    )
  }
})
console.log(
  `${'token fetches for all of the above'.padEnd(46)} ${String(tokenFetches).padStart(12)}`,
)
inset.destroy()
