// What the revocation check costs a tile request (issue 14: under 5% at p50). The same in-process
// tile request is timed with the check switched off and with the check over 10,000 revocations
// (none of them this token's), in alternating slices so a busy machine weighs on both alike; and
// the check alone is timed with 0 and 10,000 revocations.
//   pnpm --filter @inset/server build && node bench/revocation-check.mjs
import { createInsetServer, demoConfig, mintEmbedToken } from '../dist/index.js'

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000)
const N = Number(process.env.BENCH_ITERATIONS ?? 600)
const SLICES = Number(process.env.BENCH_SLICES ?? 5)

const server = await createInsetServer(
  demoConfig({ rows: ROWS, rateLimit: { perSecond: 1e9, burst: 1e9 } }),
)
const { runtime } = server
const { token } = await mintEmbedToken(runtime.keyring.get('demo'), {
  user: 'alice',
  tenant: 'acme',
  attributes: { region: ['EU', 'NA', 'APAC'] },
  ttl: 3600,
})
const request = () =>
  server
    .fetch(
      new Request('http://inset.test/v1/dashboards/sales-overview/tiles/revenue/query', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{"filters":{"region":["EU"]}}',
      }),
    )
    .then(async (response) => {
      if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`)
      return response.text()
    })

const realCheck = runtime.revocations.check
const claims = {
  iss: 'demo',
  sub: 'alice',
  tenant: 'acme',
  jti: 'x',
  attrs: {},
  scope: [],
  iat: 0,
  exp: 0,
}
function checkAlone() {
  let checks = 0
  const started = performance.now()
  while (performance.now() - started < 200) {
    realCheck(claims)
    checks++
  }
  return (200 / checks) * 1e6
}
const alone = { 0: checkAlone() }
const until = Date.now() + 3_600_000
for (let r = 0; r < 10_000; r++) {
  const field = ['subject', 'tenant', 'tokenId'][r % 3]
  await runtime.revocations.add({ [field]: `someone-${r}`, until })
}
alone[10_000] = checkAlone()

const variants = {
  'no check': () => undefined,
  'check, 10,000 revocations': realCheck,
}
const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]))
for (let i = 0; i < 300; i++) await request()
for (let slice = 0; slice < SLICES; slice++) {
  for (const [name, check] of Object.entries(variants)) {
    runtime.revocations.check = check
    for (let i = 0; i < N / SLICES; i++) {
      const started = performance.now()
      await request()
      samples[name].push(performance.now() - started)
    }
  }
}
runtime.revocations.check = realCheck
const p50 = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}
const base = p50(samples['no check'])
console.log(`${ROWS.toLocaleString('en')} rows, ${N} requests per variant, Node ${process.version}`)
for (const [name, values] of Object.entries(samples)) {
  const value = p50(values)
  console.log(
    `tile request, ${name.padEnd(26)} p50 ${(value * 1000).toFixed(0).padStart(6)} µs  ${(((value - base) / base) * 100).toFixed(1).padStart(5)}% vs no check`,
  )
}
for (const [count, ns] of Object.entries(alone))
  console.log(
    `the check alone, ${Number(count).toLocaleString('en')} revocations: ${ns.toFixed(0)} ns per call (${((ns / 1000 / (base * 1000)) * 100).toFixed(3)}% of a request's p50)`,
  )
await server.close()
