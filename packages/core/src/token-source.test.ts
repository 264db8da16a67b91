import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createEnvironment, createIssuer, expiryOf, signToken } from '../test/support'
import { InsetError } from './errors'
import { createTimeline } from './timeline'
import { createTokenSource, type TokenSnapshot, type TokenSourceOptions } from './token-source'

const MINUTE = 60_000

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-03-01T12:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

function source(options: Partial<TokenSourceOptions> & Pick<TokenSourceOptions, 'fetchToken'>) {
  return createTokenSource({ environment: null, random: () => 0.5, ...options })
}

describe('createTokenSource: cache and single flight', () => {
  it('answers 100 concurrent getToken() calls with one fetch', async () => {
    const issuer = createIssuer({ latencyMs: 200 })
    const tokens = source({ fetchToken: issuer.fetchToken })
    const all = Promise.all(Array.from({ length: 100 }, () => tokens.getToken()))
    await vi.advanceTimersByTimeAsync(200)
    const results = await all
    expect(issuer.calls).toHaveLength(1)
    expect(issuer.calls[0]!.reason).toBe('initial')
    expect(new Set(results)).toEqual(new Set([issuer.issued[0]]))
    tokens.destroy()
  })

  it('serves the cached token while it is fresh', async () => {
    const issuer = createIssuer()
    const tokens = source({ fetchToken: issuer.fetchToken })
    const first = await tokens.getToken()
    await vi.advanceTimersByTimeAsync(5 * MINUTE)
    expect(await tokens.getToken()).toBe(first)
    expect(issuer.calls).toHaveLength(1)
    expect(tokens.getSnapshot()).toEqual({ status: 'fresh', expiresAt: expiryOf(first) })
    tokens.destroy()
  })

  it('reports idle → fetching → fresh, with one snapshot object per change', async () => {
    const tokens = source({ fetchToken: createIssuer().fetchToken })
    const seen: TokenSnapshot[] = [tokens.getSnapshot()]
    tokens.subscribe((snapshot) => seen.push(snapshot))
    await tokens.getToken()
    expect(seen.map((snapshot) => snapshot.status)).toEqual(['idle', 'fetching', 'fresh'])
    expect(tokens.getSnapshot()).toBe(tokens.getSnapshot())
    tokens.destroy()
  })

  it('accepts { token, expiresAt } and a Response with a JSON body', async () => {
    const expiresAt = Date.now() + 10 * MINUTE
    const plain = source({ fetchToken: async () => ({ token: 'opaque', expiresAt }) })
    expect(await plain.getToken()).toBe('opaque')
    expect(plain.getSnapshot().expiresAt).toBe(expiresAt)
    const token = signToken({ iat: Date.now() / 1000, exp: Date.now() / 1000 + 600 })
    const response = source({
      fetchToken: async () =>
        new Response(JSON.stringify({ token, expiresAt: Date.now() + 600_000 })),
    })
    expect(await response.getToken()).toBe(token)
    plain.destroy()
    response.destroy()
  })

  it('refuses a malformed answer as auth, without retrying', async () => {
    const fetchToken = vi.fn(async () => ({ nope: true }) as never)
    const tokens = source({ fetchToken })
    await expect(tokens.getToken()).rejects.toMatchObject({ code: 'auth' })
    expect(fetchToken).toHaveBeenCalledTimes(1)
    expect(tokens.getSnapshot().status).toBe('error')
    tokens.destroy()
  })

  it('needs a fetchToken function', () => {
    expect(() => createTokenSource({} as TokenSourceOptions)).toThrow(InsetError)
  })
})

