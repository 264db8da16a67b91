import type { DrillValue, InsetError, QueryResult, TileDefinition, TileSnapshot } from '@inset/core'
import { h, ICONS, icon, replaceChildren, uid } from '../dom'
import type { FormatOptions } from '../format'
import { lazy } from '../lazy'
import { t } from '../strings'
import { createDataTable } from '../tiles/data-table'
import { createKpi } from '../tiles/kpi'
import { createLazyChartTile } from '../tiles/lazy-chart-tile'
import type { TileContent } from '../tiles/tile-content'
import type { TilePlacement } from './grid-layout'

// The tile actions (selection chip, drill toggle, downloads, breadcrumb) load with the first
// definition, beside the filter bar, so that the initial module stays small.
let tileActions: typeof import('./tile-actions') | undefined
export const loadTileActions = lazy(() =>
  import('./tile-actions').then((module) => (tileActions = module)),
)
/** The "data as of" hint, loaded with the first result that says whether it came from a cache. */
const loadDataAge = lazy(() => import('./data-age'))
/** The tile actions' chunk, once loaded. */
export const tileActionsModule = () => tileActions

/** What a tile needs from its dashboard. */
export interface TileHost {
  format(): FormatOptions
  retry(): void
  /** A point or row was activated; `drill`: the tile is in drill mode and may go deeper. */
  activate(tileId: string, result: QueryResult, rowIndex: number, drill: boolean): void
  drillUp(tileId: string, levels: number): void
  /** Clears the cross-filter this tile set. */
  clearSelection(tileId: string): void
  exportTile(tileId: string, format: 'csv' | 'png'): void
  /** "Ask about this" was chosen on the tile. */
  askAbout(tile: TileDefinition): void
}

/** What the dashboard tells a tile besides its data. */
export interface TileState {
  /** The cross-filter set from this tile: the filter's label and the point's value. */
  selection?: { label: string; value: DrillValue }
  /** Values chosen along the tile's drill path. */
  drill: readonly DrillValue[]
  /** The token may download (CSV, PNG). */
  canExport: boolean
  /** Offer "Ask about this" (an assistant is linked, or the host asked for it). */
  ask: boolean
}

/** An error state: what failed, the stable code, and a retry button. */
export function errorState(
  title: string,
  error: InsetError | undefined,
  onRetry: () => void,
): HTMLElement {
  const s = t()
  return h(
    'div',
    { class: 'state error', role: 'alert' },
    icon(ICONS.alert),
    h('strong', null, title),
    error ? h('code', { 'data-error-code': error.code }, s.errorCode(error.code)) : null,
    h('button', { type: 'button', class: 'btn', onclick: onRetry }, icon(ICONS.refresh), s.retry),
  )
}

function skeleton(kind: TileDefinition['kind']): HTMLElement[] {
  const block = (cls: string, style?: string) => h('div', { class: `skeleton ${cls}`, style })
  if (kind === 'kpi') return [block('sk-kpi'), block('sk-line')]
  if (kind === 'table')
    return [0, 1, 2, 3, 4].map((i) => block('sk-row', `width:${[100, 92, 96, 88, 94][i]}%`))
  return [block('sk-chart')]
}

/** Rows of a table that fit a tile of `h` grid rows (112px each, 20px gaps; tile chrome ~160px). */
const pageSizeFor = (tile: TileDefinition) =>
  Math.max(3, Math.floor((tile.layout.h * 132 - 160) / 36))

/**
 * One tile: header, and a body showing a skeleton, the content, an empty state or an error.
 * The content is made once and updated, so that chart ↔ table, sort and page survive new data,
 * and nothing is redrawn when the snapshot's tile object is the same one as before.
 */
export class TileView {
  readonly element: HTMLElement
  readonly #tile: TileDefinition
  readonly #host: TileHost
  readonly #body: HTMLElement
  readonly #tools: HTMLElement
  /** "Showing the first N rows", under a table whose result was cut at the tile's limit. */
  readonly #note = h('p', { class: 'note', hidden: true })
  #content: TileContent | undefined
  #last: TileSnapshot | undefined
  #shown: QueryResult | undefined
  /** Selection chip, drill toggle and downloads, before the content's own tools. */
  readonly #actions = h('div', { class: 'tile-actions' })
  /** The drill path walked so far ("Category › Hardware"), under the header. */
  readonly #crumbs = h('nav', { class: 'crumbs', part: 'tile-breadcrumb', hidden: true })
  #state: TileState = { drill: [], canExport: false, ask: false }
  #drillMode = false

