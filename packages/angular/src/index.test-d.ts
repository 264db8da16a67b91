import type {
  EnvironmentProviders,
  InputSignal,
  ModelSignal,
  OutputEmitterRef,
  Signal,
} from '@angular/core'
import type {
  DashboardController,
  DashboardState,
  Filters,
  Inset,
  InsetError,
  TileSnapshot,
} from '@inset/core'
import type {
  InsetElementEvents,
  InsetElementProps,
  InsetEvent,
  InsetThemeInput,
} from '@inset/elements'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type InjectedAssistant,
  type InjectedDashboard,
  type InsetAssistant,
  type InsetDashboard,
  type InsetInputs,
  type InsetOutputs,
  injectAssistant,
  injectDashboard,
  injectInset,
  provideInset,
} from './index'

describe('provideInset', () => {
  it('takes serverUrl + fetchToken (a promise or an observable), or a function giving them', () => {
    expectTypeOf(provideInset).returns.toEqualTypeOf<EnvironmentProviders>()
    expectTypeOf(provideInset).toBeCallableWith({
      serverUrl: 'https://inset.example.com',
      fetchToken: async () => 'token',
      theme: 'dark',
    })
    expectTypeOf(provideInset).toBeCallableWith(() => ({
      serverUrl: 'https://inset.example.com',
      fetchToken: () => ({
        subscribe: () => ({ unsubscribe() {} }),
      }),
      theme: {} as Signal<InsetThemeInput | undefined>,
    }))
    // @ts-expect-error fetchToken is required
    provideInset({ serverUrl: 'https://inset.example.com' })
    expectTypeOf(injectInset).returns.toEqualTypeOf<Inset>()
  })
})

describe('InsetDashboard', () => {
  type Props = InsetElementProps<'inset-dashboard'>
  type Events = InsetElementEvents<'inset-dashboard'>

  it('has an input per property of the table, typed by it; filters binds two ways', () => {
    expectTypeOf<InsetDashboard>().toExtend<InsetInputs<'inset-dashboard'>>()
    expectTypeOf<InsetDashboard['dashboardId']>().toEqualTypeOf<InputSignal<string>>()
    expectTypeOf<InsetDashboard['filters']>().toEqualTypeOf<ModelSignal<Filters | undefined>>()
    expectTypeOf<InsetDashboard['theme']>().toEqualTypeOf<InputSignal<Props['theme']>>()
    expectTypeOf<InsetDashboard['locale']>().toEqualTypeOf<InputSignal<string | undefined>>()
  })

  it('has an output per event of the table, carrying its CustomEvent', () => {
    expectTypeOf<InsetDashboard>().toExtend<InsetOutputs<'inset-dashboard'>>()
    expectTypeOf<InsetDashboard['filterChange']>().toEqualTypeOf<
      OutputEmitterRef<InsetEvent<'inset-filter-change'>>
    >()
    expectTypeOf<InsetDashboard['ready']>().toEqualTypeOf<OutputEmitterRef<Events['ready']>>()
    expectTypeOf<InsetDashboard>().not.toHaveProperty('answer')
    expectTypeOf<InsetDashboard['element']>().toEqualTypeOf<
      HTMLElementTagNameMap['inset-dashboard']
    >()
  })
})

describe('InsetAssistant', () => {
  it('links by id or controller and answers, without dashboard-only outputs', () => {
    expectTypeOf<InsetAssistant>().toExtend<InsetInputs<'inset-assistant'>>()
    expectTypeOf<InsetAssistant>().toExtend<InsetOutputs<'inset-assistant'>>()
    expectTypeOf<InsetAssistant['for']>().toEqualTypeOf<InputSignal<string | undefined>>()
    expectTypeOf<InsetAssistant['dashboard']>().toEqualTypeOf<
      InputSignal<DashboardController | undefined>
    >()
    expectTypeOf<InsetAssistant['answer']>().toEqualTypeOf<
      OutputEmitterRef<InsetEvent<'inset-answer'>>
    >()
    expectTypeOf<InsetAssistant>().not.toHaveProperty('filterChange')
  })
})

describe('inject functions', () => {
  it('injectDashboard takes an id and filters or a signal of them, and gives signals and actions', () => {
    expectTypeOf(injectDashboard).toBeCallableWith('sales-overview', {
      filters: { region: ['EU'] },
    })
    expectTypeOf(injectDashboard).toBeCallableWith('sales-overview', {
      filters: {} as Signal<Filters | undefined>,
    })
    expectTypeOf<InjectedDashboard['controller']>().toEqualTypeOf<DashboardController>()
    expectTypeOf(injectDashboard).returns.toEqualTypeOf<InjectedDashboard>()
    expectTypeOf<InjectedDashboard['state']>().toEqualTypeOf<Signal<DashboardState>>()
    expectTypeOf<InjectedDashboard['tiles']>().toEqualTypeOf<
      Signal<Readonly<Record<string, TileSnapshot>>>
    >()
    expectTypeOf<InjectedDashboard['error']>().toEqualTypeOf<Signal<InsetError | undefined>>()
    expectTypeOf<InjectedDashboard['setFilters']>().toBeCallableWith((current: Filters) => current)
  })

  it('injectAssistant follows an injected dashboard, and gives messages and ask', () => {
    expectTypeOf(injectAssistant).toBeCallableWith({ dashboard: {} as InjectedDashboard })
    expectTypeOf(injectAssistant).toBeCallableWith({ context: { dashboardId: 'sales-overview' } })
    expectTypeOf<InjectedAssistant['ask']>().toEqualTypeOf<(question: string) => Promise<void>>()
    expectTypeOf<ReturnType<InjectedAssistant['messages']>[number]['role']>().toEqualTypeOf<
      'user' | 'assistant'
    >()
  })
})
