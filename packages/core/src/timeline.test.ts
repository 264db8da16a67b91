import { createFakeServer } from '@inset/fake-server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createIssuer, SECRET } from '../test/support'
import { InsetError } from './errors'
import { createInset } from './inset'
import { createTimeline, formatTimelineEntry } from './timeline'
import { createTokenSource } from './token-source'

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-03-01T12:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('createTimeline', () => {
  it('keeps the last entries only and tells listeners', () => {
    const timeline = createTimeline(3)
    const seen: string[] = []
    timeline.subscribe((entry) => seen.push(entry.event))
    for (const event of ['a', 'b', 'c', 'd']) timeline.record('token', event)
    expect(timeline.entries().map((entry) => entry.event)).toEqual(['b', 'c', 'd'])
    expect(seen).toEqual(['a', 'b', 'c', 'd'])
  })

  it('formats an entry on one line, leaving out absent details', () => {
    expect(
      formatTimelineEntry(
        {
          at: 2_500,
          source: 'token',
          event: 'fetched',
          detail: { expiresInS: 600, status: undefined },
        },
        1_000,
      ),
    ).toBe('+1.500s token fetched expiresInS=600')
  })
})

describe('inset.debug()', () => {
  it('records fetches, failures with their retry, the schedule, skew and a replay, and never a token', async () => {
    let failures = 1
    const issuer = createIssuer({
      lifetime: 600,
      clockOffsetMs: 30_000,
      failWith: () =>
        failures-- > 0 ? Object.assign(new Error('down'), { status: 503 }) : undefined,
    })
    const server = createFakeServer({ secret: SECRET, clockOffsetMs: 30_000 })
    const inset = createInset({
      serverUrl: 'https://inset.test',
      fetchToken: issuer.fetchToken,
      fetch: server.fetch,
      random: () => 0.5,
    })
    const dashboard = inset.dashboard('sales-overview')
    const stop = dashboard.subscribe(() => {})
    await vi.advanceTimersByTimeAsync(2_000)
    expect(dashboard.getSnapshot().state).toBe('ready')
    const events = inset.debug().map((entry) => `${entry.source}:${entry.event}`)
    expect(events.slice(0, 4)).toEqual([
      'dashboard:load',
      'token:fetch',
      'token:failed',
      'token:fetch',
    ])
    expect(events).toContain('token:fetched')
    expect(events).toContain('token:scheduled')
    const failed = inset.debug().find((entry) => entry.event === 'failed')!
    expect(failed.detail).toMatchObject({ code: 'server', status: 503, attempt: 1 })
    expect(failed.detail?.retryInMs).toBeGreaterThan(0)
    const fetched = inset.debug().find((entry) => entry.event === 'fetched')!
    // The issuer's clock is 30 s ahead of this machine: measured from the token's `iat`.
    expect(fetched.detail?.skewMs).toBeGreaterThanOrEqual(29_000)
    const text = JSON.stringify(inset.debug())
    for (const token of issuer.issued) {
      expect(text).not.toContain(token)
      expect(text).not.toContain(token.split('.')[2]!)
    }
    stop()
    inset.destroy()
  })

  it('an auth failure carries the attempts and the skew', async () => {
    const tokens = createTokenSource({
      fetchToken: async () => {
        throw Object.assign(new Error('no session'), { status: 401 })
      },
      environment: null,
      timeline: createTimeline(),
    })
    const error = await tokens.getToken().catch((caught: InsetError) => caught)
    expect(error).toBeInstanceOf(InsetError)
    expect(error).toMatchObject({ code: 'auth', details: { attempts: 1, skewMs: 0 } })
    tokens.destroy()
  })
})
