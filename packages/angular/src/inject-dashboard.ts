import type { Signal } from '@angular/core'
import type {
  DashboardController,
  DashboardDefinition,
  DashboardSnapshot,
  DashboardState,
  Filters,
  InsetError,
  TileSnapshot,
} from '@inset/core'
import { injectInset } from './context'
import { controllerSignals, type InjectOptions, type MaybeSignal, read } from './signals'

export interface InjectDashboardOptions extends InjectOptions {
  /** Filters over the definition's defaults; a new value (by content) replaces the current ones. */
  filters?: MaybeSignal<Filters | undefined>
}

/** A dashboard's state and data as signals, for a host that renders its own UI. */
export interface InjectedDashboard {
  /** Core's whole snapshot; the signals below are its parts. */
  readonly snapshot: Signal<DashboardSnapshot>
  readonly state: Signal<DashboardState>
  readonly definition: Signal<DashboardDefinition | undefined>
  readonly tiles: Signal<Readonly<Record<string, TileSnapshot>>>
  readonly error: Signal<InsetError | undefined>
  readonly filters: Signal<Filters>
  /** Core's controller, e.g. to link an assistant: `injectAssistant({ dashboard })`. */
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
 * The state, definition and tile data of a dashboard as signals, from core's controller; no
 * element rendered. Loading starts with the first change detection in the browser (never on a
 * server) and stops when the injection context is destroyed; the data survives token refreshes.
 * For another dashboard, inject anew (e.g. in a component under `@for (id of ids; track id)`).
 *
 * @example
 * readonly sales = injectDashboard('sales-overview', { filters: this.filters })
 * readonly revenue = computed(() => this.sales.tiles()['revenue']?.data?.rows[0]?.[0])
 */
export function injectDashboard(
  dashboardId: string,
  options: InjectDashboardOptions = {},
): InjectedDashboard {
  return controllerSignals(
    injectDashboard,
    options.injector,
    () => {
      const filters = read(options.filters)
      return injectInset().dashboard(dashboardId, filters ? { filters } : {})
    },
    ['state', 'definition', 'tiles', 'error', 'filters'],
    ['setFilters', 'resetFilters', 'refresh', 'retry'],
    (controller) => {
      const filters = read(options.filters)
      if (filters) controller.setOptions({ filters })
    },
  )
}