describe('createTokenSource: proactive refresh', () => {
  it('refreshes at exp - max(lead, 20% of lifetime) minus jitter', async () => {
    const issuer = createIssuer({ lifetime: 600 })
    const tokens = source({ fetchToken: issuer.fetchToken, random: () => 1 })
    const first = await tokens.getToken()
    // 20% of 10 minutes = 120 s, plus the full 5% jitter (30 s): at 450 s after issue.
    await vi.advanceTimersByTimeAsync(449_000)
    expect(issuer.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(issuer.calls).toHaveLength(2)
    expect(issuer.calls[1]!.reason).toBe('refresh')
    expect(await tokens.getToken()).not.toBe(first)
    tokens.destroy()
  })

  it('keeps serving the current token while the refresh is in flight', async () => {
    const issuer = createIssuer({ lifetime: 600, latencyMs: 5_000 })
    const tokens = source({ fetchToken: issuer.fetchToken, random: () => 0 })
    const first = tokens.getToken()
    await vi.advanceTimersByTimeAsync(5_000)
    await vi.advanceTimersByTimeAsync(480_000)
    expect(tokens.getSnapshot().status).toBe('refreshing')
    expect(await tokens.getToken()).toBe(await first)
    await vi.advanceTimersByTimeAsync(5_000)
    expect(tokens.getSnapshot().status).toBe('fresh')
    tokens.destroy()
  })

  it('uses the lead when it is longer than 20% of the lifetime, and never more than half', async () => {
    const issuer = createIssuer({ lifetime: 100 })
    const tokens = source({ fetchToken: issuer.fetchToken, refreshLeadMs: 90_000, random: () => 0 })
    await tokens.getToken()
    await vi.advanceTimersByTimeAsync(49_000)
    expect(issuer.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(issuer.calls).toHaveLength(2)
    tokens.destroy()
  })
})

describe('createTokenSource: clock skew', () => {
  for (const offsetMinutes of [10, -10]) {
    it(`refreshes in time with no loop when this clock is ${offsetMinutes} min off`, async () => {
      // The issuer's clock is the truth; this machine's is wrong by the offset.
      const issuer = createIssuer({ lifetime: 600, clockOffsetMs: -offsetMinutes * MINUTE })
      const tokens = source({ fetchToken: issuer.fetchToken, random: () => 0 })
      const token = await tokens.getToken()
      const localExpiry = expiryOf(token) + offsetMinutes * MINUTE
      expect(Math.abs(tokens.getSnapshot().expiresAt! - localExpiry)).toBeLessThan(1_000)
      for (let minute = 0; minute < 60; minute++) {
        await vi.advanceTimersByTimeAsync(MINUTE)
        const current = await tokens.getToken()
        // In issuer time, the token handed out always has at least a minute left.
        expect(expiryOf(current) - (Date.now() - offsetMinutes * MINUTE)).toBeGreaterThan(MINUTE)
      }
      // One hour of 10-minute tokens refreshed 2 minutes early: 1 + 7 fetches.
      expect(issuer.calls).toHaveLength(8)
      tokens.destroy()
    })
  }

  it('corrects the expiry from the server Date header', async () => {
    const issuer = createIssuer({ lifetime: 600 })
    const tokens = source({ fetchToken: issuer.fetchToken })
    await tokens.getToken()
    const before = tokens.getSnapshot().expiresAt!
    // The Inset server's clock is 3 minutes ahead of this one: the token expires 3 minutes sooner here.
    tokens.reportServerDate(new Date(Date.now() + 3 * MINUTE).toUTCString())
    expect(Math.abs(before - tokens.getSnapshot().expiresAt! - 3 * MINUTE)).toBeLessThan(1_000)
    const snapshot = tokens.getSnapshot()
    tokens.reportServerDate(new Date(Date.now() + 3 * MINUTE).toUTCString())
    expect(tokens.getSnapshot()).toBe(snapshot)
    tokens.reportServerDate('not a date')
    expect(tokens.getSnapshot()).toBe(snapshot)
    tokens.destroy()
  })
})

describe('createTokenSource: failures', () => {
  it('retries transient failures with capped exponential backoff and full jitter', async () => {
    const issuer = createIssuer({ failWith: (call) => call < 4 && new TypeError('fetch failed') })
    const tokens = source({
      fetchToken: issuer.fetchToken,
      random: () => 1,
      retry: { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 3_000 },
    })
    const token = tokens.getToken()
    await vi.advanceTimersByTimeAsync(0)
    expect(issuer.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(issuer.calls).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(issuer.calls).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(2_999)
    expect(issuer.calls).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(1)
    expect(issuer.calls).toHaveLength(4)
    expect(await token).toBe(issuer.issued[0])
    tokens.destroy()
  })

  it('does not retry a 4xx from the host endpoint: auth', async () => {
    const fetchToken = vi.fn(async () => new Response('no session', { status: 401 }))
    const tokens = source({ fetchToken })
    await expect(tokens.getToken()).rejects.toMatchObject({ code: 'auth', status: 401 })
    expect(fetchToken).toHaveBeenCalledTimes(1)
    const thrown = source({
      fetchToken: () => Promise.reject(Object.assign(new Error('x'), { status: 403 })),
    })
    await expect(thrown.getToken()).rejects.toMatchObject({ code: 'auth', status: 403 })
    tokens.destroy()
    thrown.destroy()
  })

  it('retries 5xx and 429 answers, then reports the last error and recovers on the next call', async () => {
    let status = 503
    const fetchToken = vi.fn(async () =>
      status === 200 ? signToken({ exp: Date.now() / 1000 + 600 }) : new Response('', { status }),
    )
    const tokens = source({ fetchToken, retry: { maxAttempts: 3 } })
    const failing = tokens.getToken()
    const settled = expect(failing).rejects.toMatchObject({ code: 'server', status: 503 })
    await vi.advanceTimersByTimeAsync(60_000)
    await settled
    expect(fetchToken).toHaveBeenCalledTimes(3)
    expect(tokens.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'server' } })
    status = 429
    const limited = expect(tokens.getToken()).rejects.toMatchObject({ code: 'rate_limited' })
    await vi.advanceTimersByTimeAsync(60_000)
    await limited
    status = 200
    await expect(tokens.getToken()).resolves.toMatch(/^ey/)
    expect(tokens.getSnapshot().status).toBe('fresh')
    tokens.destroy()
  })

  it('times out a fetch that hangs, aborting its signal, and tries again', async () => {
    const signals: AbortSignal[] = []
    const tokens = source({
      fetchTimeoutMs: 2_000,
      random: () => 0,
      fetchToken: ({ signal }) => {
        signals.push(signal)
        return signals.length === 1 ? new Promise(() => {}) : Promise.resolve('second')
      },
    })
    const token = tokens.getToken()
    await vi.advanceTimersByTimeAsync(1_999)
    expect(signals[0]!.aborted).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(signals[0]!.aborted).toBe(true)
    await vi.advanceTimersByTimeAsync(1)
    expect(await token).toBe('second')
    tokens.destroy()
  })

  it('keeps retrying a background refresh while the current token is usable', async () => {
    let failing = false
    const issuer = createIssuer({ lifetime: 600, failWith: () => failing && new TypeError('down') })
    const tokens = source({ fetchToken: issuer.fetchToken, retry: { maxAttempts: 2 } })
    const first = await tokens.getToken()
    failing = true
    await vi.advanceTimersByTimeAsync(8 * MINUTE)
    expect(issuer.calls.length).toBeGreaterThan(3)
    expect(tokens.getSnapshot().status).toBe('refreshing')
    expect(await tokens.getToken()).toBe(first)
    failing = false
    await vi.advanceTimersByTimeAsync(30_000)
    expect(tokens.getSnapshot().status).toBe('fresh')
    expect(await tokens.getToken()).not.toBe(first)
    tokens.destroy()
  })
})

describe('createTokenSource: expiry reported by the server', () => {
  it('refreshes once for many callers of handleExpired, and not again for a stale token', async () => {
    const issuer = createIssuer()
    const tokens = source({ fetchToken: issuer.fetchToken })
    const old = await tokens.getToken()
    const fresh = await Promise.all(Array.from({ length: 20 }, () => tokens.handleExpired(old)))
    expect(issuer.calls.map((call) => call.reason)).toEqual(['initial', 'expired'])
    expect(new Set(fresh).size).toBe(1)
    expect(await tokens.handleExpired(old)).toBe(fresh[0])
    expect(issuer.calls).toHaveLength(2)
    tokens.destroy()
  })
})

describe('createTokenSource: hidden tabs and sleeping laptops', () => {
  it('refreshes once on resume when timers were skipped past expiry, before any request', async () => {
    const environment = createEnvironment()
    const issuer = createIssuer({ lifetime: 600, latencyMs: 300 })
    const tokens = source({ fetchToken: issuer.fetchToken, environment })
    const first = tokens.getToken()
    await vi.advanceTimersByTimeAsync(300)
    await first
    // The tab sleeps for 20 minutes: the clock moves, no timer runs.
    vi.setSystemTime(Date.now() + 20 * MINUTE)
    environment.resume()
    expect(issuer.calls.map((call) => call.reason)).toEqual(['initial', 'resume'])
    const requests = Promise.all([tokens.getToken(), tokens.getToken()])
    environment.resume()
    await vi.advanceTimersByTimeAsync(300)
    const [a, b] = await requests
    expect(a).toBe(issuer.issued[1])
    expect(b).toBe(a)
    expect(expiryOf(a)).toBeGreaterThan(Date.now() + 9 * MINUTE)
    expect(issuer.calls).toHaveLength(2)
    tokens.destroy()
  })

  it('does nothing on resume while the token is fresh', async () => {
    const environment = createEnvironment()
    const issuer = createIssuer()
    const tokens = source({ fetchToken: issuer.fetchToken, environment })
    await tokens.getToken()
    environment.resume()
    expect(issuer.calls).toHaveLength(1)
    tokens.destroy()
    expect(environment.listeners).toBe(0)
  })

  it('listens for resume only once a token is fetched, so an unused source leaves nothing behind', async () => {
    const environment = createEnvironment()
    const issuer = createIssuer()
    const unused = source({ fetchToken: issuer.fetchToken, environment })
    expect(environment.listeners).toBe(0)
    const tokens = source({ fetchToken: issuer.fetchToken, environment })
    await tokens.getToken()
    await tokens.getToken()
    expect(environment.listeners).toBe(1)
    tokens.destroy()
    unused.destroy()
    expect(environment.listeners).toBe(0)
  })

  it('cuts a backoff short when the network comes back', async () => {
    const environment = createEnvironment()
    let down = true
    const issuer = createIssuer({ failWith: () => down && new TypeError('offline') })
    const tokens = source({ fetchToken: issuer.fetchToken, environment, random: () => 1 })
    const token = tokens.getToken()
    await vi.advanceTimersByTimeAsync(0)
    expect(issuer.calls).toHaveLength(1)
    down = false
    environment.resume()
    await vi.advanceTimersByTimeAsync(0)
    expect(await token).toBe(issuer.issued[0])
    expect(issuer.calls).toHaveLength(2)
    tokens.destroy()
  })

  it('listens to the page visibility and online events by default', async () => {
    const document = Object.assign(new EventTarget(), { visibilityState: 'hidden' })
    const window = new EventTarget()
    vi.stubGlobal('document', document)
    vi.stubGlobal('window', window)
    try {
      const issuer = createIssuer({ lifetime: 600 })
      const tokens = createTokenSource({ fetchToken: issuer.fetchToken })
      await tokens.getToken()
      vi.setSystemTime(Date.now() + 20 * MINUTE)
      document.dispatchEvent(new Event('visibilitychange'))
      expect(issuer.calls).toHaveLength(1)
      document.visibilityState = 'visible'
      document.dispatchEvent(new Event('visibilitychange'))
      expect(issuer.calls).toHaveLength(2)
      await vi.advanceTimersByTimeAsync(0)
      vi.setSystemTime(Date.now() + 20 * MINUTE)
      window.dispatchEvent(new Event('online'))
      expect(issuer.calls).toHaveLength(3)
      tokens.destroy()
      vi.setSystemTime(Date.now() + 20 * MINUTE)
      window.dispatchEvent(new Event('online'))
      document.dispatchEvent(new Event('visibilitychange'))
      expect(issuer.calls).toHaveLength(3)
    } finally {
      vi.unstubAllGlobals()
    }
  })
})

describe('createTokenSource: invalidate and destroy', () => {
  it('invalidate() makes the next getToken() fetch, and hands waiting callers the new token', async () => {
    const issuer = createIssuer({ latencyMs: 1_000 })
    const tokens = source({ fetchToken: issuer.fetchToken })
    const waiting = tokens.getToken()
    await vi.advanceTimersByTimeAsync(500)
    tokens.invalidate()
    expect(issuer.calls[0]!.signal.aborted).toBe(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(issuer.calls.map((call) => call.reason)).toEqual(['initial', 'invalidated'])
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await waiting).toBe(issuer.issued.at(-1))
    tokens.invalidate()
    expect(tokens.getSnapshot().status).toBe('idle')
    const third = tokens.getToken()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await third).toBe(issuer.issued.at(-1))
    expect(issuer.calls).toHaveLength(3)
    tokens.destroy()
  })

  it('invalidate() then getToken() at once: one fetch replaces the cancelled one', async () => {
    const issuer = createIssuer({ latencyMs: 1_000 })
    const tokens = source({ fetchToken: issuer.fetchToken })
    const waiting = tokens.getToken()
    tokens.invalidate()
    const asked = tokens.getToken()
    await vi.advanceTimersByTimeAsync(2_000)
    expect(await asked).toBe(issuer.issued[0])
    expect(await waiting).toBe(issuer.issued[0])
    expect(issuer.calls.map((call) => call.reason)).toEqual(['initial', 'invalidated'])
    tokens.destroy()
  })

  it('destroy() aborts the fetch in flight and leaves no timer or listener', async () => {
    const environment = createEnvironment()
    const issuer = createIssuer({ latencyMs: 1_000 })
    const tokens = source({ fetchToken: issuer.fetchToken, environment })
    await Promise.all([tokens.getToken(), vi.advanceTimersByTimeAsync(1_000)])
    const listener = vi.fn()
    tokens.subscribe(listener)
    tokens.invalidate()
    const pending = tokens.getToken()
    tokens.destroy()
    await expect(pending).rejects.toBeInstanceOf(InsetError)
    expect(issuer.calls.at(-1)!.signal.aborted).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
    expect(environment.listeners).toBe(0)
    await expect(tokens.getToken()).rejects.toMatchObject({ code: 'auth' })
    listener.mockClear()
    tokens.invalidate()
    expect(listener).not.toHaveBeenCalled()
  })
})

