import { randomUUID } from 'node:crypto'
import { Hono } from 'hono'
import { askAssistant, assistantSuggestions } from '../assistant/index'
import type { InsetRuntime } from '../runtime'
import { adminAuth } from './admin-auth'
import type { AppEnv } from './app-env'
import { AuthFailures } from './auth-failures'
import { limitBody } from './body-limit'
import { embedCors, embedPreflight } from './cors'
import { embedAuth } from './embed-auth'
import { handleError, handleNotFound } from './error-handler'
import { RateLimiter } from './rate-limiter'
import { requestLog } from './request-log'
import {
  createRevocation,
  createToken,
  deleteRevocation,
  listAudit,
  listDashboards,
  listRevocations,
} from './routes/admin-routes'
import { cacheStatus, purgeCache } from './routes/cache-routes'
import { exportData, queryData, queryTileData } from './routes/data-routes'
import { exportTile, getDashboard, loadDashboard, queryTile } from './routes/embed-routes'

export interface AppOptions {
  /** True once shutdown has begun: `/healthz` answers 503 so load balancers stop routing here. */
  isClosing?: () => boolean
  /** Clock of the rate limiter (tests). */
  now?: () => number
}

/**
 * The server's Hono app: every route of Server API v1 is registered here.
 *
 * @example
 * const app = createApp(runtime)
 * const response = await app.request('/healthz')
 */
export function createApp(runtime: InsetRuntime, options: AppOptions = {}): Hono<AppEnv> {
  const { server } = runtime.config
  const limiter = new RateLimiter({ ...server.rateLimit, ...(options.now && { now: options.now }) })
  const failures = new AuthFailures({
    ...server.authFailureLimit,
    ...(options.now && { now: options.now }),
  })
  const app = new Hono<AppEnv>()

  app.use('*', async (c, next) => {
    c.set('runtime', runtime)
    await next()
  })
  // The request id is always the server's own; a client's X-Request-Id is kept (cut to 64
  // printable characters) only as `clientRequestId` in the request log, never in the audit log.
  app.use('*', async (c, next) => {
    const id = randomUUID()
    c.set('requestId', id)
    c.header('X-Request-Id', id)
    await next()
  })
  app.use('*', requestLog())
  app.use(
    '*',
    limitBody(server.bodyLimitBytes, (c) =>
      c.json(
        {
          error: {
            code: 'bad_request',
            message: `The request body exceeds ${server.bodyLimitBytes} bytes`,
          },
        },
        413,
      ),
    ),
  )
  app.onError(handleError)
  app.notFound(handleNotFound)

  app.get('/healthz', (c) =>
    options.isClosing?.() ? c.json({ status: 'closing' }, 503) : c.json({ status: 'ok' }),
  )

  // Embed routes: `Authorization: Bearer <embed token>`, CORS for the embed key's origins.
  const embed = [embedCors(), embedAuth(limiter, failures)] as const
  app.options('/v1/dashboards/:id', embedPreflight())
  app.options('/v1/dashboards/:id/*', embedPreflight())
  app.options('/v1/assistant', embedPreflight())
  app.options('/v1/assistant/*', embedPreflight())
  app.get('/v1/dashboards/:id', ...embed, getDashboard)
  app.post('/v1/dashboards/:id/load', ...embed, loadDashboard)
  app.post('/v1/dashboards/:id/tiles/:tileId/query', ...embed, queryTile)
  app.post('/v1/dashboards/:id/tiles/:tileId/export', ...embed, exportTile)
  app.post('/v1/assistant', ...embed, askAssistant)
  app.get('/v1/assistant/suggestions', ...embed, assistantSuggestions)

  // Admin routes: `Authorization: Bearer <api key>`, server to server (no CORS).
  const admin = adminAuth(runtime.config.apiKeys, limiter, failures)
  app.post('/v1/tokens', admin, createToken)
  app.get('/v1/dashboards', admin, listDashboards)
  app.get('/v1/audit', admin, listAudit)
  app.post('/v1/revocations', admin, createRevocation)
  app.get('/v1/revocations', admin, listRevocations)
  app.delete('/v1/revocations/:id', admin, deleteRevocation)
  // The result cache of this process: counters, and purges after the data changed.
  app.get('/v1/cache', admin, cacheStatus)
  app.delete('/v1/cache', admin, purgeCache)
  app.delete('/v1/cache/:dataset', admin, purgeCache)
  // The data API (admin): queries on behalf of a user, under that user's row-level security.
  app.post('/v1/query', admin, queryData)
  app.post('/v1/query/export', admin, exportData)
  app.post('/v1/query/dashboards/:id/tiles/:tileId', admin, queryTileData)

  return app
}
