// The host page of the browser sections: serves the bundled page script (pages/app.js, with
// @inset/core and the built @inset/elements, split as a host's bundler would), an attribute-only
// page on the CDN build, and a token endpoint that signs demo tokens with @inset/node (`ttl` from
// the query, so refresh cycles take seconds). Port from 7000-7299.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createEmbedToken } from '@inset/node'
import { build } from 'esbuild'
import { ALICE, DEMO_KEY } from './demo-server.mjs'
import { freePort } from './ports.mjs'

const cdnDir = fileURLToPath(new URL('../../../packages/elements/dist/cdn/', import.meta.url))
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' }
const STYLE = `<style>body{margin:0;padding:16px;font-family:system-ui,sans-serif}main{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:16px}</style>`
const page = (head, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">${STYLE}${head}</head><body><main>${body}</main></body></html>`

/**
 * Bundles the page and starts its server; `close()` stops it.
 * @example const site = await startPageServer({ workRoot, demoUrl }); site.url('/page.html?count=10')
 */
export async function startPageServer({ workRoot, demoUrl }) {
  const outDir = join(workRoot, 'site')
  await build({
    entryPoints: { app: fileURLToPath(new URL('../pages/app.js', import.meta.url)) },
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outdir: outDir,
    logLevel: 'error',
  })
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    try {
      if (url.pathname === '/api/inset-token') {
        const minted = await createEmbedToken({
          key: DEMO_KEY,
          ...ALICE,
          // A user per page keeps each page inside the demo's per-user rate limit.
          user: url.searchParams.get('user') ?? ALICE.user,
          scope: ['dashboard:*', 'assistant'],
          ttl: Number(url.searchParams.get('ttl') ?? 600),
        })
        response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        return response.end(JSON.stringify(minted))
      }
      if (url.pathname === '/page.html') {
        response.writeHead(200, { 'content-type': 'text/html' })
        return response.end(page('<script type="module" src="/app/app.js"></script>'))
      }
      if (url.pathname === '/attributes.html') {
        const count = Number(url.searchParams.get('count') ?? 1)
        const tokenUrl = `/api/inset-token?${new URLSearchParams({
          ttl: url.searchParams.get('ttl') ?? '600',
          user: url.searchParams.get('user') ?? ALICE.user,
        })}`.replaceAll('&', '&amp;')
        const tag = `<inset-dashboard server-url="${url.searchParams.get('server') ?? demoUrl}" token-url="${tokenUrl}" dashboard-id="sales-overview" locale="en-US"></inset-dashboard>`
        response.writeHead(200, { 'content-type': 'text/html' })
        return response.end(
          page('<script type="module" src="/cdn/inset-elements.js"></script>', tag.repeat(count)),
        )
      }
      const [root, prefix] = url.pathname.startsWith('/cdn/')
        ? [cdnDir, '/cdn/']
        : url.pathname.startsWith('/app/')
          ? [outDir, '/app/']
          : [undefined, '']
      if (!root) {
        response.writeHead(404)
        return response.end()
      }
      const file = normalize(url.pathname.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '')
      const content = readFileSync(join(root, file))
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'text/javascript' })
      response.end(content)
    } catch (error) {
      if (response.headersSent) return response.destroy()
      response.writeHead(error.code === 'ENOENT' ? 404 : 500, { 'content-type': 'text/plain' })
      response.end(String(error))
    }
  })
  const port = await freePort()
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${port}`
  return {
    origin,
    /** A URL of this site with the demo server's URL added to the query. */
    url(path, query = {}) {
      return `${origin}${path}?${new URLSearchParams({ server: demoUrl, ...query })}`
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.()
        server.close(resolve)
      }),
  }
}