describe('createTokenSource: a status 0 from the host client', () => {
  it('is a network failure and is retried, not an auth refusal', async () => {
    let calls = 0
    const tokens = createTokenSource({
      environment: null,
      random: () => 0.5,
      fetchToken: async () => {
        calls++
        if (calls === 1)
          throw Object.assign(new Error('Http failure response: 0 Unknown Error'), { status: 0 })
        return signToken({
          iat: Math.floor(Date.now() / 1000),
          exp: Math.floor(Date.now() / 1000) + 600,
        })
      },
    })
    const token = tokens.getToken()
    await vi.advanceTimersByTimeAsync(2_000)
    await expect(token).resolves.toMatch(/\./)
    expect(calls).toBe(2)
    tokens.destroy()
  })
})

describe('createTokenSource: the timeline (inset.debug())', () => {
  it('tells every step of a token life with its times, and never the token', async () => {
    const timeline = createTimeline(500)
    let fail: unknown
    const issuer = createIssuer({ lifetime: 600, failWith: () => fail })
    const environment = createEnvironment()
    const tokens = createTokenSource({
      fetchToken: issuer.fetchToken,
      environment,
      random: () => 0.5,
      timeline,
      retry: { maxAttempts: 2 },
    })
    const start = Date.now()
    await tokens.getToken()
    environment.resume()
    await tokens.handleExpired('stale')
    fail = new InsetError('server', 'down', { status: 503 })
    await vi.advanceTimersByTimeAsync(465_000)
    fail = undefined
    await vi.advanceTimersByTimeAsync(1_000)
    tokens.reportServerDate(Date.now() + 60_000)
    await tokens.handleExpired(await tokens.getToken())
    // Asleep past the refresh time: no timer ran.
    vi.setSystemTime(Date.now() + 420_000)
    environment.resume()
    await vi.advanceTimersByTimeAsync(0)
    tokens.invalidate()
    fail = new InsetError('auth', 'no', { status: 401 })
    await tokens.getToken().catch(() => {})
    tokens.destroy()
    const entries = timeline.entries()
    expect(entries.map((e) => [(e.at - start) / 1000, e.event, e.detail ?? null])).toEqual(STORY)
    expect(entries.every((e) => e.source === 'token')).toBe(true)
    for (const token of issuer.issued) expect(JSON.stringify(entries)).not.toContain(token)
  })
})

