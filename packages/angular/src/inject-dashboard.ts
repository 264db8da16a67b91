import { computed, effect, type Signal, signal, untracked } from '@angular/core'
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
import { type InjectOptions, inInjectionContext, type MaybeSignal, read } from './signals'

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
  readonly controller: Signal<DashboardController>
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
 *
 * @example
 * readonly sales = injectDashboard('sales-overview', { filters: this.filters })
 * readonly revenue = computed(() => this.sales.tiles()['revenue']?.data?.rows[0]?.[0])
 */
export function injectDashboard(
  dashboardId: MaybeSignal<string>,
  options: InjectDashboardOptions = {},
): InjectedDashboard {
  return inInjectionContext(injectDashboard, options.injector, ({ outside, browser }) => {
    const inset = injectInset()
    const startFilters = () => untracked(() => read(options.filters))
    // One controller per id; the effect below destroys each one when the next replaces it.
    const controller = computed(() => {
      const filters = startFilters()
      return inset.dashboard(read(dashboardId), filters ? { filters } : {})
    })
    const latest = signal<{ of: DashboardController; snapshot: DashboardSnapshot } | undefined>(
      undefined,
    )
    const snapshot = computed(() => {
      const current = controller()
      const seen = latest()
      return seen?.of === current ? seen.snapshot : current.getSnapshot()
    })

    if (browser) {
      effect((onCleanup) => {
        const current = controller()
        const stop = outside(() =>
          current.subscribe((next) => latest.set({ of: current, snapshot: next })),
        )
        onCleanup(() => {
          stop()
          current.destroy()
        })
      })
      effect(() => {
        const filters = read(options.filters)
        const current = controller()
        if (filters) outside(() => current.setOptions({ filters }))
      })
    }

    const act =
      <A extends unknown[]>(action: (controller: DashboardController, ...args: A) => void) =>
      (...args: A) =>
        outside(() => action(untracked(controller), ...args))
    return {
      snapshot,
      state: computed(() => snapshot().state),
      definition: computed(() => snapshot().definition),
      tiles: computed(() => snapshot().tiles),
      error: computed(() => snapshot().error),
      filters: computed(() => snapshot().filters),
      controller,
      setFilters: act((c, next, setOptions) => c.setFilters(next, setOptions)),
      resetFilters: act((c, setOptions) => c.resetFilters(setOptions)),
      refresh: act((c) => c.refresh()),
      retry: act((c) => c.retry()),
    }
  })
}
