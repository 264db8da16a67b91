import type { ErrorBody } from '@inset/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startTestServer } from '../../test/servers'
import { demoToken } from '../../test/tokens'
import { RateLimiter } from './rate-limiter'

describe('RateLimiter', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('allows a burst, then the sustained rate, per key', () => {
    vi.useFakeTimers()
    const limiter = new RateLimiter({ perSecond: 2, burst: 3 })
    expect([1, 2, 3, 4].map(() => limiter.take('alice').allowed)).toEqual([true, true, true, false])
    expect(limiter.take('bob').allowed).toBe(true)
    expect(limiter.take('alice').retryAfterSeconds).toBe(1)
    vi.advanceTimersByTime(500)
    expect(limiter.take('alice').allowed).toBe(true)
    expect(limiter.take('alice').allowed).toBe(false)
    vi.advanceTimersByTime(10_000)
    expect([1, 2, 3, 4].map(() => limiter.take('alice').allowed)).toEqual([true, true, true, false])
  })

  it('forgets idle keys so memory stays bounded', () => {
    vi.useFakeTimers()
    const limiter = new RateLimiter({ perSecond: 100, burst: 10 })
    for (let i = 0; i < 9_999; i++) limiter.take(`user-${i}`)
    expect(limiter.size).toBe(9_999)
    vi.advanceTimersByTime(1_000)
    limiter.take('the-10000th-call-sweeps')
    expect(limiter.size).toBe(1)
  })
})

describe('rate limiting over HTTP', () => {
  it('answers 429 rate_limited with Retry-After per subject', async () => {
    // Only the clock is frozen (sockets still run): no token refills while the test runs.
    vi.useFakeTimers({ toFake: ['Date'] })
    const server = await startTestServer({ name: 'duckdb' }, (config) => ({
      ...config,
      server: { ...config.server, rateLimit: { perSecond: 0.5, burst: 2 } },
    }))
    try {
      const alice = await demoToken('alice')
      const statuses = []
      for (let i = 0; i < 3; i++)
        statuses.push(
          (await server.request('/v1/dashboards/sales-overview', { token: alice })).status,
        )
      expect(statuses).toEqual([200, 200, 429])
      const limited = await server.request('/v1/dashboards/sales-overview', { token: alice })
      expect(limited.headers.get('retry-after')).toBe('2')
      expect(((await limited.json()) as ErrorBody).error.code).toBe('rate_limited')
      // Another subject has its own bucket.
      expect(
        (await server.request('/v1/dashboards/sales-overview', { token: await demoToken('bob') }))
          .status,
      ).toBe(200)
    } finally {
      vi.useRealTimers()
      await server.close()
    }
  })
})
