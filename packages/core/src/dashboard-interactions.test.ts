import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeApi, resultOf, salesOverview } from '../test/fake-api'
import { createIssuer } from '../test/support'
import {
  type ControllerContext,
  createDashboardController,
  type DashboardSnapshot,
} from './dashboard'
import { dashboardEvents } from './dashboard-events'
import { InsetError } from './errors'
import { defaultScheduler } from './timing'
import { createTokenSource } from './token-source'
import type { DashboardDefinition } from './wire'

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-03-01T12:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

const definition: DashboardDefinition = {
  ...salesOverview,
  filters: [
    ...salesOverview.filters,
    {
      id: 'category',
      type: 'select',
      label: 'Category',
      dimension: 'category',
      multiple: true,
      options: ['Hardware', 'Software'],
    },
  ],
  tiles: [
    salesOverview.tiles[0]!,
    {
      ...salesOverview.tiles[1]!,
      crossFilter: 'category',
      drill: [
        { dimension: 'category', label: 'Category' },
        { dimension: 'product', label: 'Product' },
      ],
    },
  ],
}

function setup() {
  const fake = createFakeApi()
  const tokens = createTokenSource({ fetchToken: createIssuer().fetchToken, environment: null })
  const dashboard = createDashboardController(
    { api: fake.api, tokens, scheduler: defaultScheduler, random: () => 1 },
    'sales-overview',
  )
  const events: string[] = []
  let previous: DashboardSnapshot | undefined = dashboard.getSnapshot()
  dashboard.subscribe((next) => {
    for (const event of dashboardEvents(previous, next))
      if (event.type === 'filterChange' || event.type === 'drillChange')
        events.push(JSON.stringify(event))
    previous = next
  })
  /** Answers what is pending; returns the tile requests by tile id. */
  const settle = async () => {
    await vi.advanceTimersByTimeAsync(0)
    for (const call of fake.pending('dashboard')) call.resolve(definition)
    await vi.advanceTimersByTimeAsync(0)
    const requests: Record<string, unknown> = {}
    for (const call of fake.pending('tile')) {
      requests[call.args[1] as string] = call.args[2]
      call.resolve(resultOf(1))
    }
    await vi.advanceTimersByTimeAsync(0)
    return requests
  }
  return { ...fake, dashboard, events, settle }
}

describe('cross-filtering', () => {
  it('a point sets the filter for the other tiles; the same point again clears it', async () => {
    const { dashboard, events, settle } = setup()
    await settle()
    dashboard.toggleCrossFilter('by-category', 'Hardware')
    expect(dashboard.getSnapshot().selection).toEqual({
      tileId: 'by-category',
      filterId: 'category',
      value: 'Hardware',
    })
    const requests = await settle()
    // The clicked tile keeps every category (its own filter left out); the others narrow.
    expect(requests.revenue).toEqual({
      filters: { date: { from: '2026-01-01' }, category: ['Hardware'] },
    })
    expect(requests['by-category']).toEqual({ filters: { date: { from: '2026-01-01' } } })
    expect(events).toEqual([
      JSON.stringify({
        type: 'filterChange',
        filters: { date: { from: '2026-01-01' }, category: ['Hardware'] },
        origin: 'user',
      }),
    ])

    dashboard.toggleCrossFilter('by-category', 'Hardware')
    expect(dashboard.getSnapshot().selection).toBeUndefined()
    expect(dashboard.getSnapshot().filters).toEqual({ date: { from: '2026-01-01' } })
    await settle()
  })

  it('a filter bar change of that filter ends the selection; another filter keeps it', async () => {
    const { dashboard, settle } = setup()
    await settle()
    dashboard.toggleCrossFilter('by-category', 'Software')
    await settle()
    dashboard.setFilters({ region: ['EU'] }, { origin: 'user' })
    expect(dashboard.getSnapshot().selection?.value).toBe('Software')
    dashboard.setFilters({ category: ['Hardware', 'Software'] }, { origin: 'user' })
    expect(dashboard.getSnapshot().selection).toBeUndefined()
  })

  it('does nothing for a tile without a cross-filter', async () => {
    const { dashboard, settle } = setup()
    await settle()
    const before = dashboard.getSnapshot()
    dashboard.toggleCrossFilter('revenue', 'x')
    expect(dashboard.getSnapshot()).toBe(before)
  })
})

