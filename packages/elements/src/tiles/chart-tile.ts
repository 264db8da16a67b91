import type { CellValue, ColumnMeta, QueryResult, TileDefinition } from '@inset/core'
// Part of the lazily loaded chart chunk (with uPlot); `lazy-chart-tile.ts` stands in until it loads.
import type { ChartHandle, ChartSpec } from '../chart/chart-types'
import { mountChart } from '../chart/uplot-chart'
import { h, ICONS, icon } from '../dom'
import { type FormatOptions, formatCell, formatDate, formatNumber } from '../format'
import { t } from '../strings'
import { createDataTable } from './data-table'
import type { TileContent } from './tile-content'

export interface ChartTileOptions {
  tile: Pick<TileDefinition, 'title' | 'kind'>
  kind: 'timeseries' | 'breakdown'
  format: () => FormatOptions
  pageSize: number
  onPoint(result: QueryResult, rowIndex: number): void
  /** The category of the selected point (a cross-filter set from this tile). */
  selected?: () => CellValue | undefined
}

/** The accessible name of a chart: its kind, title, size and range. */
export function describeChart(
  kind: 'timeseries' | 'breakdown',
  title: string,
  result: QueryResult,
  locale?: string,
) {
  const s = t()
  const label = s.chartLabel(
    kind === 'timeseries' ? s.lineChart : s.barChart,
    title,
    result.rows.length,
  )
  const first = result.rows[0]?.[0]
  const last = result.rows[result.rows.length - 1]?.[0]
  const x = result.columns[0]
  if (kind !== 'timeseries' || first == null || last == null || !x) return label
  return `${label}, ${s.chartRange(formatCell(first, x, { locale }), formatCell(last, x, { locale }))}`
}

/**
 * A chart tile: the chart (lazily loaded, `role="img"` with a descriptive name) and a toggle to
 * the same data as a table, which is the keyboard- and screen-reader-friendly alternative.
 */
export function createChartTile(options: ChartTileOptions): TileContent {
  const chartBox = h('div', { class: 'chart', part: 'chart', role: 'img' })
  const table = createDataTable({
    caption: options.tile.title,
    pageSize: options.pageSize,
    format: options.format,
    onRowActivate: (row) => options.onPoint(result, result.rows.indexOf(row)),
    ...(options.selected && { selected: options.selected }),
  })
  table.element.hidden = true
  const element = h(
    'div',
    { class: 'chart-view', style: 'display:flex;flex-direction:column;flex:1;min-height:0' },
    chartBox,
    table.element,
  )
  let result: QueryResult = { columns: [], rows: [], meta: { rowCount: 0, durationMs: 0 } }
  let chart: ChartHandle | undefined
  /** The hidden table is filled when it is shown, not on every result the chart draws. */
  let tableBehind = false
  const refreshTable = (fill: () => void) => {
    if (table.element.hidden) tableBehind = true
    else fill()
  }

  const toggle = h(
    'button',
    {
      class: 'btn ghost icon-only',
      type: 'button',
      'aria-pressed': 'false',
      'aria-label': t().showTable,
      title: t().showTable,
      onclick: () => {
        const showTable = table.element.hidden
        if (showTable && tableBehind) {
          table.update(result)
          tableBehind = false
        }
        table.element.hidden = !showTable
        chartBox.hidden = showTable
        toggle.setAttribute('aria-pressed', String(showTable))
        replaceIcon(showTable ? ICONS.chart : ICONS.table)
      },
    },
    icon(ICONS.table),
  )
  const replaceIcon = (path: string) => toggle.replaceChildren(icon(path))

  function spec(): ChartSpec {
    const format = options.format()
    const columns = result.columns
    const x: ColumnMeta | undefined = columns[0]
    const measure = (i: number) => columns[i + 1]
    const selected = options.selected?.()
    const selectedRow =
      selected === undefined ? -1 : result.rows.findIndex((row) => row[0] === selected)
    return {
      ...(selectedRow >= 0 && { selected: selectedRow }),
      kind: options.kind,
      result,
      formatX: (value) =>
        typeof value === 'number' && options.kind === 'timeseries'
          ? formatDate(value, x?.grain, format.locale)
          : formatCell(value, x, format),
      formatY: (value, i) => formatNumber(value, measure(i)?.format, { ...format, compact: true }),
      formatValue: (value, i) => formatCell(value, measure(i), format),
      onPoint: (rowIndex) => options.onPoint(result, rowIndex),
    }
  }

  function draw() {
    chartBox.setAttribute(
      'aria-label',
      describeChart(options.kind, options.tile.title, result, options.format().locale),
    )
    if (chart) chart.update(spec())
    else {
      chartBox.textContent = ''
      chart = mountChart(chartBox, spec())
    }
  }

  return {
    element,
    tools: [toggle],
    update(next) {
      result = next
      refreshTable(() => table.update(next))
      draw()
    },
    restyle: () => chart?.restyle(),
    redraw() {
      refreshTable(() => table.redraw())
      draw()
    },
    toPng: () =>
      chart ? chart.toPng(options.tile.title) : Promise.reject(new Error('No chart drawn')),
    destroy: () => chart?.destroy(),
  }
}
