// Section 3: token requests per page load and per refresh cycle in Chromium against the demo
// server, with 1, 10 and 100 dashboards on one page connected three ways (one shared instance,
// element-owned connections, attributes alone), and across 3 tabs with and without
// shareAcrossTabs. Short-lived tokens make a refresh cycle take seconds.
import { launchChromium } from '../lib/chromium.mjs'
import { classify } from '../lib/classify-token-requests.mjs'
import { startDemo } from '../lib/demo-server.mjs'
import { table } from '../lib/format.mjs'
import { startPageServer } from '../lib/page-server.mjs'
import { formatSummary, summarize } from '../lib/stats.mjs'

const MODES = [
  { mode: 'shared', label: 'one shared instance (`element.inset`)', path: '/page.html' },
  {
    mode: 'owned',
    label: 'element-owned: serverUrl + one fetchToken function',
    path: '/page.html',
  },
  {
    mode: 'owned-each',
    label: 'element-owned: a fetchToken closure per element',
    path: '/page.html',
  },
  {
    mode: 'attributes',
    label: 'attributes only (`server-url` + `token-url`, CDN build)',
    path: '/attributes.html',
  },
]
const TABS = [
  {
    label: '3 tabs, shared instance, `shareAcrossTabs`',
    tabs: 3,
    query: { mode: 'shared', tabs: 'alice' },
  },
  { label: '3 tabs, shared instance, alone', tabs: 3, query: { mode: 'shared' } },
]

const allSettled = () => {
  const states = [...document.querySelectorAll('inset-dashboard')].map((e) => e.snapshot?.state)
  return states.length > 0 && states.every((state) => state === 'ready' || state === 'error')
}
const errorCodes = () =>
  [...document.querySelectorAll('inset-dashboard')]
    .filter((e) => e.snapshot?.state === 'error')
    .map((e) => e.snapshot.error?.code ?? 'unknown')

let pagesOpened = 0

async function watch(browser, site, { path, query, tabs = 1 }, { ttl, cycles }) {
  // A demo user per configuration: the demo limits requests per user (200/s, bursts of 400).
  const user = `bench-${++pagesOpened}`
  const context = await browser.newContext()
  const requests = []
  context.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname === '/api/inset-token')
      requests.push({
        at: Date.now(),
        reason: url.searchParams.get('reason'),
        source: url.searchParams.get('source'),
      })
  })
  try {
    // Every tab at once, so that their loads fall together.
    const pages = await Promise.all(
      Array.from({ length: tabs }, async () => {
        const page = await context.newPage()
        await page.goto(site.url(path, { ...query, user, ttl: String(ttl) }))
        return page
      }),
    )
    await Promise.all(
      pages.map((page) =>
        page.waitForFunction(allSettled, null, { timeout: 90_000, polling: 250 }),
      ),
    )
    const first = Math.min(...requests.map((request) => request.at))
    const loadedMs = Date.now() - first
    // Every cycle after the pages settled, however long a busy machine took to draw them.
    const watchUntil = Math.max(
      first + ttl * (1000 + 500 * cycles),
      Date.now() + ttl * (250 + 500 * cycles),
    )
    const remaining = watchUntil - Date.now()
    if (remaining > 0) await pages[0].waitForTimeout(remaining)
    const errors = (await Promise.all(pages.map((page) => page.evaluate(errorCodes)))).flat()
    if (process.env.BENCH_DEBUG)
      console.error(
        JSON.stringify({ query, tabs, requests: requests.map((r) => [r.at - first, r.reason]) }),
      )
    return { ...classify(requests, ttl, cycles), loadedMs, errors }
  } finally {
    await context.close()
  }
}

