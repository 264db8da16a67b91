// `pnpm start`: the built page and its token endpoint on PORT.
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createExampleApp } from './app'
import { readSettings } from './settings'

const settings = readSettings(process.env)
const app = createExampleApp({
  settings,
  staticDir: fileURLToPath(new URL('../client', import.meta.url)),
})

const server = serve({ fetch: app.fetch, port: settings.port }, (info) => {
  console.log(
    `Acme Analytics (React) on http://localhost:${info.port}/?user=alice` +
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
