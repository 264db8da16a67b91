import type { DashboardState, Filters, Inset, InsetError, TileSnapshot } from '@inset/core'
import type {
  InsetAssistantElement,
  InsetDashboardElement,
  InsetEvent,
  InsetThemeInput,
} from '@inset/elements'
import type { ComponentProps, ReactNode, Ref } from 'react'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type InsetAssistant,
  type InsetDashboard,
  type InsetDashboardProps,
  InsetProvider,
  type InsetProviderProps,
  useAssistant,
  useDashboard,
  useInset,
} from './index'

describe('InsetProvider', () => {
  it('takes serverUrl + fetchToken, or an instance, but not both', () => {
    expectTypeOf<{
      serverUrl: string
      fetchToken: () => Promise<string>
      theme: 'dark'
    }>().toExtend<InsetProviderProps>()
    expectTypeOf<{ inset: Inset; theme: { mode: 'light' } }>().toExtend<InsetProviderProps>()
    expectTypeOf<{ serverUrl: string }>().not.toExtend<InsetProviderProps>()
    expectTypeOf<{
      inset: Inset
      serverUrl: string
      fetchToken: () => Promise<string>
    }>().not.toExtend<InsetProviderProps>()
    expectTypeOf(InsetProvider).returns.toEqualTypeOf<ReactNode>()
  })
})

describe('InsetDashboard', () => {
  type Props = ComponentProps<typeof InsetDashboard>

  it('needs a dashboardId and types filters, theme and host props', () => {
    expectTypeOf<{ dashboardId: string }>().toExtend<Props>()
    expectTypeOf<{ filters: Filters }>().not.toExtend<Props>()
    expectTypeOf<Props['filters']>().toEqualTypeOf<Filters | undefined>()
    expectTypeOf<Props['theme']>().toEqualTypeOf<InsetThemeInput | undefined>()
    expectTypeOf<{ dashboardId: string; className: string; id: string }>().toExtend<Props>()
    expectTypeOf<{ dashboardId: string; style: { height: number } }>().toExtend<Props>()
  })

  it('types each callback from the event table, and has no assistant-only ones', () => {
    expectTypeOf<NonNullable<Props['onFilterChange']>>()
      .parameter(0)
      .toEqualTypeOf<InsetEvent<'inset-filter-change'>>()
    expectTypeOf<NonNullable<Props['onError']>>()
      .parameter(0)
      .toEqualTypeOf<InsetEvent<'inset-error'>>()
    expectTypeOf<
      Parameters<NonNullable<Props['onDataPointClick']>>[0]['detail']['value']
    >().toEqualTypeOf<string | number | boolean | null>()
    expectTypeOf<Props>().not.toHaveProperty('onAnswer')
  })

  it('forwards the ref to the element', () => {
    expectTypeOf<Props['ref']>().toEqualTypeOf<Ref<InsetDashboardElement> | undefined>()
    expectTypeOf<InsetDashboardProps>().not.toHaveProperty('children')
  })
})

describe('InsetAssistant', () => {
  type Props = ComponentProps<typeof InsetAssistant>

  it('takes an optional dashboard link and answers', () => {
    expectTypeOf<Record<string, never>>().toExtend<Props>()
    expectTypeOf<Props['for']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<NonNullable<Props['onAnswer']>>()
      .parameter(0)
      .toEqualTypeOf<InsetEvent<'inset-answer'>>()
    expectTypeOf<Props>().not.toHaveProperty('onFilterChange')
    expectTypeOf<Props['ref']>().toEqualTypeOf<Ref<InsetAssistantElement> | undefined>()
  })
})

describe('hooks', () => {
  it('useInset gives the core instance', () => {
    expectTypeOf(useInset).returns.toEqualTypeOf<Inset>()
  })

  it('useDashboard gives state, data and actions', () => {
    expectTypeOf(useDashboard).parameter(0).toEqualTypeOf<string>()
    expectTypeOf(useDashboard).toBeCallableWith('sales-overview', { filters: { region: ['EU'] } })
    const result = useDashboard('sales-overview')
    expectTypeOf(result.state).toEqualTypeOf<DashboardState>()
    expectTypeOf(result.tiles).toEqualTypeOf<Readonly<Record<string, TileSnapshot>>>()
    expectTypeOf(result.error).toEqualTypeOf<InsetError | undefined>()
    expectTypeOf(result.filters).toEqualTypeOf<Filters>()
    expectTypeOf(result.setFilters).toBeCallableWith({ region: ['EU'] })
    expectTypeOf(result.setFilters).toBeCallableWith((current: Filters) => current)
    expectTypeOf(result.refresh).toEqualTypeOf<() => void>()
  })

  it('useAssistant gives messages and ask', () => {
    const result = useAssistant({ dashboardId: 'sales-overview' })
    expectTypeOf(result.ask).toEqualTypeOf<(question: string) => Promise<void>>()
    expectTypeOf(result.messages[0]!.role).toEqualTypeOf<'user' | 'assistant'>()
  })
})
