// Section 5: memory. A dashboard mounted, drawn and unmounted 1,000 times in one page, with one
// shared instance and with element-owned connections (each in its own browser context, side by
// side). After forced garbage collection (CDP HeapProfiler.collectGarbage) it reads the JS heap
// (Runtime.getHeapUsage), the renderer's counters of DOM nodes and JS event listeners
// (Memory.getDOMCounters) and the listeners left on window, document and every node below it,
// shadow roots included (DOMDebugger.getEventListeners), before and at checkpoints.
import { launchChromium } from '../lib/chromium.mjs'
import { startDemo } from '../lib/demo-server.mjs'
import { kb, table } from '../lib/format.mjs'
import { startPageServer } from '../lib/page-server.mjs'
import { formatSummary, summarize } from '../lib/stats.mjs'

const MODES = [
  { mode: 'shared', label: 'one shared instance (`element.inset`)' },
  { mode: 'owned', label: 'element-owned connection (serverUrl + fetchToken)' },
]

async function snapshot(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage')
  const heap = await cdp.send('Runtime.getHeapUsage')
  const counters = await cdp.send('Memory.getDOMCounters')
  const listenersOn = async (expression, depth) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression })
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
      objectId: result.objectId,
      depth,
      pierce: true,
    })
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId })
    return listeners.length
  }
  return {
    heap: heap.usedSize,
    nodes: counters.nodes,
    jsEventListeners: counters.jsEventListeners,
    windowListeners: await listenersOn('window', 1),
    documentListeners: await listenersOn('document', -1),
  }
}

async function cycles(browser, site, mode, { total, checkpoint, log }) {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(site.url('/page.html', { mount: '0' }))
    await page.waitForFunction(() => 'bench' in window)
    const cdp = await context.newCDPSession(page)
    await cdp.send('HeapProfiler.enable')
    // Warm-up: chunks loaded and compiled, caches filled, before the baseline.
    await page.evaluate((m) => Promise.all([1, 2, 3, 4, 5].map(() => window.bench.cycle(m))), mode)
    for (let i = 0; i < 10; i++) await page.evaluate((m) => window.bench.cycle(m), mode)
    const baseline = await snapshot(cdp)
    const checkpoints = []
    let failed = 0
    const started = performance.now()
    for (let done = 0; done < total; done += checkpoint) {
      failed += await page.evaluate(
        async ([m, n]) => {
          let errors = 0
          for (let i = 0; i < n; i++) if ((await window.bench.cycle(m)) === 'error') errors++
          return errors
        },
        [mode, checkpoint],
      )
      checkpoints.push(await snapshot(cdp))
      log(`memory: ${mode}: ${done + checkpoint}/${total} cycles`)
    }
    const msPerCycle = (performance.now() - started) / total
    return { baseline, checkpoints, failed, msPerCycle }
  } finally {
    await context.close()
  }
}

export async function runMemory({ quick, workRoot, log }) {
  const total = quick ? 50 : 1000
  const checkpoint = quick ? 25 : 250
  const demo = await startDemo()
  const site = await startPageServer({ workRoot, demoUrl: demo.url })
  const browser = await launchChromium()
  let results
  try {
    results = await Promise.all(
      MODES.map(async ({ mode, label }) => ({
        mode,
        label,
        ...(await cycles(browser, site, mode, { total, checkpoint, log })),
      })),
    )
  } finally {
    await browser.close()
    await site.close()
    await demo.close()
  }
  for (const result of results) {
    const points = [result.baseline, ...result.checkpoints]
    result.heapGrowth = result.checkpoints.at(-1).heap - result.baseline.heap
    result.heapGrowthPerCheckpoint = summarize(
      result.checkpoints.map((point, i) => point.heap - points[i].heap),
    )
  }
  const signed = (bytes) => `${bytes < 0 ? '−' : '+'}${kb(Math.abs(bytes))}`
  const count = (result, key) => `${result.baseline[key]} → ${result.checkpoints.at(-1)[key]}`
  return {
    id: 'memory',
    title: 'Memory',
    data: { total, checkpoint, results },
    markdown: [
      `${total} cycles of mount → every tile drawn → unmount of the demo dashboard in one page of Chromium, after 15 warm-up cycles; figures after forced garbage collection. Heap growth per ${checkpoint} cycles is the median (min–max) over the ${total / checkpoint} checkpoints. Listener counts: the renderer's JS event listeners (Memory.getDOMCounters), and those on window and on document and every node below it, shadow roots included (DOMDebugger.getEventListeners). Both connections measured at once, each in its own browser context.`,
      '',
      table(
        [
          'connection',
          `JS heap: start → every ${checkpoint} cycles (MB)`,
          `heap growth over ${total} cycles`,
          `per ${checkpoint} cycles`,
          'JS listeners',
          'window listeners',
          'document listeners',
          'DOM nodes',
          'ms per cycle',
          'failed',
        ],
        results.map((r) => [
          r.label,
          [r.baseline, ...r.checkpoints].map((point) => (point.heap / 1e6).toFixed(2)).join(' → '),
          signed(r.heapGrowth),
          formatSummary(r.heapGrowthPerCheckpoint, signed),
          count(r, 'jsEventListeners'),
          count(r, 'windowListeners'),
          count(r, 'documentListeners'),
          count(r, 'nodes'),
          Math.round(r.msPerCycle),
          r.failed,
        ]),
      ),
    ].join('\n'),
  }
}
