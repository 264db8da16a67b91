import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeApi, resultOf, salesOverview } from '../test/fake-api'
import { createIssuer } from '../test/support'
import { createDashboardController, type DashboardSnapshot } from './dashboard'
import { InsetError } from './errors'
import { defaultScheduler } from './timing'
import { createTokenSource } from './token-source'

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-03-01T12:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

function setup(options: { failToken?: () => unknown; honorAbort?: boolean } = {}) {
  const fake = createFakeApi(options)
  const issuer = createIssuer({ failWith: () => options.failToken?.() })
  const tokens = createTokenSource({
    fetchToken: issuer.fetchToken,
    environment: null,
    retry: { maxAttempts: 2 },
  })
  const dashboard = createDashboardController(
    { api: fake.api, tokens, scheduler: defaultScheduler, random: () => 1 },
    'sales-overview',
    { filters: { region: ['EU'] } },
  )
  const seen: DashboardSnapshot[] = []
  const watch = () => dashboard.subscribe((snapshot) => seen.push(snapshot))
  return { ...fake, issuer, tokens, dashboard, seen, watch }
}

/** Answers every pending call of a kind. */
function answer(
  pending: ReturnType<typeof createFakeApi>['pending'],
  kind: 'dashboard' | 'tile',
  value: (args: unknown[]) => unknown,
) {
  for (const call of pending(kind)) call.resolve(value(call.args))
}

const flush = () => vi.advanceTimersByTimeAsync(0)

