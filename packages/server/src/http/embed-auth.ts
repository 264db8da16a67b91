import type { MiddlewareHandler } from 'hono'
import { decodeProtectedHeader } from 'jose'
import { verifyEmbedToken } from '../auth/verify-embed-token'
import { ServerError } from '../errors'
import type { AppEnv } from './app-env'
import type { AuthFailures } from './auth-failures'
import { bearerToken } from './bearer'
import type { RateLimiter } from './rate-limiter'

/** The configured embed key a token's header names, if any (unverified: only to pick a bucket). */
function namedKey(token: string | undefined, known: (id: string) => boolean): string | undefined {
  if (!token) return undefined
  try {
    const kid = decodeProtectedHeader(token).kid
    return typeof kid === 'string' && known(kid) ? kid : undefined
  } catch {
    return undefined
  }
}

/**
 * Verifies the embed token, refuses revoked ones, checks the request's Origin against the embed
 * key's allowed origins, applies the per-subject rate limit and puts the claims on the context.
 *
 * Failed verifications are throttled per client address (and per embed key id the token names):
 * within the limit they answer 401 and are audited as `token` entries (the dashboard and tile ids
 * cut to the audit log's limits, dropped rather than queued when the log is behind); past it they
 * answer 429 and are not audited. An expired token is not a failure of this kind: it is real, and
 * the page refreshes it.
 */
export function embedAuth(limiter: RateLimiter, failures: AuthFailures): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const runtime = c.get('runtime')
    let claims: Awaited<ReturnType<typeof verifyEmbedToken>>
    let token: string | undefined
    try {
      token = bearerToken(c, 'invalid_token', 'embed token')
      claims = await verifyEmbedToken(runtime.keyring, token, {
        leewaySeconds: runtime.config.server.tokenLeewaySeconds,
      })
    } catch (error) {
      const failure =
        error instanceof ServerError ? error : new ServerError('invalid_token', 'Invalid token')
      if (failure.code !== 'token_expired') {
        const throttled = failures.count(
          c,
          'embed',
          namedKey(token, (id) => runtime.keyring.get(id) !== undefined),
        )
        if (throttled) throw throttled
      }
      await runtime.audit.record(
        {
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
        },
        { droppable: true },
      )
      throw new ServerError(failure.code, failure.message, {
        cause: failure,
        headers: { 'WWW-Authenticate': `Bearer error="invalid_token"` },
      })
    }
    const revoked = runtime.revocations.check(claims)
    if (revoked) {
      await runtime.audit.record({
        kind: 'token',
        subject: claims.sub,
        tenant: claims.tenant,
        dashboardId: c.req.param('id') ?? null,
        tileId: c.req.param('tileId') ?? null,
        rowCount: null,
        durationMs: null,
        status: 401,
        errorCode: 'auth',
        requestId: c.get('requestId'),
      })
      // `auth`: core treats it as a refusal, not a transient failure, and does not retry.
      throw new ServerError('auth', 'The token has been revoked', {
        headers: {
          'WWW-Authenticate': 'Bearer error="invalid_token", error_description="revoked"',
        },
      })
    }
    c.set('claims', claims)
    const origin = c.req.header('origin')
    if (origin !== undefined && !runtime.keyring.get(claims.iss)?.allowsOrigin(origin)) {
      throw new ServerError(
        'forbidden',
        `Origin ${origin.slice(0, 200)} is not allowed for embed key "${claims.iss}"`,
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
