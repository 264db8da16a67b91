// The lazily loaded chart chunk: uPlot drawing our two chart kinds, styled from CSS custom properties.
import uPlot from 'uplot'
import { parseIsoDate } from '../format'
import { adoptStyles } from '../styles/adopt'
import { chartStyles } from '../styles/chart'
import type { ChartHandle, ChartSpec } from './chart-types'

interface Palette {
  text: string
  muted: string
  grid: string
  series: string[]
  font: string
}

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

/** `#rrggbb` with an alpha, for the area under a line; other colour syntaxes fall back to none. */
function withAlpha(color: string, alpha: number): string {
  const match = /^#([0-9a-f]{6})$/i.exec(color)
  if (!match?.[1]) return 'transparent'
  const n = Number.parseInt(match[1], 16)
  return `rgba(${n >> 16},${(n >> 8) & 255},${n & 255},${alpha})`
}

/** Picks about one x label per `spacing` pixels from the data's own x values. */
function thinSplits(values: number[], width: number, spacing: number): number[] {
  const step = Math.max(1, Math.ceil(values.length / Math.max(1, Math.floor(width / spacing))))
  return values.filter((_, i) => i % step === 0)
}

function timeseriesOptions(
  spec: ChartSpec,
  palette: Palette,
  size: { width: number; height: number },
): uPlot.Options {
  const measures = spec.result.columns.slice(1)
  const axis = { stroke: palette.muted, font: palette.font, ticks: { show: false }, gap: 6 }
  return {
    ...size,
    legend: { show: false },
    padding: [8, 8, 0, 0],
    cursor: { drag: { x: false, y: false }, points: { size: 8, width: 2 } },
    scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] } },
    series: [
      {},
      ...measures.map((column, i) => {
        const color = palette.series[i % palette.series.length] ?? '#4f46e5'
        return {
          label: column.label,
          stroke: color,
          width: 2,
          points: { show: false },
          fill: (u: uPlot) => {
            const gradient = u.ctx.createLinearGradient(
              0,
              u.bbox.top,
              0,
              u.bbox.top + u.bbox.height,
            )
            gradient.addColorStop(0, withAlpha(color, measures.length > 1 ? 0 : 0.22))
            gradient.addColorStop(1, withAlpha(color, 0))
            return gradient
          },
        }
      }),
    ],
    axes: [
      {
        ...axis,
        grid: { show: false },
        splits: (u) =>
          thinSplits((u.data[0] as number[]) ?? [], u.bbox.width / devicePixelRatio, 84),
        values: (_u, splits) => splits.map((v) => spec.formatX(v)),
      },
      {
        ...axis,
        grid: { stroke: palette.grid, width: 1 },
        size: 56,
        values: (_u, splits) => splits.map((v) => spec.formatY(v, 0)),
      },
    ],
  }
}

function breakdownOptions(
  spec: ChartSpec,
  palette: Palette,
  size: { width: number; height: number },
): uPlot.Options {
  const labels = spec.result.rows.map((row) => spec.formatX(String(row[0] ?? '')))
  const longest = Math.max(0, ...labels.map((l) => l.length))
  const color = palette.series[0] ?? '#4f46e5'
  const axis = { stroke: palette.muted, font: palette.font, ticks: { show: false }, gap: 8 }
  return {
    ...size,
    legend: { show: false },
    padding: [4, 16, 0, 0],
    cursor: { drag: { x: false, y: false }, points: { show: false }, y: false },
    scales: {
      x: { time: false, ori: 1, dir: -1, range: () => [-0.5, labels.length - 0.5] },
      y: { ori: 0, range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] },
    },
    series: [
      {},
      {
        label: spec.result.columns[1]?.label ?? '',
        fill: color,
        stroke: color,
        width: 0,
        paths: uPlot.paths.bars?.({ size: [0.62, 40], radius: 0.2 }),
        points: { show: false },
      },
    ],
    axes: [
      {
        ...axis,
        side: 3,
        grid: { show: false },
        size: Math.min(160, 16 + longest * 7),
        splits: () => labels.map((_, i) => i),
        values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
      },
      {
        ...axis,
        side: 2,
        grid: { stroke: palette.grid, width: 1 },
        values: (_u, splits) => splits.map((v) => spec.formatY(v, 0)),
      },
    ],
  }
}

function chartData(spec: ChartSpec): uPlot.AlignedData {
  const { rows, columns } = spec.result
  const measures = columns
    .slice(1)
    .map((_, m) =>
      rows.map((row) => (typeof row[m + 1] === 'number' ? (row[m + 1] as number) : null)),
    )
  if (spec.kind === 'breakdown') return [rows.map((_, i) => i), ...measures]
  const xs = rows.map((row) => {
    const date = typeof row[0] === 'string' ? parseIsoDate(row[0]) : null
    return date ? date.getTime() : Number(row[0])
  })
  return [xs, ...measures]
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
    const options =
      spec.kind === 'breakdown'
        ? breakdownOptions(spec, palette, size())
        : timeseriesOptions(spec, palette, size())
    options.hooks = { setCursor: [showTip] }
    plot = new uPlot(options, chartData(spec), container)
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
