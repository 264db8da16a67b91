// Section 4: time to a first chart. Connect (elements appended) → first chart drawn and → every
// tile drawn, cold (a new browser context: nothing cached, no CORS preflight cached, fresh chunks)
// and warm (the same page mounting again: chunks parsed, token in hand, server cache warm), for the
// demo dashboard and for a page of 10 dashboards, with the request waterfall of a cold load. The
// elements package's own benchmark (packages/elements/bench/first-chart.mjs: loading in one
// request versus definition-then-tiles) runs as a child process beside it and its table is kept.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { launchChromium } from '../lib/chromium.mjs'
import { startDemo } from '../lib/demo-server.mjs'
import { ms, table } from '../lib/format.mjs'
import { startPageServer } from '../lib/page-server.mjs'
import { formatSummary, summarize } from '../lib/stats.mjs'

const elementsDir = fileURLToPath(new URL('../../../packages/elements/', import.meta.url))

/** Runs the elements package's first-chart benchmark and returns its Markdown table rows. */
async function runElementsBench(runs) {
  const child = spawn(process.execPath, ['bench/first-chart.mjs'], {
    cwd: elementsDir,
    env: { ...process.env, RUNS: String(runs) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => {
    stdout += chunk
  })
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-2000)
  })
  const code = await new Promise((resolve) => child.once('exit', resolve))
  if (code !== 0)
    throw new Error(`first-chart.mjs exited with ${code}: ${stderr.trim().split('\n').at(-1)}`)
  return parseTables(stdout)
}

/**
 * The Markdown tables the elements bench prints, each with the line above it as its caption:
 * [{ caption, header: [...], rows: [[...], …] }].
 */
export function parseTables(stdout) {
  const tables = []
  let caption = ''
  for (const line of stdout.split('\n')) {
    const cells = line.startsWith('|')
      ? line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim())
      : null
    if (!cells) {
      if (tables.length) tables.at(-1).open = false
      if (line.trim()) caption = line.trim()
      continue
    }
    const last = tables.at(-1)
    if (last && last.open) {
      if (!cells.every((cell) => /^:?-+:?$/.test(cell))) last.rows.push(cells)
    } else tables.push({ caption, header: cells, rows: [], open: true })
  }
  for (const table of tables) delete table.open
  return tables
}

async function measure(browser, site, count, runs) {
  const samples = { cold: [], warm: [] }
  let waterfall
  for (let run = -1; run < runs; run++) {
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      await page.goto(site.url('/page.html', { mount: '0' }))
      await page.waitForFunction(() => 'bench' in window)
      const cold = await page.evaluate((n) => window.bench.firstChart(n), count)
      await page.evaluate(() => window.bench.unmountAll())
      const warm = await page.evaluate((n) => window.bench.firstChart(n), count)
      // The first round warms the server and the machine's caches; it is not counted.
      if (run < 0) continue
      samples.cold.push(cold)
      samples.warm.push(warm)
      waterfall ??= cold.waterfall
    } finally {
      await context.close()
    }
  }
  const pick = (list, key) => summarize(list.map((sample) => sample[key]))
  return {
    count,
    cold: { first: pick(samples.cold, 'first'), all: pick(samples.cold, 'all') },
    warm: { first: pick(samples.warm, 'first'), all: pick(samples.warm, 'all') },
    failed: [...samples.cold, ...samples.warm].reduce((sum, sample) => sum + sample.failed, 0),
    waterfall,
  }
}

const bar = (start, end, scale) =>
  `${'·'.repeat(Math.round(start / scale))}${'█'.repeat(Math.max(1, Math.round((end - start) / scale)))}`

export async function runFirstChart({ quick, workRoot, log }) {
  const runs = quick ? 2 : 5
  const demo = await startDemo()
  const site = await startPageServer({ workRoot, demoUrl: demo.url })
  const browser = await launchChromium()
  const results = []
  try {
    for (const count of [1, 10]) {
      log(`first chart: ${count} dashboard(s), ${runs} runs`)
      results.push(await measure(browser, site, count, runs))
    }
  } finally {
    await browser.close()
    await site.close()
    await demo.close()
  }
  log('first chart: packages/elements/bench/first-chart.mjs')
  let strategies
  try {
    strategies = await runElementsBench(quick ? 1 : 7)
  } catch (error) {
    strategies = { error: error.message }
  }
  const waterfall = results[0].waterfall ?? []
  const end = Math.max(1, ...waterfall.map((entry) => entry.end))
  const scale = end / 40
  return {
    id: 'first-chart',
    title: 'Time to first chart',
    data: { runs, results, strategies },
    markdown: [
      `In Chromium against \`inset-server demo\`, from the moment the elements are appended (one shared instance, definition and first results in one request) to the first chart drawn and to every tile of every dashboard drawn. Cold: a new browser context (nothing cached: page chunks, CORS preflight, token). Warm: the same page mounting the same dashboards again. ${runs} runs after one uncounted warm-up.`,
      '',
      table(
        [
          'page',
          'cold → first chart',
          'cold → all tiles',
          'warm → first chart',
          'warm → all tiles',
          'failed',
        ],
        results.map((r) => [
          r.count === 1 ? 'demo dashboard' : `${r.count} dashboards`,
          formatSummary(r.cold.first, ms),
          formatSummary(r.cold.all, ms),
          formatSummary(r.warm.first, ms),
          formatSummary(r.warm.all, ms),
          r.failed,
        ]),
      ),
      '',
      `Request waterfall of one cold load of the demo dashboard (resource timing from connect; CORS preflights are not listed by the browser, their time is inside the request that needed them; one █ ≈ ${Math.round(scale)} ms):`,
      '',
      table(
        ['request', 'type', 'start', 'end', ''],
        waterfall.map((entry) => [
          entry.request,
          entry.type,
          ms(entry.start),
          ms(entry.end),
          `\`${bar(entry.start, entry.end, scale)}\``,
        ]),
      ),
      '',
      'From `packages/elements/bench/first-chart.mjs` (loading strategies, warm server, a fresh page per run), its tables as it prints them:',
      '',
      strategies.error
        ? `Not measured in this run: ${strategies.error}.`
        : strategies
            .map((t) => [`_${t.caption}_`, '', table(t.header, t.rows)].join('\n'))
            .join('\n\n'),
    ].join('\n'),
  }
}
