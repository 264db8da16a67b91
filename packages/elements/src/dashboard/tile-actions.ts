// Lazily loaded with the first definition: what a tile offers beyond its data (the cross-filter
// it set, drilling, downloads) and the breadcrumb of its drill path.
import {
  type DashboardController,
  type DashboardSnapshot,
  InsetError,
  type TileDefinition,
  toInsetError,
} from '@inset/core'
import { h, ICONS, icon, replaceChildren } from '../dom'
import { dispatchInsetEvent } from '../events'
import { t } from '../strings'
import type { TileHost, TileState, TileView } from './tile-view'

export interface TileActionsView {
  tile: TileDefinition
  state: TileState
  host: TileHost
  /** The header's slot for the actions, and the breadcrumb under the header. */
  actions: HTMLElement
  crumbs: HTMLElement
  /** The drill path continues below the level shown. */
  canDrill: boolean
  drillMode: boolean
  toggleDrill(): void
}

const iconButton = (label: string, path: string, onclick: () => void, extra = {}) =>
  h(
    'button',
    {
      type: 'button',
      class: 'btn ghost icon-only',
      'aria-label': label,
      title: label,
      onclick,
      ...extra,
    },
    icon(path),
  )

/** A speech bubble: "Ask about this". */
const ASK_ICON = 'M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z'

/** Draws a tile's actions and breadcrumb from its state. */
export function renderTileActions(view: TileActionsView): void {
  const s = t()
  const { tile, state, host } = view
  const { selection, drill, canExport } = state
  const path = tile.drill ?? []
  const download = (format: 'csv' | 'png') => (event: Event) => {
    ;(event.currentTarget as HTMLElement).closest('details')?.removeAttribute('open')
    host.exportTile(tile.id, format)
  }
  replaceChildren(
    view.actions,
    state.ask
      ? iconButton(s.askAbout, ASK_ICON, () => host.askAbout(tile), { part: 'tile-ask-about' })
      : null,
    selection
      ? h(
          'button',
          {
            type: 'button',
            class: 'chip',
            part: 'tile-selection',
            'aria-label': s.clearSelection(selection.label, String(selection.value)),
            onclick: () => host.clearSelection(tile.id),
          },
          String(selection.value),
          icon(ICONS.close),
        )
      : null,
    view.canDrill
      ? iconButton(
          s.drillDown(path[drill.length + 1]?.label.toLowerCase() ?? ''),
          ICONS.drill,
          view.toggleDrill,
          { 'aria-pressed': String(view.drillMode), 'data-drill-toggle': '' },
        )
      : null,
    canExport
      ? h(
          'details',
          { class: 'menu', part: 'tile-download' },
          h(
            'summary',
            { class: 'btn ghost icon-only', 'aria-label': s.download, title: s.download },
            icon(ICONS.download),
          ),
          h(
            'div',
            { class: 'menu-list', role: 'group', 'aria-label': s.download },
            h(
              'button',
              { type: 'button', class: 'btn ghost', onclick: download('csv') },
              s.downloadCsv,
            ),
            tile.kind === 'timeseries' || tile.kind === 'breakdown'
              ? h(
                  'button',
                  { type: 'button', class: 'btn ghost', onclick: download('png') },
                  s.downloadPng,
                )
              : null,
          ),
        )
      : null,
  )
  view.crumbs.hidden = drill.length === 0
  view.crumbs.setAttribute('aria-label', s.drillPath)
  replaceChildren(
    view.crumbs,
    [path[0]?.label ?? '', ...drill.map(String)].map((label, level) =>
      level === drill.length
        ? h('span', { 'aria-current': 'location' }, label)
        : h(
            'button',
            {
              type: 'button',
              class: 'crumb',
              onclick: () => host.drillUp(tile.id, drill.length - level),
            },
            label,
          ),
    ),
  )
}

/** Hands a file to the browser's downloads. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = h('a', { href: url, download: name, hidden: true })
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1_000)
}

export interface TileExport {
  element: HTMLElement
  dashboardId: string
  /** Absent when the token may not download. */
  controller: DashboardController | undefined
  tile: TileView | undefined
  tileId: string
  format: 'csv' | 'png'
  live: HTMLElement
}

/** Downloads a tile as CSV (from the server) or PNG (its chart), and reports it. */
export async function exportTile(job: TileExport): Promise<Blob> {
  const { element, dashboardId, controller, tileId, format } = job
  try {
    if (!controller || !job.tile)
      throw new InsetError('forbidden', 'Downloads need the token scope `export`')
    const blob =
      format === 'csv' ? await controller.exportCsv(tileId, { bom: true }) : await job.tile.toPng()
    saveFile(blob, `${dashboardId}-${tileId}.${format}`)
    dispatchInsetEvent(element, 'inset-export', { dashboardId, tileId, format, bytes: blob.size })
    return blob
  } catch (caught) {
    const error = toInsetError(caught)
    job.live.textContent = t().downloadFailed(error.message)
    dispatchInsetEvent(element, 'inset-export', { dashboardId, tileId, format, error })
    throw error
  }
}

/** Says a new cross-filter or drill level to screen readers. */
export function announce(live: HTMLElement, previous: DashboardSnapshot, next: DashboardSnapshot) {
  const s = t()
  const definition = next.definition
  const label = (filterId: string) =>
    definition?.filters.find((filter) => filter.id === filterId)?.label ?? filterId
  if (previous.selection !== next.selection) {
    const { selection } = next
    live.textContent = selection
      ? s.filteredBy(label(selection.filterId), String(selection.value))
      : previous.selection
        ? s.filterCleared(label(previous.selection.filterId))
        : ''
  }
  if (previous.drill !== next.drill)
    for (const tile of definition?.tiles ?? []) {
      if (next.drill[tile.id] === previous.drill[tile.id]) continue
      const values = next.drill[tile.id] ?? []
      const level = tile.drill?.[values.length]
      const value = values.at(-1)
      if (level)
        live.textContent =
          value === undefined ? level.label : s.drilledInto(String(value), level.label)
    }
}
