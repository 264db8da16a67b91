import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createIssuer } from '../test/support'
import { shareAcrossTabs, type TabChannel, type TabLocks } from './tabs'
import { createTimeline } from './timeline'
import { createTokenSource, type TokenSource } from './token-source'

const SECOND = 1_000

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-03-01T12:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

/** BroadcastChannel's semantics in one process: every other open channel of a name gets a copy. */
function createBus() {
  const open = new Set<{ name: string; channel: TabChannel }>()
  const sent: unknown[] = []
  return {
    sent,
    channel(name: string): TabChannel {
      const self = {
        name,
        channel: {
          onmessage: null as TabChannel['onmessage'],
          postMessage(message: unknown) {
            sent.push(message)
            const copy = structuredClone(message)
            for (const other of open)
              if (other !== self && other.name === name)
                queueMicrotask(() => other.channel.onmessage?.({ data: copy }))
          },
          close: () => open.delete(self),
        },
      }
      open.add(self)
      return self.channel
    },
  }
}

/** Web Locks: one holder per name, the next in line when it lets go (or its tab closes). */
function createLocks(): TabLocks & { holders(): number } {
  const queues = new Map<string, Array<() => Promise<void>>>()
  let held = 0
  const next = (name: string) => {
    const queue = queues.get(name)!
    const callback = queue[0]
    if (!callback) return
    held++
    callback().finally(() => {
      held--
      queue.shift()
      next(name)
    })
  }
  return {
    request(name, callback) {
      const queue = queues.get(name) ?? []
      queues.set(name, queue)
      queue.push(callback)
      if (queue.length === 1) queueMicrotask(() => next(name))
      return Promise.resolve()
    },
    holders: () => held,
  }
}

function tab(
  issuer: ReturnType<typeof createIssuer>,
  bus: ReturnType<typeof createBus>,
  locks: TabLocks | null,
  key = 'alice',
): TokenSource & { timeline: ReturnType<typeof createTimeline> } {
  const timeline = createTimeline()
  const source = createTokenSource({
    fetchToken: issuer.fetchToken,
    environment: null,
    random: () => 0.5,
    timeline,
    shareAcrossTabs: shareAcrossTabs({ key, channel: bus.channel, locks }),
  })
  return Object.assign(source, { timeline })
}

