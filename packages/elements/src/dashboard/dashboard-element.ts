import {
  type DashboardController,
  type DashboardDefinition,
  type DashboardSnapshot,
  type DrillValue,
  dashboardEvents,
  type Filters,
  filtersAreDefault,
  InsetError,
  type QueryResult,
  toInsetError,
} from '@inset/core'
import { InsetBaseElement, isOn } from '../base-element'
import { h, ICONS, icon, replaceChildren } from '../dom'
import { dataPointDetail, dispatchInsetEvent } from '../events'
import { lazy } from '../lazy'
import { t } from '../strings'
import { baseStyles } from '../styles/base'
import { dashboardStyles } from '../styles/dashboard'
import { preloadCharts } from '../tiles/lazy-chart-tile'
import type { FilterBar } from './filter-bar'
import { gridColumnsFor, layoutTiles } from './grid-layout'
import {
  errorState,
  loadTileActions,
  type TileHost,
  TileView,
  tileActionsModule,
} from './tile-view'

const NO_DRILL: readonly DrillValue[] = []

// The filter bar's code loads with the first definition, while the tiles' queries are on their way.
const loadFilterBar = lazy(() => import('./filter-bar'))

/**
 * `<inset-dashboard dashboard-id="sales-overview">`: a dashboard with its filter bar and tiles.
 *
 * @example
 * const el = document.createElement('inset-dashboard')
 * el.inset = inset            // or: el.serverUrl = '…'; el.fetchToken = …
 * el.dashboardId = 'sales-overview'
 * el.addEventListener('inset-filter-change', (e) => console.log(e.detail.filters))
 * document.body.append(el)
 */
export class InsetDashboardElement extends InsetBaseElement {
  static override tag = 'inset-dashboard' as const

  #dashboardId: string | undefined
  #filters: Filters | undefined
  #askAboutTiles = false
  #controller: DashboardController | undefined
  #unsubscribe: (() => void) | undefined
  #snapshot: DashboardSnapshot | undefined
  #definition: DashboardDefinition | undefined
  #tiles = new Map<string, TileView>()
  #filterBar: FilterBar | undefined
  #resize: ResizeObserver | undefined
  #columns = 0
  #frame: HTMLElement | undefined
  /**
   * The frame's width as last laid out, read in the resize observer where layout is clean (after a
   * reconnect the old value serves until the new frame's first observation corrects it).
   */
  #frameWidth: number | undefined
  #grid: HTMLElement | undefined
  #status: HTMLElement | undefined
  #head: HTMLElement | undefined
  /** Says cross-filter and drill changes to screen readers. */
  readonly #live = h('div', { class: 'sr-only', 'aria-live': 'polite' })

