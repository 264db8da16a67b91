// `pnpm --filter @inset/elements bench:first-chart`: connect → first chart drawn and connect → every
// tile drawn for the demo dashboard in Debian's Chromium against a warm demo server, loading the
// definition then each tile versus the definition with its first results in one request
// (`loadInOneRequest`). Prints medians (min–max) of alternating runs.
import { createServer } from 'node:http'
import { startDemoServer } from '@inset/server'
import { chromium } from '@playwright/test'
import { build } from 'esbuild'

const RUNS = Number(process.env.RUNS ?? 7)
const demo = await startDemoServer({ port: 0 })
const bundle = await build({
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
        const started = performance.now()
        document.body.append(element)
        let first
        for (;;) {
          await new Promise(requestAnimationFrame)
          const root = element.shadowRoot
          const charts = root ? root.querySelectorAll('.chart canvas').length : 0
          first ??= charts > 0 ? performance.now() - started : undefined
          if (charts >= 2 && element.snapshot?.state === 'ready') break
        }
        const all = performance.now() - started
        element.remove()
        inset.destroy()
        return { first, all }
      }`,
    resolveDir: new URL('..', import.meta.url).pathname,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  minify: true,
  write: false,
  splitting: false,
})
const script = bundle.outputFiles[0].text
const page = createServer(async (request, response) => {
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

// The flags of @inset/test-utils/playwright (TypeScript, which plain Node 20 cannot import).
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
})
const samples = { twoStep: [], oneRequest: [] }
for (let run = -1; run < RUNS; run++) {
  for (const mode of ['twoStep', 'oneRequest']) {
    // A fresh page: a cold preflight cache, the chart chunk parsed anew; a warm server.
    const tab = await browser.newPage()
    await tab.goto(site)
    await tab.waitForFunction(() => 'measure' in window)
    const result = await tab.evaluate(
      ([server, one]) => window.measure(server, one),
      [demo.url, mode === 'oneRequest'],
    )
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
console.log(`first chart and all tiles, demo dashboard (warm server), ${RUNS} runs each`)
console.log('| load | connect → first chart | connect → all tiles |')
console.log('| --- | --- | --- |')
for (const mode of ['twoStep', 'oneRequest'])
  console.log(
    `| ${mode === 'twoStep' ? 'definition, then each tile' : 'one request (loadInOneRequest)'} | ${line(samples[mode].map((s) => s.first))} | ${line(samples[mode].map((s) => s.all))} |`,
  )
