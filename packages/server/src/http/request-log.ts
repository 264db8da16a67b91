import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env'

/** One JSON line per request: method, path, status, duration, request id and subject (never a token). */
export function requestLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    await next()
    const claims = c.get('claims')
    const clientRequestId = c.req.header('x-request-id')
    c.get('runtime').logger.info(
      {
        requestId: c.get('requestId'),
        // The client's own id, if it sent one: printable, at most 64 characters, only here.
        ...(clientRequestId && {
          clientRequestId: clientRequestId.replace(/[^\x20-\x7e]/g, '?').slice(0, 64),
        }),
        method: c.req.method,
        path: c.req.path.length > 200 ? `${c.req.path.slice(0, 199)}…` : c.req.path,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        ...(claims && { sub: claims.sub, tenant: claims.tenant, embedKey: claims.iss }),
        ...(c.get('apiKeyName') && { apiKey: c.get('apiKeyName') }),
      },
      'request',
    )
  }
}
