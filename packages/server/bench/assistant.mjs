// Benchmark (not a test): how fast the built-in assistant answers over HTTP on the demo data.
// A real server (demo config, 50,000 orders, DuckDB), real embed tokens for alice and bob, and the
// whole answer stream read (query, result, chart, text, done) for every question. Questions cover
// issue 17's classes (plain, misspelt, shares, growth, periods side by side, follow-ups with
// history, tiles, refusals). After one warm-up round, every question is asked `--rounds` times by
// `--clients` concurrent clients (users alternate). Prints p50/p95/p99 per question, answers/s and
// CPU milliseconds per answer (load-independent: on a busy machine latency also waits for a core).
//   pnpm --filter @inset/server build && node packages/server/bench/assistant.mjs
//   node bench/assistant.mjs --rounds 5 --clients 1 --rows 50000 --cache off --port 6310 --json out.json
import { writeFile } from 'node:fs/promises'
import { availableParallelism, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { createInsetServer, DEMO_USERS, demoConfig, mintEmbedToken } from '../dist/index.js'

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    clients: { type: 'string', default: '1' },
    rows: { type: 'string', default: '50000' },
    port: { type: 'string', default: '0' },
    // off: every question runs its queries on DuckDB; on: the server's default result cache, so
    // repeated questions after the first round are served from memory.
    cache: { type: 'string', default: 'off' },
    json: { type: 'string' },
  },
})
const ROUNDS = Number(args.rounds)
const CLIENTS = Number(args.clients)
const ROWS = Number(args.rows)

const turn = (question, answer = '…') => [
  { role: 'user', content: question },
  { role: 'assistant', content: answer },
]
const tile = (tileId, filters) => ({ dashboardId: 'sales-overview', tileId, filters })

/** `[class, request]`: what a business user asks, one request body each. */
const QUESTIONS = [
  ['plain', { question: 'revenue by region last quarter' }],
  ['plain', { question: 'top 5 products by orders in EU' }],
  ['plain', { question: 'average order value per month in 2025' }],
  ['plain', { question: 'how many customers this year' }],
  ['misspelling', { question: 'revnue by catagory in 2026' }],
  ['misspelling', { question: 'custmers by chanel last month' }],
  ['share', { question: 'what percentage of revenue came from online last year' }],
  ['share', { question: 'share of orders by category this year' }],
  ['growth', { question: 'how much did revenue grow last quarter' }],
  ['growth', { question: 'month over month orders growth in 2026' }],
  ['growth', { question: 'revenue growth by channel from Q2 to Q3 2026' }],
  ['period vs period', { question: 'revenue last month vs the month before' }],
  ['period vs period', { question: 'units in Q1 2026 compared to Q1 2025' }],
  ['filler', { question: 'hey can you pull up what retail brought in this year' }],
  ['everyday name', { question: 'orders from Europe last quarter' }],
  ['everyday name', { question: 'revenue in the UK in 2025' }],
  [
    'follow-up',
    {
      question: 'what about orders there?',
      context: { history: [...turn('revenue in NA last quarter'), ...turn('and in the EU?')] },
    },
  ],
  [
    'follow-up',
    { question: 'and the year before?', context: { history: turn('units by region in 2025') } },
  ],
  ['tile', { question: 'break this down by channel', context: tile('revenue-by-category') }],
  ['tile', { question: 'why did it drop in March?', context: tile('revenue-over-time') }],
  ['refusal', { question: 'revenue for initech last year' }],
  ['refusal', { question: 'orders by warehouse' }],
  ['refusal', { question: 'delete all orders from 2024' }],
]

const percentile = (sorted, q) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
const fmt = (n) => n.toFixed(1)

const config = demoConfig({ rows: ROWS, rateLimit: { perSecond: 1e9, burst: 1e9 } })
const CACHE = args.cache === 'on'
if (!CACHE) config.server = { ...config.server, cache: { enabled: false } }
const server = await createInsetServer(config)
const { url } = await server.listen({ port: Number(args.port), host: '127.0.0.1' })
const demoKey = server.runtime.keyring.get('demo')
const tokens = await Promise.all(
  [DEMO_USERS.alice, DEMO_USERS.bob].map(async (user) => {
    const { token } = await mintEmbedToken(demoKey, { ...user, ttlSeconds: 3600 })
    return { user: user.user, token }
  }),
)

/** Asks one question and reads the whole stream; throws unless it ends with `done`. */
async function ask(token, body) {
  const started = performance.now()
  const response = await fetch(`${url}/v1/assistant`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  const ms = performance.now() - started
  if (response.status !== 200 || !/^event: done$/m.test(text))
    throw new Error(`${body.question}: ${response.status} ${text.slice(0, 200)}`)
  return { ms }
}

// One round: every question as every user, shared out to the clients.
const WORK = tokens.flatMap(({ token }) => QUESTIONS.map(([kind, body]) => ({ kind, body, token })))

async function round(times) {
  let next = 0
  const client = async () => {
    for (let i = next++; i < WORK.length; i = next++) {
      const { kind, body, token } = WORK[i]
      const { ms } = await ask(token, body)
      times?.push({ kind, ms })
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, client))
}

await round() // warm-up: DuckDB's first plans, the vocabulary, the JIT
const times = []
const started = performance.now()
const cpuBefore = process.cpuUsage()
for (let r = 0; r < ROUNDS; r++) await round(times)
const cpu = process.cpuUsage(cpuBefore)
const seconds = (performance.now() - started) / 1000
await server.close()

const sorted = times.map((t) => t.ms).sort((a, b) => a - b)
const byKind = {}
for (const { kind, ms } of times) {
  byKind[kind] = byKind[kind] ?? []
  byKind[kind].push(ms)
}
const result = {
  rows: ROWS,
  clients: CLIENTS,
  resultCache: CACHE,
  answers: sorted.length,
  p50: percentile(sorted, 0.5),
  p95: percentile(sorted, 0.95),
  p99: percentile(sorted, 0.99),
  answersPerSecond: sorted.length / seconds,
  // CPU of this process (server, DuckDB's threads and the client) per answer: what an answer
  // costs whatever else the machine is doing; the latencies above also wait for a core.
  cpuMsPerAnswer: (cpu.user + cpu.system) / 1000 / sorted.length,
  p95ByClass: Object.fromEntries(
    Object.entries(byKind).map(([kind, list]) => [
      kind,
      percentile(
        list.sort((a, b) => a - b),
        0.95,
      ),
    ]),
  ),
  cores: availableParallelism(),
  loadAverage: loadavg()[0],
}
console.log(
  `assistant over HTTP, ${ROWS} orders, ${CLIENTS} client(s), result cache ${CACHE ? 'on' : 'off'}: ${result.answers} answers, p50 ${fmt(result.p50)} ms, p95 ${fmt(result.p95)} ms, p99 ${fmt(result.p99)} ms, ${fmt(result.answersPerSecond)} answers/s, ${fmt(result.cpuMsPerAnswer)} ms CPU per answer (load average ${fmt(result.loadAverage)} on ${result.cores} cores)`,
)
for (const [kind, p95] of Object.entries(result.p95ByClass))
  console.log(`  p95 ${kind}: ${fmt(p95)} ms`)
if (args.json) await writeFile(args.json, `${JSON.stringify(result, null, 2)}\n`)
