// uPlot axes whose ticks come from `axis-ticks.ts`: labels measured in the axis font, so that they
// never run together at any width, and the labels shown recorded for `data-axis-*` attributes.
import type uPlot from 'uplot'
import type { AxisLabel, AxisRoom } from './axis-ticks'

/** Measures axis text in the axis font, in CSS pixels. */
export interface AxisText {
  font: string
  width(text: string): number
  /** The height a label takes on a vertical axis. */
  lineHeight: number
}

/** Text metrics of a CSS font (`12px Inter, sans-serif`), from a detached canvas. */
export function axisText(font: string): AxisText {
  const context = document.createElement('canvas').getContext('2d')
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12)
  const widths = new Map<string, number>()
  return {
    font,
    lineHeight: Math.ceil(size * 1.25),
    width(text) {
      let width = widths.get(text)
      if (width === undefined) {
        if (context) context.font = font
        // Without a canvas (tests in a DOM emulation) a generous estimate.
        width = context?.measureText(text).width ?? text.length * size * 0.65
        widths.set(text, width)
      }
      return width
    },
  }
}

/** `text`, shortened with an ellipsis to at most `max` pixels wide. */
export function truncate(text: string, max: number, measure: (text: string) => number): string {
  if (measure(text) <= max) return text
  let end = text.length
  while (end > 0 && measure(`${text.slice(0, end).trimEnd()}…`) > max) end--
  return end > 0 ? `${text.slice(0, end).trimEnd()}…` : ''
}

/** Room along a horizontal (bottom) axis: labels are as wide as their text. */
export function horizontalRoom(
  text: AxisText,
  room: Pick<AxisRoom, 'position' | 'length' | 'before' | 'after'>,
): AxisRoom {
  return { ...room, extent: (label) => text.width(label), gap: 12 }
}

/** Room along a vertical (left) axis: labels are one line high, `gap` apart. */
export function verticalRoom(
  text: AxisText,
  room: Pick<AxisRoom, 'position' | 'length' | 'before' | 'after'>,
  gap = 4,
): AxisRoom {
  return { ...room, extent: () => text.lineHeight, gap }
}

/** The labels each axis showed at the last layout, by axis index. */
export type ShownTicks = AxisLabel[][]

/**
 * The `space` and `splits` of a uPlot axis whose ticks `pick` chooses for the plot length uPlot
 * lays out (uPlot asks `space` with that length just before `splits`).
 */
export function pickedTicks(
  axisIndex: number,
  shown: ShownTicks,
  pick: (min: number, max: number, length: number) => AxisLabel[],
): Pick<uPlot.Axis, 'space' | 'splits' | 'values'> {
  let length = 0
  let texts = new Map<number, string>()
  return {
    space: (_u, _i, _min, _max, plotLength) => {
      length = plotLength
      return 1
    },
    splits: (_u, _i, min, max) => {
      const labels = pick(min, max, length)
      shown[axisIndex] = labels
      texts = new Map(labels.map((label) => [label.value, label.text]))
      return labels.map((label) => label.value)
    },
    values: (_u, splits) => splits.map((value) => texts.get(value) ?? ''),
  }
}

/**
 * Writes the labels each axis shows, with their centres in CSS pixels from the chart's top-left
 * corner, to `data-axis-bottom` / `data-axis-left` of `element` (`[["$0", 64], …]`): what a test or
 * a host can check the drawing by.
 */
export function recordTicks(u: uPlot, shown: ShownTicks, element: HTMLElement): void {
  const ratio = devicePixelRatio || 1
  u.axes.forEach((axis, i) => {
    const side = axis.side === 3 ? 'left' : axis.side === 2 ? 'bottom' : undefined
    const scale = axis.scale ?? (i === 0 ? 'x' : 'y')
    if (!side) return
    const offset = side === 'left' ? u.bbox.top / ratio : u.bbox.left / ratio
    const labels = (shown[i] ?? []).map((label) => [
      label.text,
      Math.round((offset + u.valToPos(label.value, scale)) * 10) / 10,
    ])
    element.setAttribute(`data-axis-${side}`, JSON.stringify(labels))
  })
}
