import type { DashboardController, DashboardSnapshot, Filters } from '@inset/core'
import { untrack } from 'svelte'
import { createSubscriber } from 'svelte/reactivity'
import { getInsetContext } from './context.svelte.js'

export interface UseDashboardOptions {
  /** Filters over the definition's defaults; a new value (by content) replaces the current ones. */
  filters?: Filters
}

/** A dashboard's state and data, for a host that renders its own UI. */
export interface UseDashboardResult {
  /** The latest snapshot (`state`, `definition`, `tiles`, `filters`, `error`); reactive. */
  readonly current: DashboardSnapshot
  /** Core's controller, e.g. to link an assistant: `useAssistant(() => ({ dashboard: controller }))`. */
  readonly controller: DashboardController
  /** Merges filters into the current ones (`undefined` removes one), or maps them. */
  setFilters: DashboardController['setFilters']
  /** Back to the definition's default filters. */
  resetFilters: DashboardController['resetFilters']
  /** Loads the definition and every tile again, keeping the current data meanwhile. */
  refresh: () => void
  /** Loads again only what failed. */
  retry: () => void
}

/**
 * The state, definition and tile data of a dashboard from core's controller, with no element.
 * Loading starts when `current` is first read in an effect or the template, and stops when the
 * component that called it is destroyed; a new id starts over, new filters (by content) reload.
 *
 * @example
 * const report = useDashboard(() => 'sales-overview', () => ({ filters: { region: [region] } }))
 * const revenue = $derived(report.current.tiles.revenue?.data?.rows[0]?.[0])
 */
export function useDashboard(
  dashboardId: () => string,
  options: () => UseDashboardOptions = () => ({}),
): UseDashboardResult {
  const inset = getInsetContext()
  // A derived value changes only when the id does, not whenever what it reads is written.
  const id = $derived(dashboardId())
  const entry = $derived.by(() => {
    const current = id
    return untrack(() => {
      const controller = inset.dashboard(current, $state.snapshot(options()))
      return { controller, subscribe: createSubscriber((update) => controller.subscribe(update)) }
    })
  })
  // Released with the component, and when another id replaces it.
  $effect(() => {
    const { controller } = entry
    return () => controller.destroy()
  })
  $effect.pre(() => {
    // A plain copy: core gets no proxy, and changes deep inside `$state` filters count.
    const { filters } = $state.snapshot(options())
    const { controller } = entry
    if (filters) untrack(() => controller.setOptions({ filters }))
  })
  const controller = () => entry.controller
  return {
    get current() {
      entry.subscribe()
      return controller().getSnapshot()
    },
    get controller() {
      return controller()
    },
    setFilters: (...args) => controller().setFilters(...args),
    resetFilters: (...args) => controller().resetFilters(...args),
    refresh: () => controller().refresh(),
    retry: () => controller().retry(),
  }
}
