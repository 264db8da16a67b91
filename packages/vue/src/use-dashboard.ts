import type {
  DashboardController,
  DashboardSnapshot,
  Filters,
  InsetError,
  TileSnapshot,
} from '@inset/core'
import { type MaybeRefOrGetter, type Ref, type ShallowRef, toValue, watch } from 'vue'
import { useInset } from './context'
import { plain, useController } from './use-controller'

export interface UseDashboardOptions {
  /** Filters over the definition's defaults (a ref or getter is followed, by content). */
  filters?: MaybeRefOrGetter<Filters | undefined>
}

/** A dashboard's state and data as read-only refs, for a host that renders its own UI. */
export interface UseDashboardResult {
  state: Readonly<Ref<DashboardSnapshot['state']>>
  definition: Readonly<Ref<DashboardSnapshot['definition']>>
  tiles: Readonly<Ref<Readonly<Record<string, TileSnapshot>>>>
  /** The filters in effect: the definition's defaults overlaid with yours. */
  filters: Readonly<Ref<Filters>>
  error: Readonly<Ref<InsetError | undefined>>
  /** The whole immutable snapshot. */
  snapshot: Readonly<ShallowRef<DashboardSnapshot>>
  /** Core's controller, e.g. to link an assistant: `useAssistant({ dashboard: controller })`. */
  controller: Readonly<ShallowRef<DashboardController>>
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
 * The state, definition and tile data of a dashboard from core's controller; no element rendered.
 * `dashboardId` and `filters` may be refs or getters: another id starts over, other filters
 * (by content) load anew. Loading starts on mount and stops with the component or scope.
 *
 * @example
 * const { state, tiles, setFilters } = useDashboard('sales-overview', { filters: { region: ['EU'] } })
 * const revenue = computed(() => tiles.value.revenue?.data?.rows[0]?.[0])
 */
export function useDashboard(
  dashboardId: MaybeRefOrGetter<string>,
  options: UseDashboardOptions = {},
): UseDashboardResult {
  const inset = useInset()
  const filters = () => plain(toValue(options.filters))
  const { controller, snapshot, refs, methods, replace } = useController('useDashboard', () =>
    inset.dashboard(toValue(dashboardId), { filters: filters() }),
  )
  watch(() => toValue(dashboardId), replace)
  watch(filters, (value) => value && controller.value.setOptions({ filters: value }))
  return {
    ...refs('state', 'definition', 'tiles', 'filters', 'error'),
    snapshot,
    controller,
    ...methods('setFilters', 'resetFilters', 'refresh', 'retry'),
  }
}
