// Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC, so that an answer never depends on the
// server's time zone. Weeks start on Monday, as DuckDB's and PostgreSQL's date_trunc('week').

export type CalendarUnit = 'day' | 'week' | 'month' | 'quarter' | 'year'

/** A half-open period of dates: `from` inclusive, `to` exclusive. */
export interface Period {
  from: string
  to: string
}

const DAY_MS = 86_400_000

export function toUtcDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`)
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** `2026-11-21` from a Date (its UTC day). */
export function todayOf(now: Date): string {
  return isoDate(now)
}

export function addDays(iso: string, days: number): string {
  return isoDate(new Date(toUtcDate(iso).getTime() + days * DAY_MS))
}

/** Adds months; the day is clamped to the target month's length (Mar 31 - 1 month = Feb 28). */
export function addMonths(iso: string, months: number): string {
  const date = toUtcDate(iso)
  const day = date.getUTCDate()
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1))
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  first.setUTCDate(Math.min(day, last))
  return isoDate(first)
}

/** Adds `count` units (weeks are 7 days, quarters 3 months). */
export function shift(iso: string, unit: CalendarUnit, count: number): string {
  switch (unit) {
    case 'day':
      return addDays(iso, count)
    case 'week':
      return addDays(iso, 7 * count)
    case 'month':
      return addMonths(iso, count)
    case 'quarter':
      return addMonths(iso, 3 * count)
    case 'year':
      return addMonths(iso, 12 * count)
  }
}

/** The first day of the unit that contains the date. */
export function startOf(iso: string, unit: CalendarUnit): string {
  const date = toUtcDate(iso)
  const year = date.getUTCFullYear()
  const month = date.getUTCMonth()
  switch (unit) {
    case 'day':
      return iso.slice(0, 10)
    case 'week':
      // getUTCDay: Sunday 0 … Saturday 6; Monday starts the week.
      return addDays(iso, -((date.getUTCDay() + 6) % 7))
    case 'month':
      return isoDate(new Date(Date.UTC(year, month, 1)))
    case 'quarter':
      return isoDate(new Date(Date.UTC(year, month - (month % 3), 1)))
    case 'year':
      return isoDate(new Date(Date.UTC(year, 0, 1)))
  }
}

/** The whole unit that contains the date, e.g. the quarter of 2026-08-14: 2026-07-01 to 2026-10-01. */
export function periodOf(iso: string, unit: CalendarUnit): Period {
  const from = startOf(iso, unit)
  return { from, to: shift(from, unit, 1) }
}

/** A quarter of a year: `quarterOf(2026, 1)` is 2026-01-01 to 2026-04-01. */
export function quarterPeriod(year: number, quarter: number): Period {
  const from = isoDate(new Date(Date.UTC(year, (quarter - 1) * 3, 1)))
  return { from, to: shift(from, 'quarter', 1) }
}

export function yearPeriod(year: number): Period {
  const from = isoDate(new Date(Date.UTC(year, 0, 1)))
  return { from, to: shift(from, 'year', 1) }
}

export function monthPeriod(year: number, month: number): Period {
  const from = isoDate(new Date(Date.UTC(year, month - 1, 1)))
  return { from, to: shift(from, 'month', 1) }
}

/** True when `iso` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(iso: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && isoDate(toUtcDate(iso)) === iso
}

/** English month names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** `March 2025`, `Q3 2026`, `2025`, `2026-11-09 to 2026-11-15`: a period in words. */
export function describePeriod(period: Partial<Period>): string {
  const { from, to } = period
  if (from && to) {
    const last = addDays(to, -1)
    if (from === last) return `on ${from}`
    const start = toUtcDate(from)
    const month = start.getUTCMonth()
    const year = start.getUTCFullYear()
    if (from === startOf(from, 'year') && to === shift(from, 'year', 1)) return `in ${year}`
    if (from === startOf(from, 'quarter') && to === shift(from, 'quarter', 1))
      return `in Q${Math.floor(month / 3) + 1} ${year}`
    if (from === startOf(from, 'month') && to === shift(from, 'month', 1))
      return `in ${MONTHS[month]} ${year}`
    return `from ${from} to ${last}`
  }
  if (from) return `since ${from}`
  if (to) return `before ${to}`
  return 'over all time'
}
