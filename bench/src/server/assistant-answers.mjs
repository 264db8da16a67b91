// Assistant answers per second over HTTP against the demo server: `clients` concurrent askers,
// each its own demo user (so the per-user rate limit is not what is measured), asking questions of
// the kinds docs/assistant.md lists, each read to its `done` event.
import { createEmbedToken } from '@inset/node'
import { DEMO_KEY } from '../lib/demo-server.mjs'
import { percentile, summarize } from '../lib/stats.mjs'

const USERS_PER_CLIENT = 8

export const QUESTIONS = [
  'revenue by region',
  'top 5 products by orders',
  'monthly revenue last year',
  'what % of revenue came from online',
  'how much did revenue grow last quarter',
  'Q1 2026 vs Q1 2025',
]

async function ask(url, token, question) {
  const response = await fetch(`${url}/v1/assistant`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'text/event-stream',
    },
    body: JSON.stringify({ question, context: { dashboardId: 'sales-overview' } }),
  })
  const text = await response.text()
  if (response.status !== 200 || !text.includes('event: done'))
    throw new Error(`assistant answered ${response.status}: ${text.slice(0, 200)}`)
  if (text.includes('event: error'))
    throw new Error(`assistant error for "${question}": ${text.slice(0, 300)}`)
}

async function round(url, users, seconds) {
  const latencies = []
  const deadline = performance.now() + seconds * 1000
  const started = performance.now()
  await Promise.all(
    users.map(async (_, client) => {
      for (let i = client; performance.now() < deadline; i++) {
        const asked = performance.now()
        await ask(url, users[client][i % USERS_PER_CLIENT], QUESTIONS[i % QUESTIONS.length])
        latencies.push(performance.now() - asked)
      }
    }),
  )
  const elapsed = performance.now() - started
  return {
    perSecond: (latencies.length / elapsed) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  }
}

/**
 * Answers per second at each client count, `runs` rounds of `seconds` each (after a warm-up).
 * @example await measureAssistant('http://127.0.0.1:7000', { clients: [1, 4], runs: 3, seconds: 3 })
 */
export async function measureAssistant(url, { clients, runs, seconds }) {
  const results = []
  for (const count of clients) {
    const tokens = await Promise.all(
      // Eight users per client in turn: one fast client alone would pass the demo's 200/s per user.
      Array.from({ length: count * USERS_PER_CLIENT }, (_, i) =>
        createEmbedToken({
          key: DEMO_KEY,
          user: `asker-${i}`,
          tenant: 'acme',
          attributes: { region: ['EU', 'NA', 'APAC'] },
          ttl: 3600,
        }).then((minted) => minted.token),
      ),
    )
    const users = Array.from({ length: count }, (_, client) =>
      tokens.slice(client * USERS_PER_CLIENT, (client + 1) * USERS_PER_CLIENT),
    )
    await round(url, users, 1)
    const samples = []
    for (let run = 0; run < runs; run++) samples.push(await round(url, users, seconds))
    results.push({
      clients: count,
      perSecond: summarize(samples.map((s) => s.perSecond)),
      p50: summarize(samples.map((s) => s.p50)),
      p99: summarize(samples.map((s) => s.p99)),
    })
  }
  return results
}
