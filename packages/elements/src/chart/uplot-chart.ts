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

/** Reads a chart's size and styles (layout is clean) and returns the drawing to do after. */
type Measure = () => () => void
const measures = new WeakMap<Element, Measure>()
let sizes: ResizeObserver | undefined

/**
 * One resize observer for every chart on the page. Its callback runs after layout, before paint,
 * with the entries of every chart at once: all sizes and styles are read first, then all charts
 * drawn, so a dashboard's charts cost one layout between them instead of one each (a chart drawn
 * before the next one's reads makes those reads lay the page out again).
 */
function observeSize(element: Element, measure: Measure): () => void {
  sizes ??= new ResizeObserver((entries) => {
    const draws = entries.map((entry) => measures.get(entry.target)?.())
    for (const draw of draws) draw?.()
  })
  measures.set(element, measure)
  sizes.observe(element)
  return () => {
    sizes?.unobserve(element)
    measures.delete(element)
  }
}

/**
 * Mounts a uPlot chart that fills `container`, follows its size and shows a tooltip. It draws
 * once the container has been laid out (in the frame it is added, before that frame's paint).
 */
function mountChart(container: HTMLElement, initial: ChartSpec): ChartHandle {
  const root = container.getRootNode()
  if (root instanceof ShadowRoot) adoptStyles(root, chartStyles)
  let spec = initial
  let plot: uPlot | undefined
  /** The container's size and styles, read where layout is clean (undefined until laid out). */
  let size: { width: number; height: number } | undefined
  let palette: Palette | undefined
  const tip = document.createElement('div')
  tip.className = 'tip'
  tip.hidden = true
  tip.setAttribute('aria-hidden', 'true')

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
    if (!size || !palette) return
    plot?.destroy()
    const data = chartData(spec)
    const layout: Layout = { size, text: axisText(palette.font), shown: [] }
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

  const unobserve = observeSize(container, () => {
    size = {
      width: Math.max(120, container.clientWidth),
      height: Math.max(80, container.clientHeight),
    }
    palette ??= readPalette(container)
    const next = size
    return () => (plot ? plot.setSize(next) : build())
  })

  return {
    update(next) {
      spec = next
      build()
    },
    restyle() {
      if (!size) return
      palette = readPalette(container)
      build()
    },
    toPng: (title) => renderPng(container, spec, title),
    destroy() {
      unobserve()
      plot?.destroy()
      plot = undefined
    },
  }
}

/**
 * The chart drawn again off screen at twice its size on the page (sharp whatever the screen's
 * pixel ratio), under its title and above a legend of its series, as a PNG.
 */
async function renderPng(container: HTMLElement, spec: ChartSpec, title: string): Promise<Blob> {
  const scale = 2
  // uPlot draws at devicePixelRatio: size and fonts are set so that its canvas is `scale` ×.
  const factor = scale / (globalThis.devicePixelRatio || 1)
  const palette = readPalette(container)
  const family = getComputedStyle(container).fontFamily || 'sans-serif'
  const font = (px: number, weight = '') => `${weight} ${px * factor}px ${family}`.trim()
  const css = {
    width: Math.max(120, container.clientWidth),
    height: Math.max(80, container.clientHeight),
  }
  const layout: Layout = {
    size: { width: css.width * factor, height: css.height * factor },
    text: axisText(font(12)),
    shown: [],
  }
  const scaled = { ...palette, font: font(12) }
  const data = chartData(spec)
  const options =
    spec.kind === 'breakdown'
      ? breakdownOptions(spec, scaled, layout)
      : timeseriesOptions(spec, scaled, layout, data[0] as number[])
  const holder = document.createElement('div')
  const plot = new uPlot(options, data, holder)
  await new Promise((resolve) => requestAnimationFrame(resolve))
  const chart = plot.ctx.canvas
  const head = 44 * scale
  const foot = 32 * scale
  const out = document.createElement('canvas')
  out.width = chart.width
  out.height = chart.height + head + foot
  const ctx = out.getContext('2d')!
  ctx.fillStyle =
    getComputedStyle(container).getPropertyValue('--inset-color-surface').trim() || '#ffffff'
  ctx.fillRect(0, 0, out.width, out.height)
  ctx.fillStyle = palette.text
  ctx.textBaseline = 'middle'
  ctx.font = `600 ${16 * scale}px ${family}`
  ctx.fillText(title, 12 * scale, head / 2)
  ctx.drawImage(chart, 0, head)
  ctx.font = `${12 * scale}px ${family}`
  let x = 12 * scale
  spec.result.columns.slice(1).forEach((column, i) => {
    ctx.fillStyle = palette.series[i] ?? palette.text
    ctx.fillRect(x, head + chart.height + foot / 2 - 5 * scale, 10 * scale, 10 * scale)
    ctx.fillStyle = palette.text
    ctx.fillText(column.label, x + 16 * scale, head + chart.height + foot / 2)
    x += (16 + 12) * scale + ctx.measureText(column.label).width
  })
  plot.destroy()
  return new Promise((resolve, reject) =>
    out.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
      'image/png',
    ),
  )
}

export { mountChart }
