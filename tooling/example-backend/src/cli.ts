// `inset-example-backend <page-dir> --name Vue --port 5172`: every example app's `pnpm start`.
// Serves the built page and its token endpoint on PORT (else --port, else 5171).
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { serve } from '@hono/node-server'
import { createExampleApp } from './app'
import { readSettings } from './settings'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string', default: 'example' }, port: { type: 'string' } },
})
const pageDir = positionals[0]
if (!pageDir) {
  console.error('usage: inset-example-backend <built-page-dir> [--name Vue] [--port 5172]')
  process.exit(2)
}

const settings = readSettings({ PORT: values.port, ...process.env })
const app = createExampleApp({ settings, staticDir: resolve(pageDir) })

const server = serve({ fetch: app.fetch, port: settings.port }, (info) => {
  console.log(
    `Acme Analytics (${values.name}) on http://localhost:${info.port}/?user=alice` +
      ` → Inset server ${settings.insetServerUrl}, tokens for ${settings.tokenTtlSeconds} s`,
  )
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0))
    // Keep-alive connections would hold close() open; the page reconnects anyway.
    if ('closeAllConnections' in server) server.closeAllConnections()
  })
}
