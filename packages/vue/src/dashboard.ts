import type { Filters } from '@inset/core'
import type { InsetElementProps } from '@inset/elements'
import { createInsetComponent, type InsetComponent, type InsetEmits } from './create-component'

export type InsetDashboardProps = InsetElementProps<'inset-dashboard'> & {
  /** The dashboard to show, e.g. `sales-overview`. */
  dashboardId: string
}

/** `@ready`, `@error`, `@state-change`, `@filter-change`, `@data-point-click`, and `v-model:filters`. */
export type InsetDashboardEmits = InsetEmits<'inset-dashboard'> & {
  /** The filters in effect after a change (the user's or `setFilters`), for `v-model:filters`. */
  'update:filters': (filters: Filters) => void
}

/**
 * `<inset-dashboard>` with the provided configuration. Changing `filters`, `theme` or
 * `dashboard-id` updates the same element; `v-model:filters` follows the user's choices; a
 * template ref's `element` is the element (`setFilters()`, `refresh()`, `snapshot`).
 *
 * @example
 * <InsetDashboard dashboard-id="sales-overview" v-model:filters="filters" @data-point-click="show" />
 */
export const InsetDashboard: InsetComponent<
  'inset-dashboard',
  InsetDashboardProps,
  InsetDashboardEmits
> = /* @__PURE__ */ createInsetComponent('inset-dashboard')