export async function runTokenTraffic({ quick, workRoot, log }) {
  const counts = quick ? [1, 10] : [1, 10, 100]
  const runs = quick ? 1 : 2
  // Refresh about half-way through a token's life: ttl 12 s → cycles ~6 s apart.
  const timing = quick ? { ttl: 12, cycles: 1 } : { ttl: 12, cycles: 2 }
  const demo = await startDemo()
  const site = await startPageServer({ workRoot, demoUrl: demo.url })
  const browser = await launchChromium()
  const samples = new Map()
  const record = (key, result) => samples.set(key, [...(samples.get(key) ?? []), result])
  try {
    for (let run = 0; run < runs; run++) {
      // Small pages and the tabs together (they wait on timers, not on the CPU); 100s one by one.
      const groups = [
        [
          ...counts
            .filter((count) => count < 100)
            .flatMap((count) =>
              MODES.map((mode) => ({
                key: `${mode.mode}:${count}`,
                config: { ...mode, query: { mode: mode.mode, count: String(count) } },
              })),
            ),
          ...TABS.map((config) => ({
            key: config.label,
            config: { ...config, path: '/page.html' },
          })),
        ],
        // The 100-dashboard pages load 400 dashboards at once: one run of them.
        ...(counts.includes(100) && run === 0
          ? [
              MODES.map((mode) => ({
                key: `${mode.mode}:100`,
                config: { ...mode, query: { mode: mode.mode, count: '100' } },
              })),
            ]
          : []),
      ]
      const [small, ...large] = groups
      log(`token traffic: run ${run + 1}/${runs}, ${small.length} pages at once`)
      const results = await Promise.all(
        small.map(({ config }) => watch(browser, site, config, timing)),
      )
      for (const [i, { key }] of small.entries()) record(key, results[i])
      // Pages of 100 dashboards one at a time: four at once starve two cores into lapsed tokens.
      for (const { key, config } of large.flat()) {
        log(`token traffic: ${key}`)
        record(key, await watch(browser, site, config, timing))
      }
    }
    const chromium = `Chromium ${browser.version()}`
    const summarizeKey = (key) => {
      const list = samples.get(key)
      return {
        load: summarize(list.map((r) => r.load)),
        perCycle: summarize(list.flatMap((r) => r.cycles)),
        loadedMs: summarize(list.map((r) => r.loadedMs)),
        errors: list.flatMap((r) => r.errors),
      }
    }
    const rows = [
      ...MODES.flatMap((mode) =>
        counts.map((count) => ({
          connection: mode.label,
          components: count,
          ...summarizeKey(`${mode.mode}:${count}`),
        })),
      ),
      ...TABS.map((config) => ({
        connection: config.label,
        components: 3,
        ...summarizeKey(config.label),
      })),
    ]
    return {
      id: 'token-traffic',
      title: 'Token traffic in Chromium',
      chromium,
      data: { runs, ...timing, rows },
      markdown: [
        `Token requests seen by Chromium on one page (or 3 tabs of one origin, opened together) against \`inset-server demo\`; ${timing.ttl}-second tokens, so each token source refreshes about every ${timing.ttl / 2} s; each page watched for its load and ${timing.cycles} refresh cycle(s); ${runs} run(s). "Per load": requests before a refresh can be due (40 % of the lifetime) that core made with reason \`initial\`. "Per refresh cycle": the token sources that refreshed in each cycle (each page's fetchToken names its source; the attribute-only page's requests are grouped in bursts), median (min–max) over every cycle of every run (pages of 100 dashboards: one run). A demo user per page.`,
        '',
        table(
          ['connection', 'dashboards', 'per load', 'per refresh cycle', 'dashboards failed'],
          rows.map((row) => [
            row.connection,
            row.components === 3 && row.connection.startsWith('3 tabs')
              ? '1 per tab'
              : row.components,
            formatSummary(row.load),
            formatSummary(row.perCycle),
            row.errors.length ? `${row.errors.length} (${[...new Set(row.errors)].join(', ')})` : 0,
          ]),
        ),
      ].join('\n'),
    }
  } finally {
    await browser.close()
    await site.close()
    await demo.close()
  }
}
