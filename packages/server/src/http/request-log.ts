import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env'

/** One JSON line per request: method, path, status, duration, request id and subject (never a token). */
export function requestLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    await next()
    const claims = c.get('claims')
    c.get('runtime').logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        ...(claims && { sub: claims.sub, tenant: claims.tenant, embedKey: claims.iss }),
        ...(c.get('apiKeyName') && { apiKey: c.get('apiKeyName') }),
      },
      'request',
    )
  }
}