// What the timeline shows, second by second (the refresh comes at 600 s - 120 s - 15 s of jitter;
// the iat's whole second makes the skew -250 ms; the server's clock is then 60.5 s ahead, which
// shortens the life this machine can use to 539.5 s).
const STORY = [
  [0, 'fetch', { reason: 'initial', attempt: 1 }],
  [0, 'fetched', { expiresInS: 600, lifetimeS: 600, skewMs: 0 }],
  [0, 'scheduled', { refreshInS: 465, expiresInS: 600 }],
  [0, 'resume', { due: false }],
  [0, 'expired', { current: false }],
  [465, 'fetch', { reason: 'refresh', attempt: 1 }],
  [465, 'failed', { code: 'server', status: 503, attempt: 1, retryInMs: 250 }],
  [465.25, 'fetch', { reason: 'refresh', attempt: 2 }],
  [465.25, 'fetched', { expiresInS: 600, lifetimeS: 600, skewMs: -250 }],
  [465.25, 'scheduled', { refreshInS: 465, expiresInS: 600 }],
  [466, 'skew', { ms: 60500, from: 'server' }],
  [466, 'scheduled', { refreshInS: 417.2, expiresInS: 538.5 }],
  [466, 'expired', { current: true }],
  [466, 'fetch', { reason: 'expired', attempt: 1 }],
  [466, 'fetched', { expiresInS: 539.5, lifetimeS: 600, skewMs: 60500 }],
  [466, 'scheduled', { refreshInS: 418.1, expiresInS: 539.5 }],
  [886, 'resume', { due: true }],
  [886, 'fetch', { reason: 'resume', attempt: 1 }],
  [886, 'fetched', { expiresInS: 539.5, lifetimeS: 600, skewMs: 60500 }],
  [886, 'scheduled', { refreshInS: 418.1, expiresInS: 539.5 }],
  [886, 'invalidated', null],
  [886, 'fetch', { reason: 'invalidated', attempt: 1 }],
  [886, 'failed', { code: 'auth', status: 401, attempt: 1 }],
]

