import type {
  AssistantSnapshot,
  DashboardController,
  DashboardSnapshot,
  Filters,
  Inset,
  InsetThemeInput,
} from '@inset/core'
import type { InsetAssistantElement, InsetDashboardElement, InsetEvent } from '@inset/elements'
import { describe, expectTypeOf, it } from 'vitest'
import type { InsetContextOptions } from './context.svelte.js'
import type { InsetAssistantProps, InsetDashboardProps } from './types.js'
import type { UseAssistantOptions, useAssistant } from './use-assistant.svelte.js'
import type { useDashboard } from './use-dashboard.svelte.js'

describe('setInsetContext', () => {
  it('takes serverUrl + fetchToken, or an instance, but not both', () => {
    expectTypeOf<{
      serverUrl: string
      fetchToken: () => Promise<string>
      theme: 'dark'
    }>().toExtend<InsetContextOptions>()
    expectTypeOf<{ inset: Inset; theme: { mode: 'light' } }>().toExtend<InsetContextOptions>()
    expectTypeOf<{ serverUrl: string }>().not.toExtend<InsetContextOptions>()
    expectTypeOf<{
      inset: Inset
      serverUrl: string
      fetchToken: () => Promise<string>
    }>().not.toExtend<InsetContextOptions>()
  })
})

describe('<InsetDashboard>', () => {
  type Props = InsetDashboardProps

  it('needs a dashboardId and types filters, theme, the element and host attributes', () => {
    expectTypeOf<{ dashboardId: string }>().toExtend<Props>()
    expectTypeOf<{ filters: Filters }>().not.toExtend<Props>()
    expectTypeOf<Props['filters']>().toEqualTypeOf<Filters | undefined>()
    expectTypeOf<Props['theme']>().toEqualTypeOf<InsetThemeInput | undefined>()
    expectTypeOf<Props['element']>().toEqualTypeOf<InsetDashboardElement | undefined>()
    expectTypeOf<{ dashboardId: string; class: string; id: string }>().toExtend<Props>()
    expectTypeOf<{ dashboardId: string; style: string; 'aria-label': string }>().toExtend<Props>()
  })

  it('types each callback from the event table in lower case, and has no assistant-only ones', () => {
    expectTypeOf<NonNullable<Props['onfilterchange']>>()
      .parameter(0)
      .toEqualTypeOf<InsetEvent<'inset-filter-change'>>()
    // Not the DOM's `onerror`: the element's `inset-error`.
    expectTypeOf<NonNullable<Props['onerror']>>()
      .parameter(0)
      .toEqualTypeOf<InsetEvent<'inset-error'>>()
    expectTypeOf<
      Parameters<NonNullable<Props['ondatapointclick']>>[0]['detail']['value']
    >().toEqualTypeOf<string | number | boolean | null>()
    expectTypeOf<Props>().not.toHaveProperty('onanswer')
    expectTypeOf<Props>().not.toHaveProperty('onFilterChange')
    expectTypeOf<Props>().not.toHaveProperty('inset')
  })
})

describe('<InsetAssistant>', () => {
  type Props = InsetAssistantProps

  it('links by `for` or a controller, and has the assistant’s callbacks', () => {
    expectTypeOf<{ for: string }>().toExtend<Props>()
    expectTypeOf<Props['dashboard']>().toEqualTypeOf<DashboardController | undefined>()
    expectTypeOf<Props['element']>().toEqualTypeOf<InsetAssistantElement | undefined>()
    expectTypeOf<NonNullable<Props['onanswer']>>()
      .parameter(0)
      .toEqualTypeOf<InsetEvent<'inset-answer'>>()
    expectTypeOf<Props>().not.toHaveProperty('onfilterchange')
  })
})

describe('reactive helpers', () => {
  it('take getters and expose core’s snapshots as `current`', () => {
    expectTypeOf<typeof useDashboard>().parameter(0).toEqualTypeOf<() => string>()
    expectTypeOf<ReturnType<typeof useDashboard>['current']>().toEqualTypeOf<DashboardSnapshot>()
    expectTypeOf<
      ReturnType<typeof useDashboard>['controller']
    >().toEqualTypeOf<DashboardController>()
    expectTypeOf<ReturnType<typeof useAssistant>['current']>().toEqualTypeOf<AssistantSnapshot>()
    expectTypeOf<Parameters<typeof useAssistant>[0]>().toEqualTypeOf<
      (() => UseAssistantOptions) | undefined
    >()
    expectTypeOf<{
      dashboard: DashboardController
      filters: Filters
    }>().toExtend<UseAssistantOptions>()
  })
})
