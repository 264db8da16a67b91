// Section 2: the server. Tile-query throughput and p50/p99 beside raw database time (the server's
// own benchmark), token verifications per second (in-process), assistant answers per second over
// HTTP against the demo server started as its CLI starts it.

import { ms, rate, table } from '../lib/format.mjs'
import { formatSummary } from '../lib/stats.mjs'
import { waitForDist } from '../lib/wait-for-dist.mjs'
import { runTileQueries } from '../server/tile-queries.mjs'

/** A figure from the tile-query JSON: a plain number, or a summary with a median. */
const figure = (value, format) => {
  if (value === undefined || value === null) return ''
  if (typeof value === 'number') return format(value)
  if (typeof value === 'object' && 'median' in value) return formatSummary(value, format)
  return String(value)
}
const ratio = (value) => `${value.toFixed(2)}×`

export async function runServer({ quick, workRoot, log }) {
  const data = {}
  const parts = []

  log('server: tile queries (packages/server/bench/tile-queries.mjs)')
  try {
    data.tileQueries = await runTileQueries({
      quick,
      workRoot,
      log,
      // 4 measured seconds per side and run in the full report (the script's default is 10).
      seconds: quick ? undefined : 4,
      timeoutMs: quick ? 120_000 : 300_000,
    })
  } catch (error) {
    data.tileQueries = { error: error.message }
  }
  parts.push('### Tile queries over HTTP with row-level security, against the raw database', '')
  const tiles = data.tileQueries
  if (tiles.skipped || tiles.error) {
    parts.push(`Not measured in this run: ${tiles.skipped ?? tiles.error}.`)
  } else {
    parts.push(
      `${(tiles.rows ?? 0).toLocaleString('en')} rows; each request's own SQL run on the raw database the same way (ratio = HTTP ÷ raw). Measured by \`packages/server/bench/tile-queries.mjs\`.`,
      '',
      table(
        [
          'clients',
          'cache',
          'requests/s',
          'p50',
          'p99',
          'raw p50',
          'raw p99',
          'ratio p50',
          'ratio p99',
        ],
        tiles.runs.map((run) => [
          run.clients,
          run.cache,
          figure(run.http?.rps, rate),
          figure(run.http?.p50, ms),
          figure(run.http?.p99, ms),
          figure(run.raw?.p50, ms),
          figure(run.raw?.p99, ms),
          figure(run.ratioP50, ratio),
          figure(run.ratioP99, ratio),
        ]),
      ),
    )
  }

  log('server: token verification')
  const runs = quick ? 2 : 5
  try {
    await waitForDist('server', 'index.js')
    const { measureTokenVerification } = await import('../server/token-verification.mjs')
    data.tokenVerification = await measureTokenVerification({ runs, perRun: quick ? 500 : 3000 })
  } catch (error) {
    data.tokenVerification = { error: error.message.split('\n')[0] }
  }
  const tv = data.tokenVerification
  parts.push('', '### Token verification', '')
  if (tv.error) parts.push(`Not measured in this run: ${tv.error}.`)
  else
    parts.push(
      `In-process through \`@inset/server\`'s built verifier and the demo keyring (HS256), ${runs} rounds of ${tv.perRun} tokens, one after another on one core.`,
      '',
      table(
        ['token', 'verifications/s'],
        [
          ['seen for the first time (signature + claims)', formatSummary(tv.fresh, rate)],
          ['seen before (kept per keyring; time claims only)', formatSummary(tv.cached, rate)],
        ],
      ),
    )

  log('server: assistant answers over HTTP')
  parts.push('', '### Assistant answers', '')
  try {
    const { measureAssistant, QUESTIONS } = await import('../server/assistant-answers.mjs')
    const { startDemo } = await import('../lib/demo-server.mjs')
    const demo = await startDemo()
    try {
      data.assistant = await measureAssistant(demo.url, {
        clients: quick ? [1] : [1, 4, 16],
        runs: quick ? 1 : 3,
        seconds: quick ? 2 : 4,
      })
    } finally {
      await demo.close()
    }
    parts.push(
      `Over HTTP against \`inset-server demo\` (50,000 rows, built-in engine), each client its own user, questions in turn (${QUESTIONS.map((q) => `"${q}"`).join(', ')}), each answer read to its \`done\` event; ${quick ? 1 : 3} round(s) of ${quick ? 2 : 4} s per client count.`,
      '',
      table(
        ['clients', 'answers/s', 'p50', 'p99'],
        data.assistant.map((row) => [
          row.clients,
          formatSummary(row.perSecond, rate),
          formatSummary(row.p50, ms),
          formatSummary(row.p99, ms),
        ]),
      ),
    )
  } catch (error) {
    data.assistant = { error: error.message.split('\n')[0] }
    parts.push(`Not measured in this run: ${data.assistant.error}.`)
  }
  const problems = [data.tileQueries, data.tokenVerification, data.assistant]
    .filter((part) => part?.error)
    .map((part) => part.error)
  return { id: 'server', title: 'Server', data, problems, markdown: parts.join('\n') }
}