  constructor(tile: TileDefinition, host: TileHost) {
    this.#tile = tile
    this.#host = host
    const titleId = uid('tile')
    this.#tools = h('div', { class: 'tile-tools' })
    this.#body = h('div', { class: 'tile-body' }, skeleton(tile.kind))
    this.element = h(
      'section',
      {
        class: `tile tile-${tile.kind}`,
        part: `tile tile-${tile.kind}`,
        'data-tile': tile.id,
        'aria-labelledby': titleId,
        'aria-busy': 'true',
      },
      h(
        'header',
        { class: 'tile-head', part: 'tile-header' },
        h('h3', { class: 'tile-title', id: titleId, title: tile.description }, tile.title),
        this.#actions,
        this.#tools,
      ),
      this.#crumbs,
      this.#body,
    )
    this.renderActions()
  }

  /** The drill path continues below the level shown. */
  get #canDrill(): boolean {
    return (this.#tile.drill?.length ?? 0) - 1 > this.#state.drill.length
  }

  /** Takes the dashboard's view of this tile: selection, drill level, downloads. */
  sync(state: TileState): void {
    const before = this.#state
    this.#state = state
    if (before.selection?.value !== state.selection?.value) this.#content?.redraw?.()
    if (
      before.selection?.value !== state.selection?.value ||
      before.drill !== state.drill ||
      before.canExport !== state.canExport ||
      before.ask !== state.ask
    ) {
      if (!this.#canDrill) this.#drillMode = false
      this.renderActions()
    }
  }

  /** The chart as a PNG (chart tiles once drawn). */
  toPng(): Promise<Blob> {
    return this.#content?.toPng?.() ?? Promise.reject(new Error('This tile has no chart'))
  }

  /** Draws the selection chip, drill toggle, downloads and breadcrumb once their chunk is in. */
  renderActions(): void {
    tileActions?.renderTileActions({
      tile: this.#tile,
      state: this.#state,
      host: this.#host,
      actions: this.#actions,
      crumbs: this.#crumbs,
      canDrill: this.#canDrill,
      drillMode: this.#drillMode,
      toggleDrill: () => {
        this.#drillMode = !this.#drillMode
        this.renderActions()
      },
    })
  }

  place(placement: TilePlacement): void {
    this.element.style.setProperty('--w', String(placement.columns))
    this.element.style.setProperty('--h', String(placement.rows))
  }

  update(snapshot: TileSnapshot | undefined): void {
    if (snapshot === this.#last) return
    this.#last = snapshot
    const status = snapshot?.status ?? 'loading'
    const busy = status === 'loading' || status === 'updating' || status === 'idle'
    this.element.setAttribute('aria-busy', String(busy))
    this.element.dataset.status = status
    if (status === 'error' && snapshot?.error) {
      this.#shown = undefined
      this.#tools.hidden = true
      replaceChildren(
        this.#body,
        errorState(t().tileErrorTitle, snapshot.error, () => this.#host.retry()),
      )
      return
    }
    const data = snapshot?.data
    if (!data || data === this.#shown) {
      if (!data && !this.#shown) replaceChildren(this.#body, skeleton(this.#tile.kind))
      this.#body.classList.toggle('has-data', Boolean(this.#shown))
      return
    }
    this.#shown = data
    // Results of a server with a result cache say how old they are: "as of 10:42" when old.
    if (data.meta.cache)
      loadDataAge().then(({ showDataAge }) =>
        showDataAge(this.element, this.#shown?.meta, this.#host.format().locale),
      )
    this.#body.classList.add('has-data')
    if (data.rows.length === 0) {
      this.#tools.hidden = true
      replaceChildren(
        this.#body,
        h(
          'div',
          { class: 'state empty' },
          icon(ICONS.empty),
          h('strong', null, t().empty),
          t().emptyHint,
        ),
      )
      return
    }
    this.#content ??= this.#createContent()
    const content = this.#content
    this.#tools.hidden = false
    if (content.element.parentNode !== this.#body) {
      replaceChildren(this.#body, content.element, this.#note)
      replaceChildren(this.#tools, content.tools ?? [])
    }
    content.update(data)
    this.#note.hidden = this.#tile.kind !== 'table' || !data.meta.truncated
    this.#note.textContent = t().truncated(data.rows.length)
  }

  restyle(): void {
    this.#content?.restyle?.()
  }

  destroy(): void {
    this.#content?.destroy?.()
  }

  #createContent(): TileContent {
    const tile = this.#tile
    const format = () => this.#host.format()
    const onPoint = (result: QueryResult, rowIndex: number) =>
      this.#host.activate(tile.id, result, rowIndex, this.#drillMode && this.#canDrill)
    const selected = () => this.#state.selection?.value
    if (tile.kind === 'kpi') return createKpi(format)
    if (tile.kind === 'table') {
      const table = createDataTable({
        caption: tile.title,
        pageSize: pageSizeFor(tile),
        format,
        onRowActivate: (row) => this.#shown && onPoint(this.#shown, this.#shown.rows.indexOf(row)),
        selected,
      })
      return { element: table.element, update: table.update, redraw: table.redraw }
    }
    return createLazyChartTile({
      tile,
      kind: tile.kind,
      format,
      pageSize: pageSizeFor(tile),
      onPoint,
      selected,
    })
  }
}
