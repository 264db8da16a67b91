import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { InsetConfig } from '../config/schema'
import { ServerError } from '../errors'
import type { AppEnv } from './app-env'
import { bearerToken } from './bearer'
import type { RateLimiter } from './rate-limiter'

const sha256 = (text: string) => createHash('sha256').update(text).digest()

/** Checks `Authorization: Bearer <api key>` against the configured keys (in constant time). */
export function adminAuth(
  apiKeys: InsetConfig['apiKeys'],
  limiter: RateLimiter,
): MiddlewareHandler<AppEnv> {
  const digests = apiKeys.map((key) => ({
    name: key.name,
    digest: 'key' in key ? sha256(key.key) : Buffer.from(key.sha256, 'hex'),
  }))
  return async (c, next) => {
    const presented = sha256(bearerToken(c, 'auth', 'API key'))
    // Compare with every key so timing tells nothing about which one nearly matched.
    let name: string | undefined
    for (const key of digests) if (timingSafeEqual(key.digest, presented)) name ??= key.name
    if (name === undefined) {
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