describe('createTokenSource: edges', () => {
  const settled = async (promise: Promise<unknown>) => {
    let done = false
    promise.then(() => (done = true)).catch(() => (done = true))
    for (let i = 0; i < 5; i++) await Promise.resolve()
    return done
  }

  it('hands out a token while more than min(5 s, a tenth of its life) is left, then fetches', async () => {
    const issuer = createIssuer({ lifetime: 20 })
    const tokens = source({ fetchToken: issuer.fetchToken })
    const first = await tokens.getToken()
    // No timer runs: the refresh due at 9.5 s has not happened.
    vi.setSystemTime(expiryOf(first) - 2_001)
    expect(await settled(tokens.getToken())).toBe(true)
    expect(issuer.calls).toHaveLength(1)
    vi.setSystemTime(expiryOf(first) - 2_000)
    const next = tokens.getToken()
    expect(issuer.calls.map((call) => call.reason)).toEqual(['initial', 'expired'])
    expect(await next).not.toBe(first)
    tokens.destroy()
  })

  it('gives a token without exp no expiry, and tells no one about a clock it cannot use', async () => {
    const tokens = source({ fetchToken: async () => 'opaque' })
    const seen: TokenSnapshot[] = []
    tokens.subscribe((snapshot) => seen.push(snapshot))
    tokens.reportServerDate(Date.now() + 60_000)
    expect(seen).toEqual([])
    await tokens.getToken()
    expect(tokens.getSnapshot()).toEqual({ status: 'fresh' })
    tokens.destroy()
  })

  it('schedules a token without iat from its exp, on the server clock when it is behind', async () => {
    const timeline = createTimeline()
    const exp = Math.floor(Date.now() / 1000) + 600
    const tokens = source({
      fetchToken: async () => signToken({ sub: 'alice', exp }),
      timeline,
    })
    tokens.reportServerDate(Date.now() - 60_000)
    await tokens.getToken()
    // Skew -59.5 s: 659.5 s to live here, refreshed 131.9 s + 16.5 s of jitter before.
    expect(tokens.getSnapshot().expiresAt).toBe(exp * 1000 + 59_500)
    expect(timeline.entries().find((e) => e.event === 'scheduled')?.detail).toEqual({
      refreshInS: 511.1,
      expiresInS: 659.5,
    })
    tokens.destroy()
  })

  it('takes the skew from the token until a server Date header says otherwise', async () => {
    const issuer = createIssuer({ lifetime: 600, clockOffsetMs: 10 * MINUTE })
    const tokens = source({ fetchToken: issuer.fetchToken })
    tokens.reportServerDate('not a date')
    const token = await tokens.getToken()
    expect(tokens.getSnapshot().expiresAt).toBe(expiryOf(token) - 10 * MINUTE)
    // Within 2 s of what it knows, a Date header changes nothing.
    const snapshot = tokens.getSnapshot()
    tokens.reportServerDate(Date.now() + 10 * MINUTE + 1_500)
    expect(tokens.getSnapshot()).toBe(snapshot)
    tokens.reportServerDate(Date.now() + 10 * MINUTE + 1_501)
    expect(tokens.getSnapshot().expiresAt).toBe(expiryOf(token) - 10 * MINUTE - 2_001)
    tokens.destroy()
  })

  it('says when the token in use expires in the error of a refused refresh', async () => {
    let refuse = false
    const issuer = createIssuer({
      lifetime: 600,
      failWith: () => refuse && new InsetError('auth', 'no', { status: 401 }),
    })
    const tokens = source({ fetchToken: issuer.fetchToken })
    const first = await tokens.getToken()
    refuse = true
    await vi.advanceTimersByTimeAsync(465_000)
    expect(tokens.getSnapshot().error?.details).toEqual({
      attempts: 1,
      skewMs: 0,
      tokenExpiresAt: expiryOf(first),
    })
    tokens.invalidate()
    await tokens.getToken().catch(() => {})
    expect(tokens.getSnapshot().error?.details).toEqual({ attempts: 1, skewMs: 0 })
    tokens.destroy()
  })

  it('refuses every call once destroyed, and stays destroyed', async () => {
    const tokens = source({ fetchToken: createIssuer().fetchToken })
    await tokens.getToken()
    tokens.destroy()
    const snapshot = tokens.getSnapshot()
    tokens.invalidate()
    tokens.destroy()
    expect(tokens.getSnapshot()).toBe(snapshot)
    await expect(tokens.getToken()).rejects.toMatchObject({
      code: 'auth',
      message: 'Token source destroyed',
    })
  })

  it('needs fetchToken to be a function', () => {
    expect(() => createTokenSource({ fetchToken: 'nope' as never })).toThrow(
      expect.objectContaining({ code: 'bad_request', message: 'fetchToken is required' }),
    )
  })
})