describe('shareAcrossTabs', () => {
  it('three tabs: one token request per load and per refresh cycle, all tabs on the same token', async () => {
    const issuer = createIssuer({ lifetime: 20 })
    const bus = createBus()
    const locks = createLocks()
    const tabs = [tab(issuer, bus, locks), tab(issuer, bus, locks), tab(issuer, bus, locks)]
    const first = await Promise.all(tabs.map((source) => source.getToken()))
    expect(issuer.calls).toHaveLength(1)
    expect(new Set(first).size).toBe(1)

    // A lone tab beside them, its own issuer: how many refresh cycles 70 s of 20-second tokens hold.
    const lone = createIssuer({ lifetime: 20 })
    const alone = createTokenSource({
      fetchToken: lone.fetchToken,
      environment: null,
      random: () => 0.5,
    })
    await alone.getToken()

    await vi.advanceTimersByTimeAsync(70 * SECOND)
    const cycles = lone.calls.length - 1
    expect(cycles).toBeGreaterThanOrEqual(6)
    // One request per refresh cycle for all three tabs together (a cycle may straddle the end).
    expect(issuer.calls.length - 1).toBeGreaterThanOrEqual(cycles - 1)
    expect(issuer.calls.length - 1).toBeLessThanOrEqual(cycles)
    alone.destroy()
    const now = await Promise.all(tabs.map((source) => source.getToken()))
    expect(new Set(now)).toEqual(new Set([issuer.issued.at(-1)]))
    // Tokens travel in messages only, and no storage API exists in this environment to touch.
    expect(bus.sent.some((message) => JSON.stringify(message).includes(issuer.issued[0]!))).toBe(
      true,
    )
    for (const source of tabs) source.destroy()
    await vi.advanceTimersByTimeAsync(0)
    expect(locks.holders()).toBe(0)
  })

  it('without the option each tab refreshes alone (the count it saves)', async () => {
    const issuer = createIssuer({ lifetime: 20 })
    const tabs = Array.from({ length: 3 }, () =>
      createTokenSource({ fetchToken: issuer.fetchToken, environment: null, random: () => 0.5 }),
    )
    await Promise.all(tabs.map((source) => source.getToken()))
    await vi.advanceTimersByTimeAsync(70 * SECOND)
    expect(issuer.calls.length).toBeGreaterThanOrEqual(3 * 5)
    for (const source of tabs) source.destroy()
  })

  it('when the leader closes, the next tab leads and refreshes with no failed request', async () => {
    const issuer = createIssuer({ lifetime: 20 })
    const bus = createBus()
    const locks = createLocks()
    const [leader, second, third] = [
      tab(issuer, bus, locks),
      tab(issuer, bus, locks),
      tab(issuer, bus, locks),
    ]
    await Promise.all([leader!.getToken(), second!.getToken(), third!.getToken()])
    await vi.advanceTimersByTimeAsync(0)
    expect(leader!.timeline.entries().some((entry) => entry.event === 'leader')).toBe(true)
    leader!.destroy()
    await vi.advanceTimersByTimeAsync(0)
    expect(second!.timeline.entries().some((entry) => entry.event === 'leader')).toBe(true)
    const before = issuer.calls.length
    await vi.advanceTimersByTimeAsync(40 * SECOND)
    // 20-second tokens refresh about every 9.5 s: four cycles, one request each.
    expect(issuer.calls.length - before).toBeGreaterThanOrEqual(3)
    expect(issuer.calls.length - before).toBeLessThanOrEqual(5)
    for (const source of [second!, third!]) {
      expect(source.getSnapshot().status).toBe('fresh')
      expect(source.timeline.entries().some((entry) => entry.event === 'failed')).toBe(false)
    }
    expect(await second!.getToken()).toBe(await third!.getToken())
    second!.destroy()
    third!.destroy()
  })

  it('tabs with different keys never share a token', async () => {
    const issuer = createIssuer({ lifetime: 20 })
    const bus = createBus()
    const locks = createLocks()
    const alice = tab(issuer, bus, locks, 'alice')
    const bob = tab(issuer, bus, locks, 'bob')
    const [a, b] = await Promise.all([alice.getToken(), bob.getToken()])
    expect(a).not.toBe(b)
    expect(issuer.calls).toHaveLength(2)
    alice.destroy()
    bob.destroy()
  })

  it('falls back without Web Locks: a tab shares the token it has, and a due one fetches', async () => {
    const issuer = createIssuer({ lifetime: 20 })
    const bus = createBus()
    const first = tab(issuer, bus, null)
    // Nobody answers its request: after a short wait it fetches itself.
    const fetched = first.getToken()
    await vi.advanceTimersByTimeAsync(300)
    await fetched
    const second = tab(issuer, bus, null)
    expect(await second.getToken()).toBe(await first.getToken())
    expect(issuer.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(70 * SECOND)
    // No leader: at most one request per tab per cycle, usually fewer.
    expect(issuer.calls.length - 1).toBeLessThanOrEqual(2 * 6)
    expect(first.getSnapshot().status).toBe('fresh')
    first.destroy()
    second.destroy()
  })

  it('without BroadcastChannel each tab is alone, as without the option', async () => {
    const issuer = createIssuer({ lifetime: 20 })
    const source = createTokenSource({
      fetchToken: issuer.fetchToken,
      environment: null,
      shareAcrossTabs: shareAcrossTabs({ key: 'alice', channel: undefined, locks: null }),
    })
    vi.stubGlobal('BroadcastChannel', undefined)
    try {
      await source.getToken()
      expect(issuer.calls).toHaveLength(1)
    } finally {
      vi.unstubAllGlobals()
      source.destroy()
    }
  })

  it('a follower whose leader does not answer fetches itself after the wait', async () => {
    const issuer = createIssuer({ lifetime: 600 })
    const bus = createBus()
    // A lock held by a frozen tab that never answers.
    const locks: TabLocks = { request: () => new Promise(() => {}) }
    const follower = tab(issuer, bus, locks)
    const token = follower.getToken()
    await vi.advanceTimersByTimeAsync(2_999)
    expect(issuer.calls).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(await token).toBe(issuer.issued[0])
    follower.destroy()
  })
})