describe('dashboard controller: lifecycle', () => {
  it('does nothing until the first subscriber, then goes authenticating → loading → ready', async () => {
    const { dashboard, calls, pending, seen, watch, issuer } = setup()
    expect(dashboard.getSnapshot()).toEqual({
      state: 'idle',
      filters: { region: ['EU'] },
      drill: {},
      tiles: {},
    })
    await flush()
    expect(calls).toHaveLength(0)
    expect(issuer.calls).toHaveLength(0)
    watch()
    expect(dashboard.getSnapshot().state).toBe('authenticating')
    await flush()
    expect(dashboard.getSnapshot().state).toBe('loading')
    answer(pending, 'dashboard', () => salesOverview)
    await flush()
    expect(dashboard.getSnapshot().tiles).toEqual({
      revenue: { status: 'loading' },
      'by-category': { status: 'loading' },
    })
    answer(pending, 'tile', ([, tileId]) => resultOf(tileId === 'revenue' ? 1 : 2))
    await flush()
    const ready = dashboard.getSnapshot()
    expect(ready).toMatchObject({
      state: 'ready',
      definition: salesOverview,
      filters: { date: { from: '2026-01-01' }, region: ['EU'] },
      tiles: {
        revenue: { status: 'ready', data: resultOf(1) },
        'by-category': { status: 'ready', data: resultOf(2) },
      },
    })
    expect(ready.error).toBeUndefined()
    expect(dashboard.getSnapshot()).toBe(ready)
    expect(new Set(seen.map((snapshot) => snapshot.state))).toEqual(
      new Set(['authenticating', 'loading', 'ready']),
    )
    // Tiles were queried with the definition's defaults under the host's filters.
    expect(calls.filter((call) => call.kind === 'tile')[0]!.args[2]).toEqual({
      filters: { date: { from: '2026-01-01' }, region: ['EU'] },
    })
  })

  it('keeps tiles that did not change identical between snapshots', async () => {
    const { dashboard, pending, watch } = setup()
    watch()
    await flush()
    answer(pending, 'dashboard', () => salesOverview)
    await flush()
    pending('tile')[0]!.resolve(resultOf(1))
    await flush()
    const revenue = dashboard.getSnapshot().tiles['revenue']
    pending('tile')[0]!.resolve(resultOf(2))
    await flush()
    expect(dashboard.getSnapshot().tiles['revenue']).toBe(revenue)
  })

  it('stops work after the last subscriber and resumes with the next', async () => {
    const { dashboard, calls, pending, watch } = setup()
    const first = watch()
    const second = watch()
    await flush()
    first()
    expect(calls[0]!.signal!.aborted).toBe(false)
    second()
    expect(calls[0]!.signal!.aborted).toBe(true)
    watch()
    await flush()
    answer(pending, 'dashboard', () => salesOverview)
    await flush()
    answer(pending, 'tile', () => resultOf(1))
    await flush()
    expect(dashboard.getSnapshot().state).toBe('ready')
    // A ready dashboard does not fetch again on a new subscription (e.g. React StrictMode).
    const count = calls.length
    const again = watch()
    again()
    watch()
    await flush()
    expect(calls).toHaveLength(count)
  })

  it('destroy() aborts, leaves no timer, and ignores later calls', async () => {
    const { dashboard, calls, watch, seen, tokens } = setup()
    watch()
    await flush()
    dashboard.destroy()
    expect(calls[0]!.signal!.aborted).toBe(true)
    expect(dashboard.getSnapshot().state).toBe('destroyed')
    expect(seen.at(-1)!.state).toBe('destroyed')
    const emitted = seen.length
    dashboard.setFilters({ region: ['NA'] })
    dashboard.refresh()
    dashboard.retry()
    dashboard.destroy()
    await flush()
    expect(seen).toHaveLength(emitted)
    expect(calls).toHaveLength(1)
    tokens.destroy()
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('dashboard controller: filters', () => {
  async function ready(options: { honorAbort?: boolean } = {}) {
    const context = setup(options)
    context.watch()
    await flush()
    answer(context.pending, 'dashboard', () => salesOverview)
    await flush()
    answer(context.pending, 'tile', () => resultOf(1))
    await flush()
    return context
  }

  it('merges partial filters, maps with a function, and removes undefined keys', async () => {
    const { dashboard, pending } = await ready()
    dashboard.setFilters({ channel: ['online'] })
    expect(dashboard.getSnapshot().filters).toEqual({
      date: { from: '2026-01-01' },
      region: ['EU'],
      channel: ['online'],
    })
    expect(dashboard.getSnapshot().state).toBe('updating')
    expect(dashboard.getSnapshot().tiles['revenue']).toEqual({
      status: 'updating',
      data: resultOf(1),
    })
    dashboard.setFilters((current) => ({ ...current, region: undefined as never }))
    expect(dashboard.getSnapshot().filters).toEqual({
      date: { from: '2026-01-01' },
      channel: ['online'],
    })
    await flush()
    expect(pending('tile').map((call) => call.args[2])).toEqual([
      { filters: { date: { from: '2026-01-01' }, channel: ['online'] } },
      { filters: { date: { from: '2026-01-01' }, channel: ['online'] } },
    ])
  })

  it('ignores a change to equal filters', async () => {
    const { dashboard, seen, calls } = await ready()
    const before = dashboard.getSnapshot()
    const emitted = seen.length
    dashboard.setFilters({ region: ['EU'], date: { from: '2026-01-01' } })
    dashboard.setOptions({ filters: { region: ['EU'] } })
    await flush()
    expect(dashboard.getSnapshot()).toBe(before)
    expect(seen).toHaveLength(emitted)
    expect(calls.filter((call) => call.kind === 'tile')).toHaveLength(2)
  })

  it('replaces the filters when setOptions brings new ones', async () => {
    const { dashboard } = await ready()
    dashboard.setOptions({ filters: { region: ['NA'] } })
    expect(dashboard.getSnapshot().filters).toEqual({
      date: { from: '2026-01-01' },
      region: ['NA'],
    })
  })

  it('drops responses of superseded filters, never rendering them out of order', async () => {
    const { dashboard, calls, pending, seen } = await ready({ honorAbort: false })
    dashboard.setFilters({ region: ['NA'] })
    await flush()
    const superseded = pending('tile')
    expect(superseded).toHaveLength(2)
    dashboard.setFilters({ region: ['EU', 'NA'] })
    await flush()
    expect(superseded.every((call) => call.signal!.aborted)).toBe(true)
    for (const call of pending('tile')) if (!superseded.includes(call)) call.resolve(resultOf(3))
    await flush()
    // A late answer to the superseded request changes nothing.
    for (const call of superseded) call.resolve(resultOf(2))
    await flush()
    expect(dashboard.getSnapshot().tiles['revenue']).toEqual({ status: 'ready', data: resultOf(3) })
    expect(dashboard.getSnapshot().state).toBe('ready')
    expect(
      seen.flatMap((snapshot) => snapshot.tiles['revenue']?.data?.rows[0] ?? []),
    ).not.toContain(2)
    expect(calls.filter((call) => call.kind === 'tile')).toHaveLength(6)
  })

  it('applies filters set while unsubscribed on the next subscription', async () => {
    const { dashboard, pending, watch } = setup()
    dashboard.setFilters({ region: ['NA'] })
    watch()
    await flush()
    answer(pending, 'dashboard', () => salesOverview)
    await flush()
    expect(pending('tile')[0]!.args[2]).toEqual({
      filters: { date: { from: '2026-01-01' }, region: ['NA'] },
    })
  })
})

describe('dashboard controller: failures and recovery', () => {
  it('retries a transient failure with backoff and recovers without a reload', async () => {
    const { dashboard, pending, watch } = setup()
    watch()
    await flush()
    pending('dashboard')[0]!.reject(new InsetError('server', 'Down', { status: 503 }))
    await flush()
    expect(dashboard.getSnapshot()).toMatchObject({ state: 'error', error: { code: 'server' } })
    expect(pending()).toHaveLength(0)
    // Full jitter with random() = 1: the first retry comes after 1 s.
    await vi.advanceTimersByTimeAsync(999)
    expect(pending()).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    answer(pending, 'dashboard', () => salesOverview)
    await flush()
    answer(pending, 'tile', () => resultOf(1))
    await flush()
    expect(dashboard.getSnapshot().state).toBe('ready')
    expect(dashboard.getSnapshot().error).toBeUndefined()
  })

  it('waits at least Retry-After when rate limited', async () => {
    const { dashboard, pending, watch } = setup()
    watch()
    await flush()
    pending('dashboard')[0]!.reject(
      new InsetError('rate_limited', 'Slow', { status: 429, retryAfter: 20_000 }),
    )
    await vi.advanceTimersByTimeAsync(19_999)
    expect(pending()).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(pending('dashboard')).toHaveLength(1)
    expect(dashboard.getSnapshot().state).toBe('loading')
  })

  it('does not retry a refusal, but refresh() always tries again', async () => {
    const { dashboard, pending, watch } = setup()
    watch()
    await flush()
    pending('dashboard')[0]!.reject(new InsetError('forbidden', 'Not in scope', { status: 403 }))
    await flush()
    expect(dashboard.getSnapshot()).toMatchObject({ state: 'error', error: { code: 'forbidden' } })
    expect(vi.getTimerCount()).toBe(1) // the token source's refresh timer only
    dashboard.refresh()
    await flush()
    expect(pending('dashboard')).toHaveLength(1)
  })

  it('keeps a failed tile on its own, with its last data, and retry() queries only it', async () => {
    const { dashboard, pending, watch, calls } = setup()
    watch()
    await flush()
    answer(pending, 'dashboard', () => salesOverview)
    await flush()
    answer(pending, 'tile', () => resultOf(1))
    await flush()
    dashboard.setFilters({ region: ['NA'] })
    await flush()
    pending('tile')[0]!.reject(new InsetError('query', 'Bad measure', { status: 422 }))
    pending('tile')[0]!.resolve(resultOf(5))
    await flush()
    expect(dashboard.getSnapshot()).toMatchObject({
      state: 'ready',
      tiles: {
        revenue: { status: 'error', data: resultOf(1), error: { code: 'query' } },
        'by-category': { status: 'ready', data: resultOf(5) },
      },
    })
    const before = calls.length
    dashboard.retry()
    await flush()
    expect(calls.slice(before).map((call) => call.args[1])).toEqual(['revenue'])
  })

  it('recovers when the token endpoint comes back', async () => {
    let down = true
    const { dashboard, pending, watch, issuer } = setup({
      failToken: () => down && new TypeError('offline'),
    })
    watch()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(dashboard.getSnapshot()).toMatchObject({ state: 'error', error: { code: 'network' } })
    down = false
    await vi.advanceTimersByTimeAsync(1_000)
    expect(issuer.issued).toHaveLength(1)
    answer(pending, 'dashboard', () => salesOverview)
    await flush()
    answer(pending, 'tile', () => resultOf(1))
    await flush()
    expect(dashboard.getSnapshot().state).toBe('ready')
  })

  it('retries at once when another component obtained a token', async () => {
    let down = true
    const { dashboard, tokens, pending, watch } = setup({
      failToken: () => down && new TypeError('offline'),
    })
    watch()
    await vi.advanceTimersByTimeAsync(600)
    expect(dashboard.getSnapshot().state).toBe('error')
    down = false
    await tokens.getToken()
    await flush()
    expect(pending('dashboard')).toHaveLength(1)
  })
})
