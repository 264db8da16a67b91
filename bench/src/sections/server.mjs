// Section 2: the server. Token verifications per second (in-process), assistant answers per second
// over HTTP against the demo server started as its CLI starts it, and tile-query throughput and
// p50/p99 beside raw database time (the server's own benchmark, packages/server/bench/
// tile-queries.mjs). The tile queries take minutes: they run last, after every other section,
// alone on the machine (their p99s are targets).
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
const errorText = (error) => String(error.message ?? error).split('\n')[0]

function renderTileQueries(tiles) {
  const heading = [
    '### Tile queries over HTTP with row-level security, against the raw database',
    '',
  ]
  if (!tiles) return [...heading, 'Still running when this report was written.']
  if (tiles.skipped || tiles.error)
    return [...heading, `Not measured in this run: ${tiles.skipped ?? tiles.error}.`]
  return [
    ...heading,
    ...(tiles.partial
      ? [
          `The benchmark ${tiles.partial} on this machine: the runs it finished, from its progress output (which has no requests/s).`,
          '',
        ]
      : []),
    `${tiles.rows ? tiles.rows.toLocaleString('en') : '1,000,000'} rows, demo RLS (two tenants, one client per user); each request's own SQL run on the raw database in alternating slices, measured the same way (ratio = HTTP ÷ raw). By \`packages/server/bench/tile-queries.mjs --json\`, run after every other section, alone on the machine.`,
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
  ]
}

function renderTokenVerification(tv) {
  const heading = ['### Token verification', '']
  if (tv.error) return [...heading, `Not measured in this run: ${tv.error}.`]
  return [
    ...heading,
    `In-process through \`@inset/server\`'s built verifier and the demo keyring (HS256), ${tv.runs} rounds of ${tv.perRun} tokens, one after another on one core.`,
    '',
    table(
      ['token', 'verifications/s'],
      [
        ['seen for the first time (signature + claims)', formatSummary(tv.fresh, rate)],
        ['seen before (kept per keyring; time claims only)', formatSummary(tv.cached, rate)],
      ],
    ),
  ]
}

function renderAssistant(assistant) {
  const heading = ['### Assistant answers', '']
  if (assistant.error) return [...heading, `Not measured in this run: ${assistant.error}.`]
  return [
    ...heading,
    `Over HTTP against \`inset-server demo\` (50,000 rows, built-in engine), each client eight users of its own in turn (the demo limits a user to 200 requests/s), questions in turn (${assistant.questions.map((q) => `"${q}"`).join(', ')}), each answer read to its \`done\` event; ${assistant.runs} round(s) of ${assistant.seconds} s per client count.`,
    '',
    table(
      ['clients', 'answers/s', 'p50', 'p99'],
      assistant.results.map((row) => [
        row.clients,
        formatSummary(row.perSecond, rate),
        formatSummary(row.p50, ms),
        formatSummary(row.p99, ms),
      ]),
    ),
  ]
}

const render = (data) =>
  [
    ...renderTokenVerification(data.tokenVerification),
    '',
    ...renderAssistant(data.assistant),
    '',
    ...renderTileQueries(data.tileQueries),
  ].join('\n')

const problemsOf = (data) =>
  [data.tileQueries, data.tokenVerification, data.assistant]
    .filter((part) => part?.error)
    .map((part) => part.error)

export async function runServer({ quick, workRoot, log }) {
  const data = {}

  log('server: token verification')
  const runs = quick ? 2 : 5
  try {
    await waitForDist('server', 'index.js')
    const { measureTokenVerification } = await import('../server/token-verification.mjs')
    const perRun = quick ? 500 : 3000
    data.tokenVerification = { runs, ...(await measureTokenVerification({ runs, perRun })) }
  } catch (error) {
    data.tokenVerification = { error: errorText(error) }
  }

  log('server: assistant answers over HTTP')
  try {
    const { measureAssistant, QUESTIONS } = await import('../server/assistant-answers.mjs')
    const { startDemo } = await import('../lib/demo-server.mjs')
    const options = {
      clients: quick ? [1] : [1, 4, 16],
      runs: quick ? 1 : 3,
      seconds: quick ? 2 : 3,
    }
    const demo = await startDemo()
    try {
      const results = await measureAssistant(demo.url, options)
      data.assistant = { ...options, questions: QUESTIONS, results }
    } finally {
      await demo.close()
    }
  } catch (error) {
    data.assistant = { error: errorText(error) }
  }

  const result = {
    id: 'server',
    title: 'Server',
    data,
    problems: problemsOf(data),
    markdown: render(data),
  }
  /** Run by the runner after every other section; fills in the tile queries. */
  result.background = async () => {
    log('server: tile queries (packages/server/bench/tile-queries.mjs), last and alone')
    try {
      data.tileQueries = await runTileQueries({
        quick,
        workRoot,
        log,
        // 4 measured seconds per side and run in the full report (the script's default is 10).
        seconds: quick ? undefined : 4,
        timeoutMs: quick ? 120_000 : 600_000,
      })
    } catch (error) {
      data.tileQueries = { error: errorText(error) }
    }
    log('server: tile queries done')
    result.problems = problemsOf(data)
    result.markdown = render(data)
  }
  return result
}
