/** The answer of {@link RateLimiter.take}. */
export interface RateDecision {
  allowed: boolean
  /** Whole seconds until one request is allowed again (0 when allowed). */
  retryAfterSeconds: number
}

/**
 * A token bucket per key (an embed token's subject or an API key): `burst` requests at once, then
 * `perSecond` on average. Idle buckets are forgotten, so memory stays bounded.
 *
 * @example
 * const limiter = new RateLimiter({ perSecond: 20, burst: 60 })
 * if (!limiter.take('demo/acme/alice').allowed) return tooManyRequests()
 */
export class RateLimiter {
  readonly #perMs: number
  readonly #burst: number
  readonly #now: () => number
  readonly #buckets = new Map<string, { tokens: number; at: number }>()
  #sinceSweep = 0

  constructor(options: { perSecond: number; burst: number; now?: () => number }) {
    this.#perMs = options.perSecond / 1000
    this.#burst = options.burst
    this.#now = options.now ?? Date.now
  }

  take(key: string): RateDecision {
    const now = this.#now()
    if (++this.#sinceSweep >= 10_000) this.#sweep(now)
    const bucket = this.#buckets.get(key) ?? { tokens: this.#burst, at: now }
    bucket.tokens = Math.min(this.#burst, bucket.tokens + (now - bucket.at) * this.#perMs)
    bucket.at = now
    this.#buckets.set(key, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return { allowed: true, retryAfterSeconds: 0 }
    }
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000)),
    }
  }

  /** True when `take(key)` would be allowed now; consumes nothing. */
  wouldAllow(key: string): boolean {
    const bucket = this.#buckets.get(key)
    if (!bucket) return true
    return Math.min(this.#burst, bucket.tokens + (this.#now() - bucket.at) * this.#perMs) >= 1
  }

  /** Number of keys currently tracked. */
  get size(): number {
    return this.#buckets.size
  }

  #sweep(now: number): void {
    this.#sinceSweep = 0
    for (const [key, bucket] of this.#buckets) {
      // A bucket that has refilled completely behaves exactly like a missing one.
      if (bucket.tokens + (now - bucket.at) * this.#perMs >= this.#burst) this.#buckets.delete(key)
    }
  }
}
