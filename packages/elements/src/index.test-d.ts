import type { DashboardDefinition, Filters, InsetError } from '@inset/core'
import { describe, expectTypeOf, it } from 'vitest'
import {
  INSET_EVENTS,
  type InsetAnswerDetail,
  type InsetAssistantElement,
  type InsetDashboardElement,
  type InsetEvent,
  type InsetEventDetailMap,
  type InsetEventHandlers,
  type InsetEventName,
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

  it('keys the event table by every event name, with its handler name', () => {
    expectTypeOf<keyof typeof INSET_EVENTS>().toEqualTypeOf<InsetEventName>()
    expectTypeOf(INSET_EVENTS['inset-answer'].handler).toEqualTypeOf<'onAnswer'>()
    expectTypeOf<InsetEventHandlers['onAnswer']>().toEqualTypeOf<
      ((event: InsetEvent<'inset-answer'>) => void) | undefined
    >()
    expectTypeOf<InsetEventDetailMap['inset-answer']>().toEqualTypeOf<InsetAnswerDetail>()
  })

  it('exposes methods and properties the wrappers set', () => {
    expectTypeOf<InsetDashboardElement['setFilters']>().parameters.toEqualTypeOf<
      [Filters | ((current: Filters) => Filters)]
    >()
    expectTypeOf<InsetDashboardElement['refresh']>().returns.toBeVoid()
    expectTypeOf<InsetAssistantElement['ask']>().returns.toEqualTypeOf<Promise<void>>()
    expectTypeOf<InsetAssistantElement['for']>().toEqualTypeOf<string | undefined>()
  })
})
