import { createFakeServer } from '@inset/fake-server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createEnvironment, createIssuer, SECRET, seededRandom } from '../test/support'
import type { DashboardSnapshot } from './dashboard'
import { InsetError } from './errors'
import { createInset } from './inset'
import { createTokenSource } from './token-source'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-03-01T12:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

/** Counts snapshots that would show an error to the user. */
function errorsShown(snapshot: DashboardSnapshot): number {
  return (
    (snapshot.state === 'error' ? 1 : 0) +
    Object.values(snapshot.tiles).filter((tile) => tile.status === 'error').length
  )
}

describe('createInset', () => {
  it('validates its options with typed errors', () => {
    const fetchToken = async () => 'token'
    expect(() => createInset({ serverUrl: 'inset.example.com', fetchToken })).toThrow(InsetError)
    expect(() => createInset({ serverUrl: 'https://inset.example.com' })).toThrow(/fetchToken/)
    expect(() => createInset(undefined as never)).toThrow(InsetError)
    const inset = createInset({ serverUrl: 'https://inset.example.com', fetchToken })
    expect(() => inset.dashboard('')).toThrow(InsetError)
    inset.destroy()
  })

  it('shares one token across 50 dashboards: 10 refresh cycles, 10 fetches', async () => {
    const server = createFakeServer({ secret: SECRET, latencyMs: () => 50 })
    const issuer = createIssuer({ lifetime: 600, latencyMs: 200 })
    const inset = createInset({
      serverUrl: 'https://inset.test',
      fetchToken: issuer.fetchToken,
      fetch: server.fetch,
      random: () => 0.5,
    })
    const dashboards = Array.from({ length: 50 }, () => inset.dashboard('sales-overview'))
    let shown = 0
    for (const dashboard of dashboards)
      dashboard.subscribe((snapshot) => (shown += errorsShown(snapshot)))
    // Refresh every dashboard each minute, as an auto-refreshing page would.
    const every = setInterval(() => {
      for (const dashboard of dashboards) dashboard.refresh()
    }, MINUTE)
    // Refresh comes at 600 s - 120 s - 15 s of jitter = 465 s into each token's life.
    await vi.advanceTimersByTimeAsync(9 * 465_000 + 60_000)
    clearInterval(every)
    expect(issuer.calls.map((call) => call.reason)).toEqual([
      'initial',
      ...Array.from({ length: 9 }, () => 'refresh'),
    ])
    expect(dashboards.every((dashboard) => dashboard.getSnapshot().state === 'ready')).toBe(true)
    expect(server.stats.expired).toBe(0)
    // One request per dashboard load (definition with its tiles' results), a load each minute.
    expect(server.stats.requests).toBeGreaterThan(50 * 70)
    expect(new Set(server.requests.map((request) => request.path))).toEqual(
      new Set(['/v1/dashboards/sales-overview/load']),
    )
    expect(shown).toBe(0)
    inset.destroy()
  }, 30_000)

  for (const clockOffsetMs of [0, 10 * MINUTE, -10 * MINUTE]) {
    const hours = clockOffsetMs ? 6 : 24
    it(`survives ${hours} h of a flaky token endpoint with a ${clockOffsetMs / MINUTE} min clock error`, async () => {
      const random = seededRandom(42 + clockOffsetMs)
      // The server and the host backend agree; this machine's clock is off by `clockOffsetMs`.
      const server = createFakeServer({
        secret: SECRET,
        clockOffsetMs: -clockOffsetMs,
        latencyMs: () => 20 + random() * 400,
      })
      const issuer = createIssuer({
        lifetime: 600,
        clockOffsetMs: -clockOffsetMs,
        latencyMs: () => 50 + random() * 3_000,
        failWith: () =>
          random() < 0.3 &&
          (random() < 0.5
            ? new TypeError('fetch failed')
            : Object.assign(new Error('Bad gateway'), { status: 502 })),
      })
      const tokens = createTokenSource({ fetchToken: issuer.fetchToken, environment: null, random })
      const inset = createInset({
        serverUrl: 'https://inset.test',
        tokens,
        fetch: server.fetch,
        random,
      })
      const dashboards = [inset.dashboard('sales-overview'), inset.dashboard('sales-overview')]
      let shown = 0
      for (const dashboard of dashboards)
        dashboard.subscribe((snapshot) => (shown += errorsShown(snapshot)))
      const every = setInterval(() => {
        for (const dashboard of dashboards) dashboard.refresh()
      }, MINUTE)
      await vi.advanceTimersByTimeAsync(hours * HOUR)
      clearInterval(every)
      expect(server.stats.expired).toBe(0)
      expect(server.stats.invalid).toBe(0)
      expect(shown).toBe(0)
      expect(issuer.issued.length).toBeGreaterThanOrEqual((hours * 60) / 8)
      // Failures were real: the endpoint was called more often than tokens were issued.
      expect(issuer.calls.length).toBeGreaterThan(issuer.issued.length)
      // Two dashboards, a load each minute, one request per load.
      expect(server.stats.requests).toBeGreaterThan(hours * 60 * 2)
      inset.destroy()
      tokens.destroy()
    }, 30_000)
  }

  it('loads in one request by default; against a server without `…/load`, definition then tiles', async () => {
    const server = createFakeServer({ secret: SECRET })
    const issuer = createIssuer({ lifetime: 600 })
    for (const [hasLoadRoute, expected] of [
      [true, ['load', 'load']],
      // An older server answers the unknown route 404; the connection asks it once.
      [false, ['load', '', 'tiles/revenue/query', 'tiles/orders/query', '']],
    ] as const) {
      const paths: string[] = []
      const fetch: typeof globalThis.fetch = (input, init) => {
        const path = new URL(String(input)).pathname
        paths.push(path.split('/').slice(4).join('/'))
        return !hasLoadRoute && path.endsWith('/load')
          ? Promise.resolve(
              Response.json({ error: { code: 'not_found', message: 'No route' } }, { status: 404 }),
            )
          : server.fetch(input, init)
      }
      const inset = createInset({
        serverUrl: 'https://inset.test',
        fetchToken: issuer.fetchToken,
        fetch,
      })
      for (const dashboard of [
        inset.dashboard('sales-overview'),
        inset.dashboard('sales-overview'),
      ]) {
        dashboard.subscribe(() => {})
        await vi.advanceTimersByTimeAsync(1_000)
        expect(dashboard.getSnapshot().state).toBe('ready')
      }
      expect(paths.slice(0, expected.length)).toEqual(expected)
      inset.destroy()
    }
  })

  it('after a hidden tab slept past expiry, refreshes once before any request', async () => {
    const environment = createEnvironment()
    const server = createFakeServer({ secret: SECRET })
    const issuer = createIssuer({ lifetime: 600, latencyMs: 300 })
    const tokens = createTokenSource({ fetchToken: issuer.fetchToken, environment })
    const inset = createInset({ serverUrl: 'https://inset.test', tokens, fetch: server.fetch })
    const dashboard = inset.dashboard('sales-overview')
    dashboard.subscribe(() => {})
    await vi.advanceTimersByTimeAsync(1_000)
    expect(dashboard.getSnapshot().state).toBe('ready')
    const before = server.stats.requests
    vi.setSystemTime(Date.now() + 30 * MINUTE)
    environment.resume()
    dashboard.refresh()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(issuer.calls.map((call) => call.reason)).toEqual(['initial', 'resume'])
    // The definition with its tiles' results: one request, with the token refreshed first.
    expect(server.stats.requests).toBe(before + 1)
    expect(server.stats.expired).toBe(0)
    expect(dashboard.getSnapshot().state).toBe('ready')
    inset.destroy()
    tokens.destroy()
  })

  it('keeps the conversation across token refreshes and a token_expired replay', async () => {
    // The Inset server's clock runs 9 minutes ahead of the host backend's: a fresh 10-minute
    // token has 1 minute left in the server's eyes. Its Date header teaches the source that.
    const server = createFakeServer({
      secret: SECRET,
      clockOffsetMs: 9 * MINUTE,
      answer: (question) => [
        ['text', { delta: `About ${question}` }],
        ['done', {}],
      ],
    })
    const issuer = createIssuer({ lifetime: 600 })
    const inset = createInset({
      serverUrl: 'https://inset.test',
      fetchToken: issuer.fetchToken,
      fetch: server.fetch,
    })
    const chat = inset.assistant({ context: { dashboardId: 'sales-overview' } })
    chat.subscribe(() => {})
    await chat.ask('revenue')
    await vi.advanceTimersByTimeAsync(30 * MINUTE)
    await chat.ask('orders')
    inset.tokens.invalidate()
    await chat.ask('channels')
    expect(chat.getSnapshot().messages.map((message) => message.text)).toEqual([
      'revenue',
      'About revenue',
      'orders',
      'About orders',
      'channels',
      'About channels',
    ])
    expect(chat.getSnapshot().messages.every((message) => message.status === 'done')).toBe(true)
    // The only expired token the server saw was the one before the source learnt its clock.
    expect(server.stats.expired).toBeLessThanOrEqual(1)
    expect(issuer.calls.map((call) => call.reason)).toContain('invalidated')
    inset.destroy()
  })

  it('never keeps a token in storage, cookies or the URL', async () => {
    const touched: string[] = []
    const spy = (name: string) => ({
      get() {
        touched.push(name)
        return undefined
      },
    })
    vi.stubGlobal('localStorage', undefined)
    vi.stubGlobal('sessionStorage', undefined)
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      ...spy('localStorage'),
    })
    Object.defineProperty(globalThis, 'sessionStorage', {
      configurable: true,
      ...spy('sessionStorage'),
    })
    const server = createFakeServer({ secret: SECRET })
    const urls: string[] = []
    const fetch = ((input: string, init: RequestInit) => {
      urls.push(String(input))
      return server.fetch(input, init)
    }) as typeof globalThis.fetch
    const inset = createInset({
      serverUrl: 'https://inset.test',
      fetchToken: createIssuer().fetchToken,
      fetch,
    })
    inset.dashboard('sales-overview').subscribe(() => {})
    await vi.advanceTimersByTimeAsync(1_000)
    expect(urls.length).toBeGreaterThan(0)
    expect(urls.some((url) => url.includes('ey'))).toBe(false)
    expect(touched).toEqual([])
    inset.destroy()
  })
})

