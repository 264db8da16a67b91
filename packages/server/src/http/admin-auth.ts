import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { InsetConfig } from '../config/schema'
import { ServerError } from '../errors'
import type { AppEnv } from './app-env'
import { type AuthFailures, tooManyFailures } from './auth-failures'
import { bearerToken } from './bearer'
import type { RateLimiter } from './rate-limiter'

const sha256 = (text: string) => createHash('sha256').update(text).digest()

/**
 * Checks `Authorization: Bearer <api key>` against the configured keys (in constant time). Failed
 * attempts are throttled per client address: once an address has used up its failures, its admin
 * requests answer 429 before any key is compared, so keys cannot be guessed at speed.
 */
export function adminAuth(
  apiKeys: InsetConfig['apiKeys'],
  limiter: RateLimiter,
  failures: AuthFailures,
): MiddlewareHandler<AppEnv> {
  const digests = apiKeys.map((key) => ({
    name: key.name,
    digest: 'key' in key ? sha256(key.key) : Buffer.from(key.sha256, 'hex'),
  }))
  return async (c, next) => {
    if (!failures.allows(c, 'admin')) throw tooManyFailures(1)
    let presented: Buffer
    try {
      presented = sha256(bearerToken(c, 'auth', 'API key'))
    } catch (error) {
      throw failures.count(c, 'admin') ?? error
    }
    // Compare with every key so timing tells nothing about which one nearly matched.
    let name: string | undefined
    for (const key of digests) if (timingSafeEqual(key.digest, presented)) name ??= key.name
    if (name === undefined) {
      const throttled = failures.count(c, 'admin')
      if (throttled) throw throttled
      throw new ServerError('auth', 'Invalid API key', {
        headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
      })
    }
    c.set('apiKeyName', name)
    const decision = limiter.take(`admin:${name}`)
    if (!decision.allowed) {
      throw new ServerError('rate_limited', 'Too many requests; slow down', {
        headers: { 'Retry-After': String(decision.retryAfterSeconds) },
      })
    }
    await next()
  }
}
