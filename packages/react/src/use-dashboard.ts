import type { DashboardController, DashboardSnapshot, Filters } from '@inset/core'
import { useEffect, useMemo, useSyncExternalStore } from 'react'
import { useInset } from './context'
import { useOwned } from './use-owned'

export interface UseDashboardOptions {
  /** Filters over the definition's defaults; a new value (by content) replaces the current ones. */
  filters?: Filters
}

/** A dashboard's state and data, for a host that renders its own UI. */
export interface UseDashboardResult extends Omit<DashboardSnapshot, 'definition' | 'error'> {
  definition: DashboardSnapshot['definition']
  error: DashboardSnapshot['error']
  /** Merges filters into the current ones (`undefined` removes one), or maps them. */
  setFilters: DashboardController['setFilters']
  /** Loads the definition and every tile again, keeping the current data meanwhile. */
  refresh: () => void
  /** Loads again only what failed. */
  retry: () => void
  /** Back to the definition's default filters. */
  resetFilters: DashboardController['resetFilters']
  /** Cross-filtering: sets (or, the same point again, clears) a tile's filter. */
  toggleCrossFilter: DashboardController['toggleCrossFilter']
  /** Drills a tile into a point of its drill path, or back up. */
  drillTo: DashboardController['drillTo']
  drillUp: DashboardController['drillUp']
  /** The tile's full result as CSV (token scope `export`). */
  exportCsv: DashboardController['exportCsv']
  /** Core's controller, e.g. to link an assistant: `useAssistant({ dashboard: controller })`. */
  controller: DashboardController
}

/**
 * The state, definition and tile data of a dashboard, from core's controller; no element rendered.
 * Loading starts on mount and stops on unmount; the data survives token refreshes.
 *
 * @example
 * const { state, tiles, setFilters } = useDashboard('sales-overview', { filters: { region: ['EU'] } })
 * const revenue = tiles.revenue?.data?.rows[0]?.[0]
 */
export function useDashboard(
  dashboardId: string,
  options: UseDashboardOptions = {},
): UseDashboardResult {
  const inset = useInset()
  const { filters } = options
  const controller = useOwned(
    () => inset.dashboard(dashboardId, filters ? { filters } : {}),
    [inset, dashboardId],
  )
  const filtersKey = filters && JSON.stringify(filters)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filters' content is the dependency
  useEffect(() => {
    if (filters) controller.setOptions({ filters })
  }, [controller, filtersKey])
  const snapshot = useSyncExternalStore(
    controller.subscribe,
    controller.getSnapshot,
    controller.getSnapshot,
  )
  return useMemo(
    () => ({
      definition: undefined,
      error: undefined,
      ...snapshot,
      setFilters: controller.setFilters,
      refresh: controller.refresh,
      retry: controller.retry,
      resetFilters: controller.resetFilters,
      toggleCrossFilter: controller.toggleCrossFilter,
      drillTo: controller.drillTo,
      drillUp: controller.drillUp,
      exportCsv: controller.exportCsv,
      controller,
    }),
    [snapshot, controller],
  )
}
