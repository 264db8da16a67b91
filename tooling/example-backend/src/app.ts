import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { createTokenHandler, type TokenIssuedEvent } from '@inset/node'
import { Hono } from 'hono'
import { demoSubject } from './demo-users'
import type { ExampleSettings } from './settings'

/** What the page reads at start-up from `GET /config.json`. */
export interface PageConfig {
  insetServerUrl: string
}

export interface ExampleAppOptions {
  settings: ExampleSettings
  /** The built page (`dist/client`); without it only the API routes answer. */
  staticDir?: string
  /** Audit hook: told about every token issued (never the token itself). */
  onTokenIssued?(event: TokenIssuedEvent): void
}

/** The demo embed key id registered on the Inset demo server. */
export const DEMO_EMBED_KEY_ID = 'demo'

const NO_STORE = { 'cache-control': 'no-store' }

/**
 * The host app's backend: `GET /api/inset-token` mints an embed token for the signed-in demo user
 * (the `user` query parameter, which the page copies from its own URL), `GET /config.json` tells
 * the page where the Inset server is, and everything else serves the built page.
 *
 * @example
 * const app = createExampleApp({ settings: readSettings(process.env), staticDir: 'dist/client' })
 * serve({ fetch: app.fetch, port: 5171 })
 */
export function createExampleApp(options: ExampleAppOptions): Hono {
  const { settings, staticDir, onTokenIssued } = options
  const app = new Hono()

  const tokenHandler = createTokenHandler({
    key: { id: DEMO_EMBED_KEY_ID, secret: settings.secret },
    ttl: settings.tokenTtlSeconds,
    authenticate: (request) => demoSubject(new URL(request.url).searchParams.get('user')),
    ...(onTokenIssued && { onIssued: onTokenIssued }),
  })

  app.use('*', async (c, next) => {
    await next()
    c.header('x-content-type-options', 'nosniff')
    c.header('referrer-policy', 'same-origin')
  })

  app.get('/api/inset-token', (c) => tokenHandler(c.req.raw))
  app.all('/api/*', (c) =>
    c.json({ error: { code: 'not_found', message: `No route ${c.req.path}` } }, 404),
  )
  app.get('/config.json', (c) => {
    const config: PageConfig = { insetServerUrl: settings.insetServerUrl }
    return c.json(config, 200, NO_STORE)
  })

  if (staticDir) {
    app.use('/assets/*', async (c, next) => {
      await next()
      // Vite puts a content hash in every asset name.
      if (c.res.ok) c.header('cache-control', 'public, max-age=31536000, immutable')
    })
    app.use('*', serveStatic({ root: staticDir }))
    // Client-side routes (`/assistant`, `/reports`, …) all get the page; missing files stay 404.
    let page: string | undefined
    app.get('*', (c) => {
      if (/\.[a-z0-9]+$/i.test(c.req.path)) return c.text('Not found', 404)
      page ??= readFileSync(join(staticDir, 'index.html'), 'utf8')
      return c.html(page, 200, NO_STORE)
    })
  }
  return app
}
