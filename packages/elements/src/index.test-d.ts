import type { DashboardDefinition, Filters, InsetError } from '@inset/core'
import { describe, expectTypeOf, it } from 'vitest'
import {
  INSET_ELEMENTS,
  type InsetAnswerDetail,
  type InsetAssistantElement,
  type InsetDashboardElement,
  type InsetElementEvents,
  type InsetElementProps,
  type InsetEvent,
  type InsetEventCallbacks,
  type InsetEventDetailMap,
  type InsetEventKey,
  type InsetThemeInput,
} from './index'

describe('public types', () => {
  it('types every event on the elements through HTMLElementEventMap', () => {
    const dashboard = document.createElement('inset-dashboard')
    expectTypeOf(dashboard).toEqualTypeOf<InsetDashboardElement>()
    expectTypeOf(document.createElement('inset-assistant')).toEqualTypeOf<InsetAssistantElement>()
    dashboard.addEventListener('inset-filter-change', (event) => {
      expectTypeOf(event.detail.filters).toEqualTypeOf<Filters>()
      expectTypeOf(event.detail.origin).toEqualTypeOf<'user' | 'api'>()
    })
    dashboard.addEventListener('inset-error', (event) => {
      expectTypeOf(event.detail.error).toEqualTypeOf<InsetError>()
      expectTypeOf(event.detail.tileId).toEqualTypeOf<string | undefined>()
    })
    dashboard.addEventListener('inset-ready', (event) => {
      if (event.detail.source === 'dashboard')
        expectTypeOf(event.detail.definition).toEqualTypeOf<DashboardDefinition>()
    })
  })

  it('derives props, events and callbacks of each element from the one table', () => {
    expectTypeOf<keyof typeof INSET_ELEMENTS>().toEqualTypeOf<
      'inset-dashboard' | 'inset-assistant'
    >()
    expectTypeOf<InsetEventKey<'inset-filter-change'>>().toEqualTypeOf<'filterChange'>()
    expectTypeOf<keyof InsetElementEvents<'inset-dashboard'>>().toEqualTypeOf<
      | 'ready'
      | 'error'
      | 'stateChange'
      | 'filterChange'
      | 'dataPointClick'
      | 'drillChange'
      | 'export'
      | 'askAbout'
    >()
    expectTypeOf<keyof InsetElementEvents<'inset-assistant'>>().toEqualTypeOf<
      'ready' | 'error' | 'stateChange' | 'dataPointClick' | 'answer'
    >()
    expectTypeOf<InsetEventCallbacks<'inset-assistant'>['onAnswer']>().toEqualTypeOf<
      ((event: InsetEvent<'inset-answer'>) => void) | undefined
    >()
    expectTypeOf<InsetElementProps<'inset-dashboard'>>().toEqualTypeOf<{
      theme?: InsetThemeInput
      locale?: string
      currency?: string
      debug?: boolean
      dashboardId?: string
      filters?: Filters
      askAboutTiles?: boolean
    }>()
    expectTypeOf<InsetEventCallbacks<'inset-dashboard'>['onAskAbout']>().toEqualTypeOf<
      ((event: InsetEvent<'inset-ask-about'>) => void) | undefined
    >()
    expectTypeOf<InsetEventDetailMap['inset-answer']>().toEqualTypeOf<InsetAnswerDetail>()
  })

  it('exposes methods and properties the wrappers set', () => {
    expectTypeOf<InsetDashboardElement['setFilters']>().parameters.toEqualTypeOf<
      [Filters | ((current: Filters) => Filters)]
    >()
    const dashboard = document.createElement('inset-dashboard')
    for (const name of Object.keys(INSET_ELEMENTS['inset-dashboard'].properties))
      expectTypeOf(name in dashboard).toBeBoolean()
    expectTypeOf<InsetDashboardElement['refresh']>().returns.toBeVoid()
    expectTypeOf<InsetAssistantElement['ask']>().returns.toEqualTypeOf<Promise<void>>()
    expectTypeOf<InsetAssistantElement['for']>().toEqualTypeOf<string | undefined>()
  })
})