describe('leaks', () => {
  it('1,000 create/destroy cycles leave no timer and no listener', async () => {
    const added = new Map<string, number>()
    const count = (target: EventTarget, name: string) => {
      const add = target.addEventListener.bind(target)
      const remove = target.removeEventListener.bind(target)
      target.addEventListener = (
        type: string,
        listener: EventListenerOrEventListenerObject | null,
      ) => {
        added.set(`${name}:${type}`, (added.get(`${name}:${type}`) ?? 0) + 1)
        add(type, listener)
      }
      target.removeEventListener = (
        type: string,
        listener: EventListenerOrEventListenerObject | null,
      ) => {
        added.set(`${name}:${type}`, (added.get(`${name}:${type}`) ?? 0) - 1)
        remove(type, listener)
      }
    }
    const document = Object.assign(new EventTarget(), { visibilityState: 'visible' })
    const window = new EventTarget()
    count(document, 'document')
    count(window, 'window')
    vi.stubGlobal('document', document)
    vi.stubGlobal('window', window)
    const server = createFakeServer({ secret: SECRET, latencyMs: () => 10 })
    for (let cycle = 0; cycle < 1_000; cycle++) {
      const inset = createInset({
        serverUrl: 'https://inset.test',
        fetchToken: createIssuer({ latencyMs: 5 }).fetchToken,
        fetch: server.fetch,
      })
      const dashboard = inset.dashboard('sales-overview', { filters: { region: ['EU'] } })
      const chat = inset.assistant()
      const stop = dashboard.subscribe(() => {})
      chat.subscribe(() => {})
      void chat.ask('revenue')
      // Stop at varying points: before the token, mid-load, after ready.
      await vi.advanceTimersByTimeAsync(cycle % 40)
      if (cycle % 2) stop()
      inset.destroy()
    }
    expect(vi.getTimerCount()).toBe(0)
    expect(Object.fromEntries(added)).toEqual({
      'document:visibilitychange': 0,
      'window:online': 0,
    })
    expect(server.stats.requests).toBeGreaterThan(1_000)
  }, 30_000)
})

describe('server-side rendering', () => {
  it('touches no browser global on import', async () => {
    const touched: string[] = []
    const names = [
      'window',
      'document',
      'navigator',
      'localStorage',
      'sessionStorage',
      'BroadcastChannel',
      'fetch',
      'matchMedia',
    ]
    const originals = new Map(
      names.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]),
    )
    for (const name of names) {
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          touched.push(name)
          return undefined
        },
      })
    }
    try {
      vi.resetModules()
      const core = await import('./index')
      expect(typeof core.createInset).toBe('function')
      expect(touched).toEqual([])
    } finally {
      for (const [name, descriptor] of originals) {
        if (descriptor) Object.defineProperty(globalThis, name, descriptor)
        else delete (globalThis as Record<string, unknown>)[name]
      }
    }
  })

  it('creates controllers on a server without document or window', () => {
    expect(typeof document).toBe('undefined')
    const inset = createInset({ serverUrl: 'https://inset.test', fetchToken: async () => 'token' })
    const dashboard = inset.dashboard('sales-overview')
    expect(dashboard.getSnapshot().state).toBe('idle')
    inset.destroy()
  })
})
