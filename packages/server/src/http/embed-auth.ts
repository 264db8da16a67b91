import type { MiddlewareHandler } from 'hono'
import { verifyEmbedToken } from '../auth/verify-embed-token'
import { ServerError } from '../errors'
import type { AppEnv } from './app-env'
import { bearerToken } from './bearer'
import type { RateLimiter } from './rate-limiter'

/**
 * Verifies the embed token, checks the request's Origin against the embed key's allowed origins,
 * applies the per-subject rate limit and puts the claims on the context. Failed verifications are
 * audited as `token` entries.
 */
export function embedAuth(limiter: RateLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const runtime = c.get('runtime')
    let claims: Awaited<ReturnType<typeof verifyEmbedToken>>
    try {
      const token = bearerToken(c, 'invalid_token', 'embed token')
      claims = await verifyEmbedToken(runtime.keyring, token, {
        leewaySeconds: runtime.config.server.tokenLeewaySeconds,
      })
    } catch (error) {
      const failure =
        error instanceof ServerError ? error : new ServerError('invalid_token', 'Invalid token')
      await runtime.audit.record({
        kind: 'token',
        subject: 'unknown',
        tenant: null,
        dashboardId: c.req.param('id') ?? null,
        tileId: c.req.param('tileId') ?? null,
        rowCount: null,
        durationMs: null,
        status: failure.status,
        errorCode: failure.code,
        requestId: c.get('requestId'),
      })
      throw new ServerError(failure.code, failure.message, {
        cause: failure,
        headers: { 'WWW-Authenticate': `Bearer error="invalid_token"` },
      })
    }
    c.set('claims', claims)
    const origin = c.req.header('origin')
    if (origin !== undefined && !runtime.keyring.get(claims.iss)?.allowsOrigin(origin)) {
      throw new ServerError(
        'forbidden',
        `Origin ${origin} is not allowed for embed key "${claims.iss}"`,
      )
    }
    const decision = limiter.take(`embed:${claims.iss}/${claims.tenant}/${claims.sub}`)
    if (!decision.allowed) {
      throw new ServerError('rate_limited', 'Too many requests; slow down', {
        headers: { 'Retry-After': String(decision.retryAfterSeconds) },
      })
    }
    await next()
  }
}
