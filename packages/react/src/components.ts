import type { Filters } from '@inset/core'
import type { InsetThemeInput } from '@inset/elements'
import {
  createInsetComponent,
  type InsetComponent,
  type InsetEventProps,
  type InsetHostProps,
} from './create-component'

interface ElementProps {
  /** `light`, `dark`, `auto` or an `InsetTheme`; defaults to the provider's. */
  theme?: InsetThemeInput
  /** BCP 47 locale of numbers and dates; defaults to the page's. */
  locale?: string
  /** ISO 4217 currency of money measures. Default `USD`. */
  currency?: string
}

interface DashboardOwnProps extends ElementProps, InsetEventProps<'inset-dashboard'> {
  /** The dashboard to show, e.g. `sales-overview`. */
  dashboardId: string
  /** Filters over the definition's defaults; a new value (by content) replaces the user's choice. */
  filters?: Filters
}

export type InsetDashboardProps = DashboardOwnProps & InsetHostProps<DashboardOwnProps>

interface AssistantOwnProps extends ElementProps, InsetEventProps<'inset-assistant'> {
  /** The `id` of an `<InsetDashboard>` whose filters the assistant follows. */
  for?: string
  /** Ask about this dashboard's data without linking an element. */
  dashboardId?: string
}

export type InsetAssistantProps = AssistantOwnProps & InsetHostProps<AssistantOwnProps>

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

/**
 * `<inset-assistant>`, the data assistant; with `for`, linked to a dashboard on the page.
 *
 * @example
 * <InsetDashboard id="sales" dashboardId="sales-overview" />
 * <InsetAssistant for="sales" onAnswer={(event) => log(event.detail.text)} />
 */
export const InsetAssistant: InsetComponent<'inset-assistant', InsetAssistantProps> =
  /* @__PURE__ */ createInsetComponent<'inset-assistant', InsetAssistantProps>(
    'inset-assistant',
    ['for', 'dashboardId', 'locale', 'currency'],
    'InsetAssistant',
  )
