import { ServerError } from '../errors'
import type { AppContext } from './app-env'
import { clientAddress } from './client-address'
import { RateLimiter } from './rate-limiter'

/**
 * Throttling of failed authentication: a token bucket per client address, and one ten times as
 * large per embed key id a failed token names (only ids of configured keys, so attackers cannot
 * make up buckets). Embed and admin failures count separately. Only failures count: valid embed
 * tokens from the same address still pass.
 */
export class AuthFailures {
  readonly limiter: RateLimiter
  readonly perKey: RateLimiter

  constructor(options: { perSecond: number; burst: number; now?: () => number }) {
    this.limiter = new RateLimiter(options)
    this.perKey = new RateLimiter({
      ...options,
      perSecond: options.perSecond * 10,
      burst: options.burst * 10,
    })
  }

  /** True while the address may still fail (admin routes refuse at once when not). */
  allows(c: AppContext, route: 'embed' | 'admin'): boolean {
    return this.limiter.wouldAllow(`${route}:${clientAddress(c)}`)
  }

  /**
   * Counts one failure. Returns the 429 to answer instead once the address (or the key id) has
   * failed too often, else undefined (answer the failure itself).
   */
  count(c: AppContext, route: 'embed' | 'admin', keyId?: string): ServerError | undefined {
    const byAddress = this.limiter.take(`${route}:${clientAddress(c)}`)
    const byKey = keyId === undefined ? undefined : this.perKey.take(keyId)
    const refused = [byAddress, byKey].filter((d) => d && !d.allowed)
    if (refused.length === 0) return undefined
    return tooManyFailures(Math.max(...refused.map((d) => d?.retryAfterSeconds ?? 1)))
  }
}

export function tooManyFailures(retryAfterSeconds: number): ServerError {
  return new ServerError('rate_limited', 'Too many failed attempts; slow down', {
    headers: { 'Retry-After': String(retryAfterSeconds) },
  })
}
