// Worker-scoped fixtures: a real demo server (DuckDB, signed tokens) and the fixture site (the
// bundled page, a token endpoint that asks the demo server's admin API, and a small SSE stand-in
// for the assistant route).
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startDemoServer } from '@inset/server'
import { test as base, type Locator, type Page } from '@playwright/test'
import { build } from 'esbuild'
import { sseFixture } from './sse-fixture'

const here = dirname(fileURLToPath(import.meta.url))
const outDir = join(here, '..', 'test-results', 'e2e-site')

/** The demo server, restartable on the same port. */
export interface Demo {
  readonly url: string
  stop(): Promise<void>
  start(): Promise<void>
}

export interface Site {
  url: string
  /** Bodies of the requests the SSE stand-in received. */
  assistantRequests: unknown[]
}

async function bundleSite(): Promise<void> {
  mkdirSync(outDir, { recursive: true })
  await build({
    entryPoints: [join(here, 'site', 'app.ts')],
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    outdir: outDir,
    sourcemap: true,
    logLevel: 'error',
  })
  copyFileSync(join(here, 'site', 'index.html'), join(outDir, 'index.html'))
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.map': 'application/json',
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = ''
  for await (const chunk of request) body += chunk
  return body
}

function startSite(demo: Demo, assistantRequests: unknown[]): Promise<Server> {
  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    try {
      if (url.pathname === '/api/inset-token') {
        const user = url.searchParams.get('user') ?? 'alice'
        const claims =
          user === 'bob'
            ? { user: 'bob', tenant: 'globex', attributes: { region: ['EU'] } }
            : { user: 'alice', tenant: 'acme', attributes: { region: ['EU', 'NA', 'APAC'] } }
        const answer = await fetch(`${demo.url}/v1/tokens`, {
          method: 'POST',
          headers: {
            authorization: 'Bearer inset-demo-api-key',
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            ...claims,
            ttl: Number(url.searchParams.get('ttl') ?? 600),
            // Downloads are allowed unless the page asks for a token without them.
            scope:
              url.searchParams.get('export') === 'no'
                ? ['dashboard:*', 'assistant']
                : ['dashboard:*', 'assistant', 'export'],
          }),
        })
        response.writeHead(answer.status, { 'content-type': 'application/json' })
        response.end(await answer.text())
        return
      }
      // A page with no script of its own: N dashboards embedded by attributes, the CDN build.
      if (url.pathname === '/plain.html') {
        const count = Number(url.searchParams.get('count') ?? 10)
        const ttl = Number(url.searchParams.get('ttl') ?? 600)
        // `server=<url>`: another Inset server (e.g. a counting proxy in front of the demo one).
        const server = url.searchParams.get('server') ?? demo.url
        const tag = `<inset-dashboard server-url="${server}" token-url="/api/inset-token?ttl=${ttl}" dashboard-id="sales-overview" locale="en-US"></inset-dashboard>`
        const html = readFileSync(join(here, 'site', 'plain.html'), 'utf8').replace(
          '<!--DASHBOARDS-->',
          Array.from({ length: count }, () => tag).join('\n'),
        )
        response.writeHead(200, { 'content-type': 'text/html' })
        response.end(html)
        return
      }
      if (url.pathname.startsWith('/cdn/')) {
        const file = normalize(url.pathname.slice('/cdn/'.length)).replace(/^(\.\.[/\\])+/, '')
        const content = readFileSync(join(here, '..', 'dist', 'cdn', file))
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'text/javascript' })
        response.end(content)
        return
      }
      if (url.pathname.startsWith('/sse-fixture/')) {
        const body = request.method === 'POST' ? await readBody(request) : ''
        if (body) assistantRequests.push(JSON.parse(body))
        await sseFixture(url, response)
        return
      }
      const file = normalize(url.pathname === '/' ? '/index.html' : url.pathname).replace(
        /^(\.\.[/\\])+/,
        '',
      )
      const content = readFileSync(join(outDir, file))
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      })
      response.end(content)
    } catch (error) {
      if (response.headersSent) return response.destroy()
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
      response.writeHead(missing ? 404 : 502, { 'content-type': 'text/plain' })
      response.end(String(error))
    }
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

export const test = base.extend<object, { demo: Demo; site: Site }>({
  demo: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use) => {
      let running = await startDemoServer({ port: 0, logger: false })
      const port = running.port
      let stopped = false
      await use({
        url: running.url,
        async stop() {
          await running.close()
          stopped = true
        },
        async start() {
          running = await startDemoServer({ port, logger: false })
          stopped = false
        },
      })
      if (!stopped) await running.close()
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  site: [
    async ({ demo }, use) => {
      await bundleSite()
      const assistantRequests: unknown[] = []
      const server = await startSite(demo, assistantRequests)
      const { port } = server.address() as AddressInfo
      await use({ url: `http://127.0.0.1:${port}`, assistantRequests })
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
    { scope: 'worker', timeout: 120_000 },
  ],
})

export { expect } from '@playwright/test'

/** The elements on the fixture page. */
export interface FixturePage {
  dashboard: Locator
  /** The assistant beside the dashboard (none with `assistant: 'none'`). */
  chat: Locator
}

/** Opens the fixture page with query parameters and waits until every tile has data. */
export async function openDashboard(
  page: Page,
  site: Site,
  demo: Demo,
  params: Record<string, string> = {},
): Promise<FixturePage> {
  const query = new URLSearchParams({ server: demo.url, ...params })
  await page.goto(`${site.url}/?${query}`)
  await page.locator('inset-dashboard section.tile[data-status="ready"]').first().waitFor()
  await page.waitForFunction(() => {
    const root = document.querySelector('inset-dashboard')?.shadowRoot
    const tiles = root ? [...root.querySelectorAll('section.tile')] : []
    return tiles.length > 0 && tiles.every((tile) => tile.getAttribute('data-status') === 'ready')
  })
  return { dashboard: page.locator('inset-dashboard'), chat: page.locator('inset-assistant') }
}

/**
 * The details of the Inset events of one type the fixture page has seen (`window.fixture.events`),
 * oldest first.
 */
export const fixtureEvents = (page: Page, type: string): Promise<unknown[]> =>
  page.evaluate(
    (t) =>
      (
        window as unknown as { fixture: { events: Array<{ type: string; detail: unknown }> } }
      ).fixture.events
        .filter((e) => e.type === t)
        .map((e) => e.detail),
    type,
  )
