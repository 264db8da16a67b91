import type { Filters } from '@inset/core'
import {
  createInsetComponent,
  type InsetComponent,
  type InsetElementProps,
  type InsetEventProps,
  type InsetHostProps,
} from './create-component'

interface DashboardOwnProps extends InsetElementProps, InsetEventProps<'inset-dashboard'> {
  /** The dashboard to show, e.g. `sales-overview`. */
  dashboardId: string
  /** Filters over the definition's defaults; a new value (by content) replaces the user's choice. */
  filters?: Filters
}

export type InsetDashboardProps = DashboardOwnProps & InsetHostProps<DashboardOwnProps>

/**
 * `<inset-dashboard>` with the provider's configuration. Changing `filters`, `theme` or callbacks
 * updates the same element; its ref is the element (`setFilters()`, `refresh()`, `snapshot`).
 *
 * @example
 * <InsetDashboard
 *   dashboardId="sales-overview"
 *   filters={{ region: ['EU'] }}
 *   onFilterChange={(event) => save(event.detail.filters)}
 * />
 */
export const InsetDashboard: InsetComponent<'inset-dashboard', InsetDashboardProps> =
  /* @__PURE__ */ createInsetComponent<'inset-dashboard', InsetDashboardProps>(
    'inset-dashboard',
    ['dashboardId', 'filters', 'locale', 'currency'],
    'InsetDashboard',
  )
