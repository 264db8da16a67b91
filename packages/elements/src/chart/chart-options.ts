// uPlot options for our two chart kinds: a line over time and horizontal bars per category.
import uPlot from 'uplot'
import { parseIsoDate } from '../format'
import {
  type AxisText,
  horizontalRoom,
  pickedTicks,
  type ShownTicks,
  truncate,
  verticalRoom,
} from './axes'
import { everyNthTick, linear, valueTicks } from './axis-ticks'
import type { ChartSpec } from './chart-types'

/** The colours and font a chart is drawn with, read from the CSS custom properties. */
export interface Palette {
  text: string
  muted: string
  grid: string
  series: string[]
  font: string
}

/** `#rrggbb` with an alpha, for the area under a line; other colour syntaxes fall back to none. */
function withAlpha(color: string, alpha: number): string {
  const match = /^#([0-9a-f]{6})$/i.exec(color)
  if (!match?.[1]) return 'transparent'
  const n = Number.parseInt(match[1], 16)
  return `rgba(${n >> 16},${(n >> 8) & 255},${n & 255},${alpha})`
}

/** What the axes are laid out with; `shown` collects the labels each axis shows. */
export interface Layout {
  size: { width: number; height: number }
  text: AxisText
  shown: ShownTicks
}

/** A line per measure over time. */
export function timeseriesOptions(
  spec: ChartSpec,
  palette: Palette,
  { size, text, shown }: Layout,
  xs: number[],
): uPlot.Options {
  const measures = spec.result.columns.slice(1)
  const axis = { stroke: palette.muted, font: palette.font, ticks: { show: false }, gap: 6 }
  const padding = { top: 8, right: 8 }
  // The y axis' width at the last layout: the first date label may hang into that column.
  let yAxisWidth = 48
  return {
    ...size,
    legend: { show: false },
    padding: [padding.top, padding.right, 0, 0],
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
        // Below the half line of the y axis' "$0".
        gap: 10,
        grid: { show: false },
        ...pickedTicks(0, shown, (min, max, length) =>
          everyNthTick(
            xs,
            horizontalRoom(text, {
              position: linear(min, max, length),
              length,
              before: yAxisWidth,
              after: padding.right,
            }),
            (value) => spec.formatX(value),
          ),
        ),
      },
      {
        ...axis,
        grid: { stroke: palette.grid, width: 1 },
        // uPlot asks once without values, before the first layout.
        size: (_u, values) => {
          if (values) yAxisWidth = Math.ceil(Math.max(0, ...values.map(text.width))) + axis.gap + 8
          return yAxisWidth
        },
        ...pickedTicks(1, shown, (min, max, length) =>
          valueTicks(
            min,
            max,
            // Values a little further apart than category names: a grid line each.
            verticalRoom(
              text,
              {
                position: linear(min, max, length, true),
                length,
                before: padding.top,
                after: text.lineHeight / 2,
              },
              8,
            ),
            (value) => spec.formatY(value, 0),
          ),
        ),
      },
    ],
  }
}

/** One horizontal bar per category. */
export function breakdownOptions(
  spec: ChartSpec,
  palette: Palette,
  { size, text, shown }: Layout,
): uPlot.Options {
  const labels = spec.result.rows.map((row) => spec.formatX(String(row[0] ?? '')))
  const longest = Math.ceil(Math.max(0, ...labels.map((label) => text.width(label))))
  const color = palette.series[0] ?? '#4f46e5'
  const axis = { stroke: palette.muted, font: palette.font, ticks: { show: false }, gap: 8 }
  const padding = { top: 4, right: 16 }
  // Category labels take at most 40 % of the width; longer ones end in an ellipsis.
  let categoryWidth = 0
  const categoryAxisWidth = (width: number) =>
    (categoryWidth = Math.min(Math.round(width * 0.4), longest + axis.gap + 8))
  return {
    ...size,
    legend: { show: false },
    padding: [padding.top, padding.right, 0, 0],
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
        paths: uPlot.paths.bars?.({
          size: [0.62, 40],
          radius: 0.2,
          // With a selected bar, the others fade (a 6-digit colour gets an alpha; else muted).
          ...(spec.selected !== undefined && {
            disp: {
              fill: {
                unit: 3,
                values: (u: uPlot) =>
                  (u.data[0] as number[]).map((_, i) =>
                    i === spec.selected
                      ? color
                      : /^#[\da-f]{6}$/i.test(color)
                        ? `${color}59`
                        : palette.muted,
                  ),
              },
            },
          }),
        }),
        points: { show: false },
      },
    ],
    axes: [
      {
        ...axis,
        side: 3,
        grid: { show: false },
        size: (u) => categoryAxisWidth(u.width || size.width),
        ...pickedTicks(0, shown, (min, max, length) =>
          everyNthTick(
            labels.map((_, i) => i),
            verticalRoom(text, {
              position: linear(min, max, length),
              length,
              before: padding.top,
              after: 0,
            }),
            (i) => truncate(labels[i] ?? '', categoryWidth - axis.gap - 8, text.width),
          ),
        ),
      },
      {
        ...axis,
        side: 2,
        grid: { stroke: palette.grid, width: 1 },
        ...pickedTicks(1, shown, (min, max, length) =>
          valueTicks(
            min,
            max,
            horizontalRoom(text, {
              position: linear(min, max, length),
              length,
              before: categoryWidth,
              after: padding.right,
            }),
            (value) => spec.formatY(value, 0),
          ),
        ),
      },
    ],
  }
}

/** uPlot's columns: x (epoch ms, or the row index for bars), then one column per measure. */
export function chartData(spec: ChartSpec): uPlot.AlignedData {
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
