// The lazily loaded chart chunk: uPlot drawing our two chart kinds, styled from CSS custom properties.
import uPlot from 'uplot'
import { adoptStyles } from '../styles/adopt'
import { chartStyles } from '../styles/chart'
import { axisText, recordTicks } from './axes'
import {
  breakdownOptions,
  chartData,
  type Layout,
  type Palette,
  timeseriesOptions,
} from './chart-options'
import type { ChartHandle, ChartSpec } from './chart-types'

function readPalette(element: HTMLElement): Palette {
  const style = getComputedStyle(element)
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback
  return {
    text: read('--inset-color-text', '#111827'),
    muted: read('--inset-color-muted', '#5b6472'),
    grid: read('--inset-color-border', '#e4e7ec'),
    series: [1, 2, 3, 4, 5, 6].map((i) => read(`--inset-chart-${i}`, '#4f46e5')),
    font: `12px ${style.fontFamily || 'sans-serif'}`,
  }
}

/** Mounts a uPlot chart that fills `container`, follows its size and shows a tooltip. */
function mountChart(container: HTMLElement, initial: ChartSpec): ChartHandle {
  const root = container.getRootNode()
  if (root instanceof ShadowRoot) adoptStyles(root, chartStyles)
  let spec = initial
  let plot: uPlot | undefined
  const tip = document.createElement('div')
  tip.className = 'tip'
  tip.hidden = true
  tip.setAttribute('aria-hidden', 'true')

  const size = () => ({
    width: Math.max(120, container.clientWidth),
    height: Math.max(80, container.clientHeight),
  })

  function showTip(u: uPlot) {
    const index = u.cursor.idx
    const row = index == null ? undefined : spec.result.rows[index]
    if (index == null || !row || u.cursor.left == null || u.cursor.left < 0) {
      tip.hidden = true
      return
    }
    const value = row[1]
    const horizontal = spec.kind === 'breakdown'
    const x = u.data[0][index] as number
    const y = typeof value === 'number' ? value : 0
    const left = horizontal ? u.valToPos(y, 'y') : u.valToPos(x, 'x')
    const top = horizontal ? u.valToPos(x, 'x') : u.valToPos(y, 'y')
    tip.replaceChildren()
    const title = document.createElement('b')
    title.textContent = spec.formatX(spec.kind === 'timeseries' ? x : String(row[0] ?? ''))
    tip.append(title, typeof value === 'number' ? spec.formatValue(value, 0) : '–')
    tip.style.left = `${u.bbox.left / devicePixelRatio + left}px`
    tip.style.top = `${u.bbox.top / devicePixelRatio + top}px`
    tip.hidden = false
  }

  function build() {
    plot?.destroy()
    const palette = readPalette(container)
    const data = chartData(spec)
    const layout: Layout = { size: size(), text: axisText(palette.font), shown: [] }
    const options =
      spec.kind === 'breakdown'
        ? breakdownOptions(spec, palette, layout)
        : timeseriesOptions(spec, palette, layout, data[0] as number[])
    options.hooks = {
      setCursor: [showTip],
      draw: [(u) => recordTicks(u, layout.shown, container)],
    }
    plot = new uPlot(options, data, container)
    plot.over.style.cursor = 'pointer'
    plot.over.addEventListener('click', () => {
      const index = plot?.cursor.idx
      if (index != null) spec.onPoint(index)
    })
    plot.over.addEventListener('mouseleave', () => {
      tip.hidden = true
    })
    plot.root.querySelector('.u-wrap')?.append(tip)
  }

  const observer = new ResizeObserver(() => plot?.setSize(size()))
  observer.observe(container)
  build()

  return {
    update(next) {
      spec = next
      build()
    },
    restyle: build,
    destroy() {
      observer.disconnect()
      plot?.destroy()
      plot = undefined
    },
  }
}

export { mountChart }
