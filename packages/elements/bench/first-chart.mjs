// `pnpm --filter @inset/elements bench:first-chart`: connect → first chart drawn and connect → every
// tile drawn for the demo dashboard in Debian's Chromium against a warm demo server, loading the
// definition then each tile versus the definition with its first results in one request
// (`loadInOneRequest`, the default), and the same from a split bundle whose chart chunk loads over
// HTTP as a real embed's does. Prints medians (min–max) of alternating runs, then where the time of
// each goes: token answered, data answered, chart chunk loaded, and the long tasks (> 50 ms).
// Diagnostics: MINIFY=0 keeps function names; TRACE=out.json TRACE_MODE=split|oneRequest|twoStep
// writes a Chromium performance trace of that mode's last run (open it in DevTools);
// PROFILE=out.cpuprofile TRACE_MODE=… a JS CPU profile of it.
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { startDemoServer } from '@inset/server'
import { CHROMIUM_ARGS } from '@inset/test-utils/chromium-args'
import { chromium } from '@playwright/test'
import { build } from 'esbuild'

const RUNS = Number(process.env.RUNS ?? 7)
const demo = await startDemoServer({ port: 0 })
const source = {
  stdin: {
    contents: `
      import { createInset } from '@inset/core'
      import { defineInsetElements } from '@inset/elements'
      defineInsetElements()
      window.measure = async (server, loadInOneRequest) => {
        const inset = createInset({ serverUrl: server, loadInOneRequest,
          fetchToken: ({ signal }) => fetch('/api/inset-token', { signal }) })
        const element = document.createElement('inset-dashboard')
        element.inset = inset
        element.dashboardId = 'sales-overview'
        element.style.width = '1200px'
        const longTasks = []
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longTasks.push(entry)
        })
        observer.observe({ type: 'longtask' })
        performance.clearResourceTimings()
        let ready
        element.addEventListener('inset-ready', () => (ready ??= performance.now() - started))
        const started = performance.now()
        document.body.append(element)
        let first
        for (;;) {
          // After a frame has been drawn (a task after its animation frame): a chart is counted in
          // the frame that paints it, whether it was made before the frame or in its resize step.
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
          const root = element.shadowRoot
          const charts = root ? root.querySelectorAll('.chart canvas').length : 0
          first ??= charts > 0 ? performance.now() - started : undefined
          if (charts >= 2 && element.snapshot?.state === 'ready') break
        }
        const all = performance.now() - started
        observer.disconnect()
        // When the last response whose URL matches had arrived.
        const ended = (pattern) => {
          const ends = performance.getEntriesByType('resource')
            .filter((entry) => pattern.test(entry.name))
            .map((entry) => entry.responseEnd - started)
          return ends.length ? Math.max(...ends) : undefined
        }
        const tasks = longTasks.filter((task) => task.startTime >= started)
        element.remove()
        inset.destroy()
        return {
          first,
          all,
          token: ended(/inset-token/),
          data: ended(/\\/v1\\/dashboards\\//),
          chunk: ended(/chart-tile/),
          ready,
          longTasks: tasks.length,
          longest: Math.max(0, ...tasks.map((task) => task.duration)),
        }
      }`,
    resolveDir: new URL('..', import.meta.url).pathname,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  minify: process.env.MINIFY !== '0',
  write: false,
}
const script = (await build({ ...source, splitting: false })).outputFiles[0].text
// The split bundle: the entry, and the chunks it imports (the chart chunk on connect).
const split = new Map(
  (await build({ ...source, splitting: true, outdir: '/assets' })).outputFiles.map((file) => [
    file.path,
    file.text,
  ]),
)
const page = createServer(async (request, response) => {
  if (split.has(request.url)) {
    response.writeHead(200, { 'content-type': 'text/javascript' })
    return response.end(split.get(request.url))
  }
  if (request.url === '/split') {
    response.writeHead(200, { 'content-type': 'text/html' })
    return response.end(
      '<!doctype html><meta charset="utf-8"><body><script type="module" src="/assets/stdin.js"></script>',
    )
  }
  if (request.url === '/api/inset-token') {
    const minted = await fetch(`${demo.url}/v1/tokens`, {
      method: 'POST',
      headers: { authorization: 'Bearer inset-demo-api-key', 'content-type': 'application/json' },
      body: JSON.stringify({
        user: 'alice',
        tenant: 'acme',
        attributes: { region: ['EU', 'NA', 'APAC'] },
      }),
    })
    response.writeHead(200, { 'content-type': 'application/json' })
    return response.end(await minted.text())
  }
  response.writeHead(200, { 'content-type': 'text/html' })
  response.end(
    `<!doctype html><meta charset="utf-8"><body><script type="module">${script}</script>`,
  )
})
await new Promise((resolve) => page.listen(0, '127.0.0.1', resolve))
const site = `http://127.0.0.1:${page.address().port}`

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS],
})
const MODES = {
  twoStep: 'definition, then each tile',
  oneRequest: 'one request (loadInOneRequest)',
  split: 'one request, chart chunk over HTTP',
}
const samples = { twoStep: [], oneRequest: [], split: [] }
for (let run = -1; run < RUNS; run++) {
  for (const mode of Object.keys(MODES)) {
    // A fresh page: a cold preflight cache, the chart chunk parsed anew; a warm server.
    const tab = await browser.newPage()
    await tab.goto(mode === 'split' ? `${site}/split` : site)
    await tab.waitForFunction(() => 'measure' in window)
    // The main thread's script, style and layout time during the load (Chromium's own counters).
    const cdp = await tab.context().newCDPSession(tab)
    await cdp.send('Performance.enable')
    const counters = async () =>
      Object.fromEntries(
        (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
      )
    const before = await counters()
    // TRACE=file.json TRACE_MODE=split: a Chromium trace of the last run of that mode.
    const tracing = process.env.TRACE && mode === process.env.TRACE_MODE && run === RUNS - 1
    // PROFILE=file.cpuprofile (with TRACE_MODE): a JS CPU profile of that run instead.
    const profiling = process.env.PROFILE && mode === process.env.TRACE_MODE && run === RUNS - 1
    if (profiling) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
      await cdp.send('Profiler.start')
    }
    if (tracing)
      await browser.startTracing(tab, {
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'],
      })
    const result = await tab.evaluate(
      ([server, one]) => window.measure(server, one),
      [demo.url, mode !== 'twoStep'],
    )
    const after = await counters()
    if (profiling)
      writeFileSync(process.env.PROFILE, JSON.stringify((await cdp.send('Profiler.stop')).profile))
    if (tracing) writeFileSync(process.env.TRACE, await browser.stopTracing())
    for (const [key, name] of [
      ['script', 'ScriptDuration'],
      ['style', 'RecalcStyleDuration'],
      ['layout', 'LayoutDuration'],
    ])
      result[key] = (after[name] - before[name]) * 1000
    if (run >= 0) {
      samples[mode].push(result)
    }
    await tab.close()
  }
}
await browser.close()
page.close()
await demo.close()

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]
const line = (values) =>
  `${median([...values]).toFixed(0)} ms (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`
const ms = (values) => {
  const known = values.filter((value) => value !== undefined)
  return known.length ? line(known) : '–'
}
console.log(`first chart and all tiles, demo dashboard (warm server), ${RUNS} runs each`)
console.log('| load | connect → first chart | connect → all tiles |')
console.log('| --- | --- | --- |')
for (const [mode, name] of Object.entries(MODES))
  console.log(
    `| ${name} | ${line(samples[mode].map((s) => s.first))} | ${line(samples[mode].map((s) => s.all))} |`,
  )
console.log('\nwhere the time goes (ms after connect; long tasks > 50 ms during the load)')
console.log(
  '| load | token answered | data answered | chart chunk loaded | inset-ready | long tasks | longest | script | style | layout |',
)
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
for (const [mode, name] of Object.entries(MODES)) {
  const of = (key) => samples[mode].map((s) => s[key])
  console.log(
    `| ${name} | ${ms(of('token'))} | ${ms(of('data'))} | ${ms(of('chunk'))} | ${ms(of('ready'))} | ${ms(of('longTasks')).replace(/ ms/g, '')} | ${ms(of('longest'))} | ${ms(of('script'))} | ${ms(of('style'))} | ${ms(of('layout'))} |`,
  )
}
