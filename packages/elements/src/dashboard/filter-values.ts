import type { DateRangeValue, FilterValue } from '@inset/core'

/** Shifts an ISO date (`YYYY-MM-DD`) by whole days, in UTC. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** Today's date in UTC as `YYYY-MM-DD`. */
export const todayIso = (now = Date.now()): string => new Date(now).toISOString().slice(0, 10)

/** The quick ranges of a date filter. */
export const DATE_PRESETS = ['all', 'last30', 'last90', 'last365'] as const
export type DatePreset = (typeof DATE_PRESETS)[number] | 'custom'

const presetDays: Record<Exclude<DatePreset, 'all' | 'custom'>, number> = {
  last30: 30,
  last90: 90,
  last365: 365,
}

/**
 * The exclusive end that presets count back from: tomorrow, or the day after the data's last
 * date when the data ends earlier (so that "last 30 days" of a finished data set is not empty).
 */
export function presetAnchor(max: string | undefined, today: string): string {
  const tomorrow = addDays(today, 1)
  if (!max) return tomorrow
  const afterMax = addDays(max, 1)
  // biome-ignore lint/complexity/useMathMinMax: ISO dates, compared as strings
  return afterMax < tomorrow ? afterMax : tomorrow
}

/** The range of a preset; `null` for all time. */
export function presetRange(preset: DatePreset, anchor: string): DateRangeValue | null {
  if (preset === 'all' || preset === 'custom') return null
  return { from: addDays(anchor, -presetDays[preset]), to: anchor }
}

/** Which preset a range is, or `custom`. */
export function presetOf(value: FilterValue | undefined, anchor: string): DatePreset {
  const range = asDateRange(value)
  if (!range.from && !range.to) return 'all'
  for (const preset of DATE_PRESETS) {
    const candidate = presetRange(preset, anchor)
    if (candidate && candidate.from === range.from && candidate.to === range.to) return preset
  }
  return 'custom'
}

/** A filter value read as a date range (anything else is the open range). */
export function asDateRange(value: FilterValue | undefined): DateRangeValue {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value
  return {}
}

/** A filter value read as a list of selected options. */
export function asSelection(value: FilterValue | undefined): Array<string | number> {
  if (Array.isArray(value)) return value
  if (
    value === null ||
    value === undefined ||
    typeof value === 'object' ||
    typeof value === 'boolean'
  )
    return []
  return [value]
}

/** The range as the user sees it: the exclusive `to` becomes the last included day. */
export function toInclusive(range: DateRangeValue): { from: string; to: string } {
  return { from: range.from?.slice(0, 10) ?? '', to: range.to ? addDays(range.to, -1) : '' }
}

/** The user's inclusive dates back to the wire's range (empty inputs leave that end open). */
export function fromInclusive(from: string, to: string): DateRangeValue | null {
  const range: DateRangeValue = {}
  if (from) range.from = from
  if (to) range.to = addDays(to, 1)
  return range.from || range.to ? range : null
}

/**
 * The text of a multi-select button: everything or nothing chosen reads as "All", up to two values
 * are named, more are counted.
 */
export function selectionSummary(
  selected: ReadonlyArray<string | number>,
  options: ReadonlyArray<string | number>,
  strings: { all: string; count: (n: number) => string },
): string {
  const chosen = options.filter((option) => selected.includes(option))
  if (chosen.length === 0 || chosen.length === options.length) return strings.all
  if (chosen.length <= 2) return chosen.join(', ')
  return strings.count(chosen.length)
}