describe('drill-down', () => {
  it('drills one tile to the next level and back, querying only that tile, with events', async () => {
    const { dashboard, events, settle } = setup()
    await settle()
    dashboard.drillTo('by-category', 'Hardware')
    expect(dashboard.getSnapshot().drill).toEqual({ 'by-category': ['Hardware'] })
    const requests = await settle()
    expect(Object.keys(requests)).toEqual(['by-category'])
    expect(requests['by-category']).toEqual({
      filters: { date: { from: '2026-01-01' } },
      drill: ['Hardware'],
    })
    // The path has two levels: no deeper than the last.
    dashboard.drillTo('by-category', 'Widget')
    expect(dashboard.getSnapshot().drill['by-category']).toEqual(['Hardware'])
    dashboard.drillUp('by-category')
    expect(dashboard.getSnapshot().drill).toEqual({})
    expect((await settle())['by-category']).toEqual({ filters: { date: { from: '2026-01-01' } } })
    expect(events).toEqual([
      JSON.stringify({ type: 'drillChange', tileId: 'by-category', drill: ['Hardware'] }),
      JSON.stringify({ type: 'drillChange', tileId: 'by-category', drill: [] }),
    ])
  })

  it('keeps the drill across a refresh (and so across a token refresh)', async () => {
    const { dashboard, settle } = setup()
    await settle()
    dashboard.drillTo('by-category', 'Hardware')
    await settle()
    dashboard.refresh()
    const requests = await settle()
    expect(requests['by-category']).toMatchObject({ drill: ['Hardware'] })
    expect(dashboard.getSnapshot().drill).toEqual({ 'by-category': ['Hardware'] })
  })

  it('exports with the current filters and drill', async () => {
    const { dashboard, settle, pending } = setup()
    await settle()
    dashboard.drillTo('by-category', 'Hardware')
    await settle()
    const csv = dashboard.exportCsv('by-category', { bom: true })
    const [call] = pending('export')
    expect(call!.args).toEqual([
      'sales-overview',
      'by-category',
      { filters: { date: { from: '2026-01-01' } }, drill: ['Hardware'], bom: true },
    ])
    const blob = new Blob(['a,b\n'])
    call!.resolve(blob)
    await expect(csv).resolves.toBe(blob)
  })
})

