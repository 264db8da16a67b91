import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env'

const ALLOWED_HEADERS = 'Authorization, Content-Type, Accept, Last-Event-ID'
// `Date` lets core's token source correct clock skew; `Retry-After` paces retries after a 429;
// `Content-Disposition` and `X-Inset-*` describe a tile's CSV export.
const EXPOSED_HEADERS =
  'Date, Retry-After, X-Request-Id, Content-Disposition, X-Inset-Row-Count, X-Inset-Truncated'

/**
 * CORS for embed routes. After a token is verified, only its embed key's origins get CORS
 * headers; before (or when verification fails), the origins of any embed key do, so the browser
 * can read the error and refresh its token. A disallowed origin gets none.
 */
export function embedCors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    const origin = c.req.header('origin')
    if (origin === undefined) return
    const keyring = c.get('runtime').keyring
    const claims = c.get('claims')
    const allowed = claims
      ? keyring.get(claims.iss)?.allowsOrigin(origin)
      : keyring.allowsOriginForAnyKey(origin)
    c.res.headers.append('Vary', 'Origin')
    if (!allowed) return
    c.res.headers.set('Access-Control-Allow-Origin', origin)
    c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS)
  }
}

/** Answers preflight requests of embed routes (they carry no token: any embed key's origins). */
export function embedPreflight(): MiddlewareHandler<AppEnv> {
  return async (c) => {
    const origin = c.req.header('origin')
    const headers = new Headers({ Vary: 'Origin' })
    if (origin !== undefined && c.get('runtime').keyring.allowsOriginForAnyKey(origin)) {
      headers.set('Access-Control-Allow-Origin', origin)
      headers.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
      headers.set('Access-Control-Allow-Headers', ALLOWED_HEADERS)
      headers.set('Access-Control-Max-Age', '600')
    }
    return new Response(null, { status: 204, headers })
  }
}
