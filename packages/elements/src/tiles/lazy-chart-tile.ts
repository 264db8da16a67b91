import type { QueryResult } from '@inset/core'
import { h } from '../dom'
import { lazy } from '../lazy'
import type { ChartTileOptions } from './chart-tile'
import { createDataTable } from './data-table'
import type { TileContent } from './tile-content'

// The lazy chunk's one boundary: `./chart-tile` and everything it imports (uPlot, `../chart/*`)
// load on the first chart. Nothing else imports them.
const loadChartModule = lazy(() => import('./chart-tile'))

/** Starts loading the chart chunk now (a dashboard connecting), so no tile waits for it later. */
export function preloadCharts(): void {
  loadChartModule().catch(() => {})
}

/**
 * A chart tile whose code (and uPlot) loads on first use: a skeleton until the chunk arrives, then
 * the real chart tile. If the chunk cannot load, the data is shown as a table instead.
 */
export function createLazyChartTile(options: ChartTileOptions): TileContent {
  const element = h(
    'div',
    { class: 'chart-view', style: 'display:flex;flex-direction:column;flex:1;min-height:0' },
    h('div', { class: 'skeleton sk-chart', 'aria-hidden': 'true' }),
  )
  const tools = h('span', { style: 'display:contents' })
  let inner: TileContent | undefined
  let latest: QueryResult | undefined
  let destroyed = false

  loadChartModule().then(
    (module) => {
      if (destroyed) return
      inner = module.createChartTile(options)
      element.replaceChildren(inner.element)
      tools.replaceChildren(...(inner.tools ?? []))
      if (latest) inner.update(latest)
    },
    () => {
      if (destroyed) return
      const table = createDataTable({
        caption: options.tile.title,
        pageSize: options.pageSize,
        format: options.format,
        onRowActivate: (row) => latest && options.onPoint(latest, latest.rows.indexOf(row)),
        ...(options.selected && { selected: options.selected }),
      })
      inner = { element: table.element, update: table.update, redraw: table.redraw }
      element.replaceChildren(table.element)
      if (latest) inner.update(latest)
    },
  )

  return {
    element,
    tools: [tools],
    update(result) {
      latest = result
      inner?.update(result)
    },
    restyle: () => inner?.restyle?.(),
    redraw: () => inner?.redraw?.(),
    toPng: () => inner?.toPng?.() ?? Promise.reject(new Error('The chart is not loaded')),
    destroy() {
      destroyed = true
      inner?.destroy?.()
    },
  }
}
