import { describe, expectTypeOf, it } from 'vitest'
import {
  type AssistantEvent,
  type AssistantMessage,
  type AssistantSnapshot,
  createEmitter,
  createInset,
  createTokenSource,
  type DashboardController,
  type DashboardSnapshot,
  type DashboardState,
  type FetchTokenContext,
  type InsetCssVariables,
  InsetError,
  type InsetErrorCode,
  type QueryResult,
  type TileSnapshot,
  type TokenSnapshot,
  themeToCssVariables,
} from './index'

describe('public types', () => {
  it('createTokenSource takes the DESIGN contract fetchToken, and a Response', () => {
    createTokenSource({ fetchToken: async () => 'token' })
    createTokenSource({ fetchToken: async () => ({ token: 't', expiresAt: Date.now() }) })
    createTokenSource({ fetchToken: ({ signal }) => fetch('/api/inset-token', { signal }) })
    expectTypeOf<FetchTokenContext['reason']>().toEqualTypeOf<
      'initial' | 'refresh' | 'expired' | 'invalidated' | 'resume'
    >()
    // @ts-expect-error a token source needs fetchToken
    createTokenSource({})
    // @ts-expect-error fetchToken must resolve to a token
    createTokenSource({ fetchToken: async () => 42 })
  })

  it('exposes token snapshots with the contract statuses', () => {
    const tokens = createTokenSource({ fetchToken: async () => 'token' })
    expectTypeOf(tokens.getToken()).toEqualTypeOf<Promise<string>>()
    expectTypeOf(tokens.getSnapshot()).toEqualTypeOf<TokenSnapshot>()
    expectTypeOf<TokenSnapshot['status']>().toEqualTypeOf<
      'idle' | 'fetching' | 'fresh' | 'refreshing' | 'error'
    >()
    expectTypeOf(tokens.subscribe).returns.toEqualTypeOf<() => void>()
  })

  it('createInset needs a server URL and a way to get tokens', () => {
    const tokens = createTokenSource({ fetchToken: async () => 'token' })
    const inset = createInset({ serverUrl: 'https://inset.example.com', tokens })
    createInset({ serverUrl: 'https://inset.example.com', fetchToken: async () => 'token' })
    // @ts-expect-error serverUrl is required
    createInset({ fetchToken: async () => 'token' })
    expectTypeOf(inset.dashboard('sales-overview')).toEqualTypeOf<DashboardController>()
    expectTypeOf(inset.api.getDashboard('x')).resolves.toHaveProperty('tiles')
    expectTypeOf(
      inset.api.queryTile('d', 't', { filters: { region: ['EU'] } }),
    ).resolves.toEqualTypeOf<QueryResult>()
  })

  it('dashboard snapshots are typed for useSyncExternalStore', () => {
    const inset = createInset({ serverUrl: 'https://x.test', fetchToken: async () => 't' })
    const dashboard = inset.dashboard('sales-overview', { filters: { region: ['EU'] } })
    expectTypeOf(dashboard.getSnapshot).returns.toEqualTypeOf<DashboardSnapshot>()
    expectTypeOf<DashboardState>().toEqualTypeOf<
      'idle' | 'authenticating' | 'loading' | 'ready' | 'updating' | 'error' | 'destroyed'
    >()
    expectTypeOf<DashboardSnapshot['tiles'][string]>().toEqualTypeOf<TileSnapshot>()
    expectTypeOf<TileSnapshot['error']>().toEqualTypeOf<InsetError | undefined>()
    dashboard.setFilters({ date: { from: '2025-01-01' } })
    dashboard.setFilters((current) => ({ ...current, channel: ['online'] }))
    // @ts-expect-error filter values are strings, numbers, booleans, lists or date ranges
    dashboard.setFilters({ region: { nested: { deep: true } } })
  })

  it('assistant events narrow by name', async () => {
    const inset = createInset({ serverUrl: 'https://x.test', fetchToken: async () => 't' })
    for await (const item of inset.api.ask({ question: 'Revenue?' })) {
      expectTypeOf(item).toEqualTypeOf<AssistantEvent>()
      if (item.event === 'text') expectTypeOf(item.data).toEqualTypeOf<{ delta: string }>()
      if (item.event === 'result') expectTypeOf(item.data).toEqualTypeOf<QueryResult>()
    }
    const chat = inset.assistant({ context: { dashboardId: 'sales-overview' } })
    expectTypeOf(chat.ask('Revenue?')).toEqualTypeOf<Promise<void>>()
    expectTypeOf(chat.getSnapshot()).toEqualTypeOf<AssistantSnapshot>()
    expectTypeOf<AssistantMessage['role']>().toEqualTypeOf<'user' | 'assistant'>()
  })

  it('errors carry a stable code', () => {
    expectTypeOf(new InsetError('timeout', 'x').code).toEqualTypeOf<InsetErrorCode>()
    // @ts-expect-error unknown code
    new InsetError('teapot', 'x')
  })

  it('theme variables are named --inset-*', () => {
    const variables = themeToCssVariables({ density: 'compact', mode: 'dark' })
    expectTypeOf(variables).toEqualTypeOf<InsetCssVariables>()
    expectTypeOf(variables['--inset-color-primary']).toBeString()
    // @ts-expect-error no such variable
    variables['--inset-colour-primary']
    // @ts-expect-error no such density
    themeToCssVariables({ density: 'spacious' })
  })

  it('createEmitter is typed by its value', () => {
    const emitter = createEmitter<number>()
    emitter.subscribe((value) => expectTypeOf(value).toBeNumber())
    // @ts-expect-error emits numbers only
    emitter.emit('one')
  })
})