  /** The dashboard to show (attribute `dashboard-id`). */
  get dashboardId(): string | undefined {
    return this.#dashboardId
  }
  set dashboardId(value: string | undefined) {
    if (value === this.#dashboardId) return
    this.#dashboardId = value || undefined
    this.connectionChanged()
  }

  /** Filters to apply over the definition's defaults, e.g. `{ region: ['EU'] }`. */
  get filters(): Filters {
    return this.#snapshot?.filters ?? this.#filters ?? {}
  }
  set filters(value: Filters | undefined) {
    this.#filters = value
    if (this.#controller && value) this.#controller.setOptions({ filters: value })
  }

  /**
   * Offer "Ask about this" on every tile even without a linked assistant (attribute
   * `ask-about-tiles`), for a host that opens its own assistant on `inset-ask-about`.
   */
  get askAboutTiles(): boolean {
    return this.#askAboutTiles
  }
  set askAboutTiles(value: boolean | string | undefined) {
    this.#askAboutTiles = isOn(value)
    this.requestUpdate()
  }

  /** The core controller behind the element while it is connected (e.g. to link an assistant). */
  get controller(): DashboardController | undefined {
    return this.#controller
  }

  /** The controller's latest snapshot (state, definition, tiles, filters). */
  get snapshot(): DashboardSnapshot | undefined {
    return this.#snapshot
  }

  /**
   * Merges filters into the current ones (`undefined` removes one).
   *
   * @example dashboard.setFilters({ region: ['EU'], date: { from: '2025-01-01' } })
   */
  setFilters(filters: Filters | ((current: Filters) => Filters)): void {
    if (this.#controller) this.#controller.setFilters(filters)
    else
      this.#filters =
        typeof filters === 'function' ? filters(this.filters) : { ...this.#filters, ...filters }
  }

  /** Loads the definition and every tile again, keeping the current numbers on screen meanwhile. */
  refresh(): void {
    this.#controller?.refresh()
  }

  /** Back to the definition's default filters. */
  resetFilters(): void {
    this.#controller?.resetFilters()
  }

  /**
   * Narrows a tile to one point of its drill path and shows the next level.
   *
   * @example dashboard.drillTo('revenue-by-category', 'Hardware')
   */
  drillTo(tileId: string, value: DrillValue): void {
    this.#controller?.drillTo(tileId, value)
  }

  /** Goes back `levels` (default 1; `Infinity` for the top) along a tile's drill path. */
  drillUp(tileId: string, levels?: number): void {
    this.#controller?.drillUp(tileId, levels)
  }

  /**
   * Downloads a tile: `csv` (its full result from the server, with the current filters and drill;
   * needs the token scope `export`) or `png` (a chart at 2× with title and legend). Resolves with
   * the file; `inset-export` reports it.
   *
   * @example await dashboard.exportTile('top-products', 'csv')
   */
  async exportTile(tileId: string, format: 'csv' | 'png'): Promise<Blob> {
    const { exportTile } = await loadTileActions()
    return exportTile({
      element: this,
      dashboardId: this.#dashboardId ?? '',
      controller: this.#definition?.canExport ? this.#controller : undefined,
      tile: this.#tiles.get(tileId),
      tileId,
      format,
      live: this.#live,
    })
  }

  protected styles(): string[] {
    return [baseStyles, dashboardStyles]
  }

  protected override connectionChanged(): void {
    this.#disconnectController()
    super.connectionChanged()
  }

  protected update(): void {
    const root = this.root!
    if (!this.#frame) {
      this.#head = h('header', { class: 'dash-head', part: 'header' })
      this.#status = h('div', { class: 'dash-status' })
      this.#grid = h('div', { class: 'grid', part: 'grid' })
      this.#frame = h(
        'div',
        { class: 'dash', part: 'dashboard' },
        this.#head,
        this.#status,
        this.#grid,
        this.#live,
      )
      replaceChildren(root, this.#frame)
      this.#resize = new ResizeObserver(() => {
        this.#frameWidth = this.#frame?.clientWidth
        this.#layout()
      })
      this.#resize.observe(this.#frame)
    }
    if (this.#controller) {
      this.#render()
      return
    }
    const inset = this.resolveInset()
    if (!inset || !this.#dashboardId) {
      replaceChildren(this.#status!, h('div', { class: 'state dash-state' }, t().notConfigured))
      return
    }
    const controller = inset.dashboard(
      this.#dashboardId,
      this.#filters ? { filters: this.#filters } : {},
    )
    this.#controller = controller
    this.#unsubscribe = controller.subscribe((snapshot) => this.#onSnapshot(snapshot))
    this.#onSnapshot(controller.getSnapshot())
  }

  protected teardown(): void {
    this.#disconnectController()
    this.#resize?.disconnect()
    this.#resize = undefined
    this.#frame = undefined
    this.root?.replaceChildren()
  }

  protected override schemeChanged(): void {
    for (const tile of this.#tiles.values()) tile.restyle()
  }

  /** Set once the chunks the first paint needs have been started (see `#onSnapshot`). */
  #preloading: ReturnType<typeof setTimeout> | undefined

  #disconnectController(): void {
    this.#unsubscribe?.()
    this.#unsubscribe = undefined
    this.#controller?.destroy()
    this.#controller = undefined
    this.#snapshot = undefined
    this.#definition = undefined
    for (const tile of this.#tiles.values()) tile.destroy()
    this.#tiles.clear()
    this.#filterBar?.element.remove()
    this.#filterBar = undefined
    if (this.#grid) replaceChildren(this.#grid)
  }

  #onSnapshot(snapshot: DashboardSnapshot): void {
    const previous = this.#snapshot
    this.#snapshot = snapshot
    if (snapshot.state === 'destroyed') return
    // The chunks the first paint needs (charts, filter bar, tile actions) start once the token is
    // in ('loading' comes first on every first load), in the task after the one that sends the
    // data request: they download and evaluate while it is in flight. Started at connect, the
    // chart chunk's evaluation (uPlot, 20–30 ms of main thread) ran just as the token arrived and
    // held the data request back by as much.
    if (snapshot.state === 'loading')
      this.#preloading ??= setTimeout(() => {
        preloadCharts()
        loadFilterBar().catch(() => {})
        loadTileActions().catch(() => {})
      })
    this.#render()
    const dashboardId = this.#dashboardId ?? ''
    for (const event of dashboardEvents(previous, snapshot)) {
      if (event.type === 'stateChange')
        dispatchInsetEvent(this, 'inset-state-change', { source: 'dashboard', state: event.state })
      else if (event.type === 'ready')
        dispatchInsetEvent(this, 'inset-ready', {
          source: 'dashboard',
          dashboardId,
          definition: event.definition,
        })
      else if (event.type === 'error')
        dispatchInsetEvent(this, 'inset-error', {
          source: 'dashboard',
          error: event.error,
          ...(event.tileId && { tileId: event.tileId }),
        })
      else if (event.type === 'drillChange') {
        dispatchInsetEvent(this, 'inset-drill-change', {
          dashboardId,
          tileId: event.tileId,
          drill: event.drill,
        })
      } else
        dispatchInsetEvent(this, 'inset-filter-change', {
          dashboardId,
          filters: event.filters,
          origin: event.origin,
        })
    }
    // Cross-filters and drills come from the user, after the tile actions' chunk loaded.
    if (previous) tileActionsModule()?.announce(this.#live, previous, snapshot)
  }

  #render(): void {
    const snapshot = this.#snapshot
    if (!snapshot) return
    const s = t()
    if (snapshot.definition && snapshot.definition !== this.#definition)
      this.#build(snapshot.definition)
    const failed = snapshot.state === 'error' && snapshot.error
    this.#frame!.dataset.state = snapshot.state
    if (failed && !this.#definition)
      replaceChildren(
        this.#status!,
        h(
          'div',
          { class: 'dash-state' },
          errorState(s.dashboardErrorTitle, snapshot.error, () => this.#controller?.retry()),
        ),
      )
    else if (!this.#definition) replaceChildren(this.#status!, this.#loadingState())
    else if (failed)
      replaceChildren(
        this.#status!,
        errorState(s.dashboardErrorTitle, snapshot.error, () => this.#controller?.retry()),
      )
    else replaceChildren(this.#status!)
    this.#filterBar?.sync(snapshot.filters, filtersAreDefault(this.#definition, snapshot.filters))
    const { selection, drill } = snapshot
    const canExport = Boolean(this.#definition?.canExport)
    const ask = Boolean(snapshot.canAskAbout || this.#askAboutTiles)
    const filterLabel = (id: string) =>
      this.#definition?.filters.find((filter) => filter.id === id)?.label ?? id
    for (const [id, view] of this.#tiles) {
      view.sync({
        drill: drill[id] ?? NO_DRILL,
        canExport,
        ask,
        ...(selection?.tileId === id && {
          selection: { label: filterLabel(selection.filterId), value: selection.value },
        }),
      })
      view.update(snapshot.tiles[id])
    }
  }

  #loadingState(): HTMLElement {
    return h(
      'div',
      { class: 'grid', 'aria-busy': 'true', 'aria-label': t().loadingDashboard, role: 'status' },
      [3, 3, 3, 3, 7, 5].map((w, i) =>
        h(
          'div',
          { class: 'tile', style: `--w:${w};--h:${i < 4 ? 1 : 3}` },
          h('div', { class: 'skeleton sk-line' }),
          h('div', { class: 'skeleton sk-chart', style: 'margin-top:12px' }),
        ),
      ),
    )
  }

  #build(definition: DashboardDefinition): void {
    this.#definition = definition
    const s = t()
    replaceChildren(
      this.#head!,
      h(
        'div',
        null,
        h('h2', { class: 'dash-title' }, definition.title),
        definition.description ? h('p', { class: 'dash-desc' }, definition.description) : null,
      ),
      h(
        'button',
        { type: 'button', class: 'btn ghost', onclick: () => this.refresh() },
        icon(ICONS.refresh),
        s.refresh,
      ),
    )
    this.#filterBar?.element.remove()
    this.#filterBar = undefined
    // The tiles' actions draw once their chunk is in (without it the tiles still work).
    loadTileActions().then(
      () => {
        for (const view of this.#tiles.values()) view.renderActions()
      },
      () => {},
    )
    // Without its chunk the tiles still work; the next definition (e.g. on refresh) tries again.
    loadFilterBar().then(
      ({ createFilterBar }) => {
        if (definition !== this.#definition) return
        this.#filterBar = createFilterBar(
          definition.filters,
          (filterId, value) =>
            this.#controller?.setFilters({ [filterId]: value } as Filters, { origin: 'user' }),
          () => this.#controller?.resetFilters({ origin: 'user' }),
        )
        this.#head!.after(this.#filterBar.element)
        this.#filterBar.sync(this.filters, filtersAreDefault(definition, this.filters))
      },
      () => {},
    )
    for (const tile of this.#tiles.values()) tile.destroy()
    this.#tiles.clear()
    const host: TileHost = {
      format: () => this.formatOptions(),
      retry: () => this.#controller?.retry(),
      activate: (tileId, result, rowIndex, drill) =>
        this.#activate(tileId, result, rowIndex, drill),
      drillUp: (tileId, levels) => this.#controller?.drillUp(tileId, levels),
      clearSelection: (tileId) => {
        const selection = this.#snapshot?.selection
        if (selection?.tileId === tileId)
          this.#controller?.toggleCrossFilter(tileId, selection.value)
      },
      exportTile: (tileId, format) => {
        this.exportTile(tileId, format).catch(() => {})
      },
      askAbout: ({ id, title }) => {
        dispatchInsetEvent(this, 'inset-ask-about', {
          dashboardId: this.#dashboardId ?? '',
          tileId: id,
          title,
          filters: this.filters,
        })
        this.#controller?.askAbout(id)
      },
    }
    for (const tile of definition.tiles) this.#tiles.set(tile.id, new TileView(tile, host))
    replaceChildren(
      this.#grid!,
      [...this.#tiles.values()].map((view) => view.element),
    )
    this.#columns = 0
    this.#layout()
  }

  #layout(): void {
    if (!this.#definition || !this.#frame || !this.#grid) return
    // Known from the observer once the frame has been laid out (before the data, as a rule):
    // reading clientWidth right after the tiles went in would lay out the whole dashboard twice.
    const columns = gridColumnsFor((this.#frameWidth ?? this.#frame.clientWidth) || 1200)
    if (columns === this.#columns) return
    this.#columns = columns
    this.#grid.style.setProperty('--cols', String(columns))
    for (const placement of layoutTiles(this.#definition.tiles, columns))
      this.#tiles.get(placement.id)?.place(placement)
  }

  /**
   * A point or row: `inset-data-point-click` first (a host may call `preventDefault()` to stop
   * the rest), then a drill (in drill mode) or the tile's cross-filter.
   */
  #activate(tileId: string, result: QueryResult, rowIndex: number, drill: boolean): void {
    const detail = dataPointDetail(result, rowIndex)
    if (!detail) return
    const proceed = dispatchInsetEvent(this, 'inset-data-point-click', {
      source: 'dashboard',
      dashboardId: this.#dashboardId ?? '',
      tileId,
      ...detail,
    })
    const value = detail.row[0]
    if (!proceed || (typeof value !== 'string' && typeof value !== 'number')) return
    if (drill) this.#controller?.drillTo(tileId, value)
    else this.#controller?.toggleCrossFilter(tileId, value)
  }
}
