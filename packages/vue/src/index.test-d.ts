import type { DashboardState, Filters, Inset, InsetError, TileSnapshot } from '@inset/core'
import type {
  InsetAssistantElement,
  InsetDashboardElement,
  InsetEvent,
  InsetThemeInput,
} from '@inset/elements'
import { describe, expectTypeOf, it } from 'vitest'
import type { ComputedRef, Ref } from 'vue'
import {
  createInsetPlugin,
  type InsetAssistant,
  type InsetConfig,
  type InsetDashboard,
  provideInset,
  useAssistant,
  useDashboard,
  useInset,
} from './index'

describe('configuration', () => {
  it('takes serverUrl + fetchToken, or an instance, and a theme that may be a ref', () => {
    expectTypeOf<{ serverUrl: string; fetchToken: () => Promise<string> }>().toExtend<InsetConfig>()
    expectTypeOf<{ inset: Inset; theme: Ref<'dark'> }>().toExtend<InsetConfig>()
    expectTypeOf<{ inset: Inset; theme: () => InsetThemeInput }>().toExtend<InsetConfig>()
    expectTypeOf<{ theme: 'dark' }>().not.toExtend<InsetConfig>()
    expectTypeOf(createInsetPlugin).returns.toHaveProperty('install')
    expectTypeOf(provideInset).returns.toEqualTypeOf<Inset>()
    expectTypeOf(useInset).returns.toEqualTypeOf<Inset>()
  })
})

describe('InsetDashboard', () => {
  type Instance = InstanceType<typeof InsetDashboard>
  type Props = Instance['$props']

  it('needs a dashboardId and types its props from the element table', () => {
    expectTypeOf<Props['dashboardId']>().toEqualTypeOf<string>()
    expectTypeOf<Props['filters']>().toEqualTypeOf<Filters | undefined>()
    expectTypeOf<Props['theme']>().toEqualTypeOf<InsetThemeInput | undefined>()
    expectTypeOf<Props['locale']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<Props>().not.toHaveProperty('inset')
    expectTypeOf<Props>().not.toHaveProperty('for')
  })

  it('types each emit from the event table, v-model:filters, and has no assistant-only ones', () => {
    expectTypeOf<NonNullable<Props['onFilterChange']>>()
      .parameter(0)
      .toEqualTypeOf<InsetEvent<'inset-filter-change'>>()
    expectTypeOf<NonNullable<Props['onDataPointClick']>>()
      .parameter(0)
      .toEqualTypeOf<InsetEvent<'inset-data-point-click'>>()
    expectTypeOf<NonNullable<Props['onError']>>()
      .parameter(0)
      .toEqualTypeOf<InsetEvent<'inset-error'>>()
    expectTypeOf<NonNullable<Props['onUpdate:filters']>>().parameter(0).toEqualTypeOf<Filters>()
    expectTypeOf<Props>().not.toHaveProperty('onAnswer')
  })

  it('exposes the element to a template ref', () => {
    expectTypeOf<Instance['element']>().toEqualTypeOf<InsetDashboardElement | undefined>()
  })
})

describe('InsetAssistant', () => {
  type Instance = InstanceType<typeof InsetAssistant>
  type Props = Instance['$props']

  it('links by for or by a controller, and emits answers', () => {
    expectTypeOf<Props['for']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<Props['dashboard']>().toEqualTypeOf<
      ReturnType<typeof useDashboard>['controller']['value'] | undefined
    >()
    expectTypeOf<NonNullable<Props['onAnswer']>>()
      .parameter(0)
      .toEqualTypeOf<InsetEvent<'inset-answer'>>()
    expectTypeOf<Props>().not.toHaveProperty('onFilterChange')
    expectTypeOf<Instance['element']>().toEqualTypeOf<InsetAssistantElement | undefined>()
  })
})

describe('composables', () => {
  it('useDashboard takes refs and getters and gives read-only refs and actions', () => {
    expectTypeOf(useDashboard).toBeCallableWith('sales-overview')
    expectTypeOf(useDashboard).toBeCallableWith({} as Ref<string>, {
      filters: {} as ComputedRef<Filters>,
    })
    expectTypeOf(useDashboard).toBeCallableWith(() => 'sales-overview', {
      filters: () => ({ region: ['EU'] }),
    })
    const result = useDashboard('sales-overview')
    expectTypeOf(result.state.value).toEqualTypeOf<DashboardState>()
    expectTypeOf(result.tiles.value).toEqualTypeOf<Readonly<Record<string, TileSnapshot>>>()
    expectTypeOf(result.error.value).toEqualTypeOf<InsetError | undefined>()
    expectTypeOf(result.filters.value).toEqualTypeOf<Filters>()
    expectTypeOf(result.setFilters).toBeCallableWith((current: Filters) => current)
    expectTypeOf(result.refresh).toEqualTypeOf<() => void>()
    // @ts-expect-error read-only: state comes from the controller
    result.state.value = 'ready'
  })

  it('useAssistant follows a dashboard controller ref and gives messages and ask', () => {
    const dashboard = useDashboard('sales-overview')
    const result = useAssistant({ dashboard: dashboard.controller })
    expectTypeOf(result.ask).toEqualTypeOf<(question: string) => Promise<void>>()
    expectTypeOf(result.messages.value[0]!.role).toEqualTypeOf<'user' | 'assistant'>()
  })
})
