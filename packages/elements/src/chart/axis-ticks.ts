// Which ticks an axis labels, chosen from the labels' measured size so that they never run
// together: the densest candidate whose labels keep a gap between them and stay on the canvas.

/** One labelled tick: its value, its text and its centre along the axis in CSS pixels. */
export interface AxisLabel {
  value: number
  text: string
  /** Distance of the label's centre from the plot's start (left, or top), in CSS pixels. */
  at: number
}

/** The room an axis has for its labels. */
export interface AxisRoom {
  /** Where a value lands, in CSS pixels from the plot's start along the axis. */
  position(value: number): number
  /** The plot's length along the axis, in CSS pixels. */
  length: number
  /** Room for a label to stick out before the plot's start (e.g. the other axis' column). */
  before: number
  /** Room for a label to stick out after the plot's end (the padding). */
  after: number
  /** A label's size along the axis: its width on a horizontal axis, its line height on a vertical one. */
  extent(text: string): number
  /** Clear space kept between neighbouring labels, in CSS pixels. */
  gap: number
}

/**
 * The labels that fit: those sticking out of the room are dropped; `null` when two of the rest
 * come closer than `gap` or two say the same (a step finer than the format shows).
 */
export function fitLabels(labels: AxisLabel[], room: AxisRoom): AxisLabel[] | null {
  const kept = labels.filter((label) => {
    const half = room.extent(label.text) / 2
    return (
      label.at - half >= -room.before - 0.5 && label.at + half <= room.length + room.after + 0.5
    )
  })
  const ordered = [...kept].sort((a, b) => a.at - b.at)
  const texts = new Set<string>()
  for (let i = 0; i < ordered.length; i++) {
    const label = ordered[i] as AxisLabel
    if (texts.has(label.text)) return null
    texts.add(label.text)
    const next = ordered[i + 1]
    if (!next) continue
    const between = next.at - label.at - (room.extent(label.text) + room.extent(next.text)) / 2
    if (between < room.gap) return null
  }
  return kept
}

/** A linear position function: `min` at 0, `max` at `length` (or the other way round). */
export function linear(
  min: number,
  max: number,
  length: number,
  reversed = false,
): (value: number) => number {
  const span = max - min || 1
  return (value) => ((reversed ? max - value : value - min) / span) * length
}

/** Steps of 1, 2 and 5 times a power of ten, from about `span / count` up. */
function niceSteps(span: number, count: number): number[] {
  const steps: number[] = []
  let power = 10 ** Math.floor(Math.log10(span / Math.max(1, count)))
  while (steps.length < 40) {
    for (const factor of [1, 2, 5]) steps.push(factor * power)
    power *= 10
  }
  return steps.filter((step) => step > 0 && Number.isFinite(step))
}

/** Multiples of `step` from `min` to `max`, without floating-point residue (0.30000000000000004). */
function multiples(min: number, max: number, step: number): number[] {
  const values: number[] = []
  for (let i = Math.ceil(min / step - 1e-9); i * step <= max + step * 1e-9; i++)
    values.push(Number((i * step).toPrecision(12)))
  return values
}

/**
 * Ticks of a value axis: multiples of the finest 1-2-5 step whose labels fit. Steps of 1, 2 and 5
 * keep compact labels exact (no `$1.3M` for 1.25M); a step whose labels repeat is skipped.
 *
 * @example
 * valueTicks(0, 2_160_000, room, (v) => formatNumber(v, 'currency', { compact: true }))
 * // at 200 px: $0, $1M, $2M; at 600 px: $0, $500K, $1M, $1.5M, $2M
 */
export function valueTicks(
  min: number,
  max: number,
  room: AxisRoom,
  format: (value: number) => string,
): AxisLabel[] {
  if (!(max > min) || room.length <= 0) return []
  const span = max - min
  // Labels are at least `gap` apart: no need to format the steps finer than that.
  for (const step of niceSteps(span, room.length / Math.max(1, room.gap))) {
    if ((step / span) * room.length < room.gap) continue
    const values = multiples(min, max, step)
    const labels = values.map((value) => ({ value, text: format(value), at: room.position(value) }))
    const fit = fitLabels(labels, room)
    if (fit && (fit.length > 0 || values.length <= 1)) return fit
  }
  return []
}

/** How many data points one label may stand for: calendar-friendly counts first (quarters, years). */
function strides(count: number): number[] {
  const list = [1, 2, 3, 4, 6]
  // The last stride labels the first value alone.
  for (let stride = 12; stride < count + 12; stride += 12) list.push(stride)
  return list
}

/**
 * Ticks of an axis over the data's own values (dates, categories): every n-th value, for the
 * smallest n whose labels fit.
 *
 * @example
 * everyNthTick(months, room, (v) => formatDate(v, 'month')) // every 3rd month at 240 px
 */
export function everyNthTick(
  values: readonly number[],
  room: AxisRoom,
  format: (value: number) => string,
): AxisLabel[] {
  for (const stride of strides(values.length)) {
    const labels = values
      .filter((_, i) => i % stride === 0)
      .map((value) => ({ value, text: format(value), at: room.position(value) }))
    const fit = fitLabels(labels, room)
    if (fit && fit.length > 0) return fit
  }
  return []
}
