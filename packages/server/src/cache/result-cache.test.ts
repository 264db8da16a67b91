// The result cache on its own: single flight, TTL (fake timers), LRU by entries and by bytes,
// purges, failures never kept, and a caller that gives up never spoils the load for the others.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ResultCache } from './result-cache'

/** A load whose result the test hands out when it likes, counting how often it starts. */
function deferredLoads<V>() {
  const started: Array<{
    signal: AbortSignal
    resolve: (value: V) => void
    reject: (error: unknown) => void
  }> = []
  const load = (signal: AbortSignal) =>
    new Promise<V>((resolve, reject) => {
      started.push({ signal, resolve, reject })
      signal.addEventListener('abort', () => reject(signal.reason))
    })
  return { started, load }
}

const size = () => 100
const options = <V>(load: (signal: AbortSignal) => Promise<V>, extra = {}) => ({
  tag: 'orders',
  ttlMs: 60_000,
  sizeOf: size,
  load,
  ...extra,
})

afterEach(() => {
  vi.useRealTimers()
})

describe('ResultCache', () => {
  it('runs identical concurrent loads once and shares the value; then answers from memory', async () => {
    const cache = new ResultCache<string>({ maxEntries: 10, maxBytes: 1 << 20 })
    const { started, load } = deferredLoads<string>()
    const reads = Array.from({ length: 20 }, () => cache.get('k', options(load)))
    expect(started).toHaveLength(1)
    started[0]?.resolve('rows')
    const results = await Promise.all(reads)
    expect(results.map((r) => r.value)).toEqual(Array(20).fill('rows'))
    expect(results.filter((r) => r.outcome === 'miss')).toHaveLength(1)
    expect(results.filter((r) => r.outcome === 'coalesced')).toHaveLength(19)
    const again = await cache.get('k', options(load))
    expect(again).toMatchObject({ value: 'rows', outcome: 'hit', readAt: results[0]?.readAt })
    expect(started).toHaveLength(1)
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, coalesced: 19, entries: 1 })
  })

  it('expires a result after its TTL, counted from the start of its load', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-01-01T00:00:00Z') })
    const cache = new ResultCache<number>({ maxEntries: 10, maxBytes: 1 << 20 })
    let calls = 0
    const load = async () => ++calls
    const first = await cache.get('k', options(load, { ttlMs: 5_000 }))
    expect(first.readAt).toBe(Date.parse('2026-01-01T00:00:00Z'))
    vi.advanceTimersByTime(3_999) // before the refresh-ahead window (the last fifth)
    expect(await cache.get('k', options(load, { ttlMs: 5_000 }))).toMatchObject({
      value: 1,
      outcome: 'hit',
    })
    vi.advanceTimersByTime(1_001)
    expect(await cache.get('k', options(load, { ttlMs: 5_000 }))).toMatchObject({
      value: 2,
      outcome: 'miss',
      readAt: Date.parse('2026-01-01T00:00:05Z'),
    })
    expect(cache.stats().expirations).toBe(1)
  })

  it('reloads a result in the background on a hit in the last fifth of its TTL', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-01-01T00:00:00Z') })
    const cache = new ResultCache<string>({ maxEntries: 10, maxBytes: 1 << 20 })
    const { started, load } = deferredLoads<string>()
    const first = cache.get('k', options(load, { ttlMs: 10_000 }))
    started[0]?.resolve('old')
    await first
    vi.advanceTimersByTime(7_999)
    expect(await cache.get('k', options(load, { ttlMs: 10_000 }))).toMatchObject({ value: 'old' })
    expect(started).toHaveLength(1)
    vi.advanceTimersByTime(1)
    // Served from memory at once, and one reload starts (not one per hit).
    expect(await cache.get('k', options(load, { ttlMs: 10_000 }))).toMatchObject({
      value: 'old',
      outcome: 'hit',
    })
    await cache.get('k', options(load, { ttlMs: 10_000 }))
    expect(started).toHaveLength(2)
    started[1]?.resolve('new')
    await vi.advanceTimersByTimeAsync(0)
    vi.advanceTimersByTime(5_000) // past the first result's TTL
    expect(await cache.get('k', options(load, { ttlMs: 10_000 }))).toMatchObject({
      value: 'new',
      outcome: 'hit',
      readAt: Date.parse('2026-01-01T00:00:08Z'),
    })
    expect(cache.stats()).toMatchObject({ refreshes: 1, expirations: 0, entries: 1 })
  })

  it('keeps serving a result whose background reload failed, until its TTL ends', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-01-01T00:00:00Z') })
    const cache = new ResultCache<string>({ maxEntries: 10, maxBytes: 1 << 20 })
    const { started, load } = deferredLoads<string>()
    const first = cache.get('k', options(load, { ttlMs: 10_000 }))
    started[0]?.resolve('old')
    await first
    vi.advanceTimersByTime(9_000)
    await cache.get('k', options(load, { ttlMs: 10_000 }))
    started[1]?.reject(new Error('connection reset'))
    await vi.advanceTimersByTimeAsync(0)
    expect((await cache.get('k', options(load, { ttlMs: 10_000 }))).value).toBe('old')
    // That hit started a second reload; past the TTL, a caller waits for it rather than the old.
    expect(started).toHaveLength(3)
    vi.advanceTimersByTime(1_000)
    const after = cache.get('k', options(load, { ttlMs: 10_000 }))
    started[2]?.resolve('fresh')
    expect(await after).toMatchObject({ value: 'fresh', outcome: 'coalesced' })
    expect(started).toHaveLength(3)
  })

  it('never keeps a failure: the callers waiting get it, the next caller loads again', async () => {
    const cache = new ResultCache<string>({ maxEntries: 10, maxBytes: 1 << 20 })
    const { started, load } = deferredLoads<string>()
    const a = cache.get('k', options(load))
    const b = cache.get('k', options(load))
    started[0]?.reject(new Error('relation does not exist'))
    await expect(a).rejects.toThrow('relation does not exist')
    await expect(b).rejects.toThrow('relation does not exist')
    expect(cache.stats()).toMatchObject({ entries: 0, inFlight: 0 })
    const c = cache.get('k', options(load))
    expect(started).toHaveLength(2)
    started[1]?.resolve('rows')
    expect((await c).value).toBe('rows')
  })

  it('lets one caller abort without spoiling the shared load for the others', async () => {
    const cache = new ResultCache<string>({ maxEntries: 10, maxBytes: 1 << 20 })
    const { started, load } = deferredLoads<string>()
    const leaving = new AbortController()
    const first = cache.get('k', options(load, { signal: leaving.signal }))
    const second = cache.get('k', options(load, { signal: new AbortController().signal }))
    const third = cache.get('k', options(load))
    leaving.abort()
    await expect(first).rejects.toMatchObject({ name: 'AbortError' })
    expect(started[0]?.signal.aborted).toBe(false)
    started[0]?.resolve('rows')
    expect((await second).value).toBe('rows')
    expect((await third).value).toBe('rows')
    expect((await cache.get('k', options(load))).outcome).toBe('hit')
  })

  it('aborts the load once every caller has gone, and the next caller starts afresh', async () => {
    const cache = new ResultCache<string>({ maxEntries: 10, maxBytes: 1 << 20 })
    const { started, load } = deferredLoads<string>()
    const one = new AbortController()
    const two = new AbortController()
    const a = cache.get('k', options(load, { signal: one.signal }))
    const b = cache.get('k', options(load, { signal: two.signal }))
    one.abort()
    two.abort()
    await expect(a).rejects.toMatchObject({ name: 'AbortError' })
    await expect(b).rejects.toMatchObject({ name: 'AbortError' })
    expect(started[0]?.signal.aborted).toBe(true)
    const c = cache.get('k', options(load))
    expect(started).toHaveLength(2)
    started[1]?.resolve('fresh')
    expect(await c).toMatchObject({ value: 'fresh', outcome: 'miss' })
    expect(cache.stats()).toMatchObject({ entries: 1, inFlight: 0 })
  })

  it('refuses a caller whose signal is already aborted without starting a load', async () => {
    const cache = new ResultCache<string>({ maxEntries: 10, maxBytes: 1 << 20 })
    const { started, load } = deferredLoads<string>()
    await expect(cache.get('k', options(load, { signal: AbortSignal.abort() }))).rejects.toThrow()
    expect(started).toHaveLength(0)
  })

  it('evicts the least recently used entries past maxEntries', async () => {
    const cache = new ResultCache<string>({ maxEntries: 2, maxBytes: 1 << 20 })
    const load = async () => 'v'
    await cache.get('a', options(load))
    await cache.get('b', options(load))
    await cache.get('a', options(load)) // a is now the most recently used
    await cache.get('c', options(load))
    expect((await cache.get('a', options(load))).outcome).toBe('hit')
    expect((await cache.get('b', options(load))).outcome).toBe('miss')
    expect(cache.stats().evictions).toBe(2)
  })

  it('evicts by estimated bytes, and keeps nothing larger than maxBytes alone', async () => {
    const cache = new ResultCache<number>({ maxEntries: 1000, maxBytes: 10_000 })
    const sized = (bytes: number) => options(async () => bytes, { sizeOf: (v: number) => v })
    for (const key of ['a', 'b', 'c']) await cache.get(key, sized(3_000))
    expect(cache.stats()).toMatchObject({ entries: 3, evictions: 0 })
    expect(cache.stats().bytes).toBeLessThanOrEqual(10_000)
    await cache.get('d', sized(3_000))
    expect(cache.stats()).toMatchObject({ entries: 3, evictions: 1 })
    expect(cache.stats().bytes).toBeLessThanOrEqual(10_000)
    expect((await cache.get('a', sized(3_000))).outcome).toBe('miss')
    await cache.get('huge', sized(20_000))
    expect(cache.stats()).toMatchObject({ oversized: 1 })
    expect((await cache.get('huge', sized(20_000))).outcome).toBe('miss')
  })

  it('purges one tag or everything, and does not keep a load that was running during a purge', async () => {
    const cache = new ResultCache<string>({ maxEntries: 10, maxBytes: 1 << 20 })
    const load = async () => 'v'
    await cache.get('o1', options(load, { tag: 'orders' }))
    await cache.get('o2', options(load, { tag: 'orders' }))
    await cache.get('c1', options(load, { tag: 'customers' }))
    expect(cache.purge('orders')).toBe(2)
    expect((await cache.get('c1', options(load, { tag: 'customers' }))).outcome).toBe('hit')
    expect((await cache.get('o1', options(load, { tag: 'orders' }))).outcome).toBe('miss')

    const { started, load: slow } = deferredLoads<string>()
    const running = cache.get('o3', options(slow, { tag: 'orders' }))
    expect(cache.purge()).toBe(2)
    // A caller after the purge does not join the load that read data from before it.
    const after = cache.get('o3', options(slow, { tag: 'orders' }))
    expect(started).toHaveLength(2)
    started[0]?.resolve('old')
    started[1]?.resolve('new')
    expect((await running).value).toBe('old')
    expect((await after).value).toBe('new')
    expect((await cache.get('o3', options(slow, { tag: 'orders' }))).value).toBe('new')
    expect(cache.stats()).toMatchObject({ entries: 1, purged: 4 })
  })
})
