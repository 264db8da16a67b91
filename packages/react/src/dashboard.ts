import type { InsetElementProps } from '@inset/elements'
import {
  createInsetComponent,
  type InsetComponent,
  type InsetEventProps,
  type InsetHostProps,
} from './create-component'

type DashboardOwnProps = InsetElementProps<'inset-dashboard'> &
  InsetEventProps<'inset-dashboard'> & {
    /** The dashboard to show, e.g. `sales-overview`. */
    dashboardId: string
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
  /* @__PURE__ */ createInsetComponent<'inset-dashboard', InsetDashboardProps>('inset-dashboard')