describe('loadInOneRequest', () => {
  it('loads the definition and every tile in one request, with the filters and drill', async () => {
    const fake = createFakeApi()
    const tokens = createTokenSource({ fetchToken: createIssuer().fetchToken, environment: null })
    const dashboard = createDashboardController(
      {
        api: fake.api,
        tokens,
        scheduler: defaultScheduler,
        random: () => 1,
        loadInOneRequest: true,
      },
      'sales-overview',
      { filters: { region: ['EU'] } },
    )
    dashboard.subscribe(() => {})
    await vi.advanceTimersByTimeAsync(0)
    const [call] = fake.pending('load')
    expect(call!.args).toEqual(['sales-overview', { filters: { region: ['EU'] }, drill: {} }])
    call!.resolve({
      definition,
      tiles: {
        revenue: { data: resultOf(7) },
        'by-category': { error: { code: 'query', message: 'The query failed' } },
      },
    })
    await vi.advanceTimersByTimeAsync(0)
    const snapshot = dashboard.getSnapshot()
    expect(fake.pending('dashboard')).toHaveLength(0)
    expect(fake.pending('tile')).toHaveLength(0)
    expect(snapshot.state).toBe('ready')
    expect(snapshot.tiles.revenue).toEqual({ status: 'ready', data: resultOf(7) })
    expect(snapshot.tiles['by-category']?.error?.code).toBe('query')
    // Later changes query the tiles as before.
    dashboard.setFilters({ region: ['NA'] })
    await vi.advanceTimersByTimeAsync(0)
    expect(fake.pending('tile').map((c) => c.args[1])).toEqual(['revenue', 'by-category'])
    dashboard.destroy()
  })

  /** A context that loads in one request, as `createInset()` makes by default. */
  function oneRequestContext() {
    const fake = createFakeApi()
    const tokens = createTokenSource({ fetchToken: createIssuer().fetchToken, environment: null })
    const context: ControllerContext = {
      api: fake.api,
      tokens,
      scheduler: defaultScheduler,
      random: () => 1,
      loadInOneRequest: true,
    }
    return { fake, context }
  }

  it('falls back to the definition, then each tile, for a server without the route, and remembers it', async () => {
    const { fake, context } = oneRequestContext()
    const first = createDashboardController(context, 'sales-overview')
    first.subscribe(() => {})
    await vi.advanceTimersByTimeAsync(0)
    fake.pending('load')[0]!.reject(new InsetError('not_found', 'No route', { status: 404 }))
    await vi.advanceTimersByTimeAsync(0)
    fake.pending('dashboard')[0]!.resolve(definition)
    await vi.advanceTimersByTimeAsync(0)
    for (const [index, call] of fake.pending('tile').entries()) call.resolve(resultOf(index))
    await vi.advanceTimersByTimeAsync(0)
    expect(first.getSnapshot().state).toBe('ready')
    expect(first.getSnapshot().tiles.revenue).toEqual({ status: 'ready', data: resultOf(0) })

    // Another dashboard of the same connection does not ask `…/load` again.
    const second = createDashboardController(context, 'sales-overview')
    second.subscribe(() => {})
    await vi.advanceTimersByTimeAsync(0)
    expect(fake.pending('load')).toHaveLength(0)
    expect(fake.pending('dashboard')).toHaveLength(1)
    expect(fake.calls.filter((call) => call.kind === 'load')).toHaveLength(1)
    first.destroy()
    second.destroy()
  })

  it('keeps loading in one request after a 404 for a dashboard that does not exist', async () => {
    const { fake, context } = oneRequestContext()
    const dashboard = createDashboardController(context, 'nope')
    dashboard.subscribe(() => {})
    await vi.advanceTimersByTimeAsync(0)
    fake.pending('load')[0]!.reject(new InsetError('not_found', 'No dashboard "nope"'))
    await vi.advanceTimersByTimeAsync(0)
    fake.pending('dashboard')[0]!.reject(new InsetError('not_found', 'No dashboard "nope"'))
    await vi.advanceTimersByTimeAsync(0)
    expect(dashboard.getSnapshot().error?.code).toBe('not_found')
    expect(context.loadInOneRequest).toBe(true)
    dashboard.refresh()
    await vi.advanceTimersByTimeAsync(0)
    expect(fake.pending('load')).toHaveLength(1)
    dashboard.destroy()
  })

  it('does not fall back on other failures of the load, and names a tile left out of the answer', async () => {
    const { fake, context } = oneRequestContext()
    const dashboard = createDashboardController(context, 'sales-overview')
    dashboard.subscribe(() => {})
    await vi.advanceTimersByTimeAsync(0)
    fake.pending('load')[0]!.reject(new InsetError('forbidden', 'Not yours'))
    await vi.advanceTimersByTimeAsync(0)
    expect(fake.pending('dashboard')).toHaveLength(0)
    expect(dashboard.getSnapshot().error?.code).toBe('forbidden')
    expect(context.loadInOneRequest).toBe(true)
    dashboard.refresh()
    await vi.advanceTimersByTimeAsync(0)
    fake.pending('load')[0]!.resolve({ definition, tiles: { revenue: { data: resultOf(3) } } })
    await vi.advanceTimersByTimeAsync(0)
    const { tiles } = dashboard.getSnapshot()
    expect(tiles.revenue).toEqual({ status: 'ready', data: resultOf(3) })
    expect(tiles['by-category']?.status).toBe('error')
    expect(tiles['by-category']?.error?.message).toBe('No result for tile "by-category"')
    dashboard.destroy()
  })
})
