import type { CellValue, ColumnMeta } from '@inset/core'

/** How values are turned into text: locale and currency of the host. */
export interface FormatOptions {
  locale?: string | undefined
  currency?: string | undefined
  /** Short forms such as `1.2M`, for KPIs and axes. */
  compact?: boolean
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()

function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions) {
  const key = `n|${locale}|${JSON.stringify(options)}`
  let format = cache.get(key) as Intl.NumberFormat | undefined
  if (!format) {
    format = new Intl.NumberFormat(locale, options)
    cache.set(key, format)
  }
  return format
}

function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions) {
  const key = `d|${locale}|${JSON.stringify(options)}`
  let format = cache.get(key) as Intl.DateTimeFormat | undefined
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options })
    cache.set(key, format)
  }
  return format
}

/** Parses an ISO date or timestamp; a bare `YYYY-MM-DD` is read as midnight UTC. */
export function parseIsoDate(value: string): Date | null {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** Formats a date for its grain: `Mar 2025` for months, `Q1 2025` for quarters. */
export function formatDate(
  value: string | number | Date,
  grain: ColumnMeta['grain'] | undefined,
  locale?: string,
): string {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'number'
        ? new Date(value)
        : parseIsoDate(value)
  if (!date) return String(value)
  switch (grain) {
    case 'year':
      return String(date.getUTCFullYear())
    case 'quarter':
      return `Q${Math.floor(date.getUTCMonth() / 3) + 1} ${date.getUTCFullYear()}`
    case 'month':
      return dateFormat(locale, { month: 'short', year: 'numeric' }).format(date)
    default:
      return dateFormat(locale, { month: 'short', day: 'numeric', year: 'numeric' }).format(date)
  }
}

/** Formats a number by the column's format: currency, percent (a fraction), integer or number. */
export function formatNumber(
  value: number,
  format: ColumnMeta['format'] | undefined,
  options: FormatOptions = {},
): string {
  const { locale, currency = 'USD', compact = false } = options
  const notation = compact && Math.abs(value) >= 10_000 ? 'compact' : 'standard'
  switch (format) {
    case 'currency':
      return numberFormat(locale, {
        style: 'currency',
        currency,
        notation,
        // Explicit for compact: older engines pad `$1M` to `$1.0M` (the currency's own digits).
        ...(notation === 'compact' && { minimumFractionDigits: 0 }),
        maximumFractionDigits:
          notation === 'compact' ? 1 : compact || Math.abs(value) >= 1000 ? 0 : 2,
      }).format(value)
    case 'percent':
      return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value)
    case 'integer':
      return numberFormat(locale, {
        notation,
        maximumFractionDigits: notation === 'compact' ? 1 : 0,
      }).format(value)
    default:
      return numberFormat(locale, {
        notation,
        maximumFractionDigits: notation === 'compact' ? 1 : 2,
      }).format(value)
  }
}

/** Formats one cell by its column's metadata; `null` is an en dash. */
export function formatCell(
  value: CellValue,
  column: ColumnMeta | undefined,
  options: FormatOptions = {},
): string {
  if (value === null || value === undefined) return '–'
  if (typeof value === 'number') return formatNumber(value, column?.format, options)
  if (typeof value === 'boolean') return value ? '✓' : '✗'
  if (column?.type === 'date') return formatDate(value, column.grain, options.locale)
  return value
}

/** The change of a KPI against its previous period, or `null` when there is nothing to compare. */
export interface Delta {
  /** Relative change, `0.12` for +12 %. */
  ratio: number
  direction: 'up' | 'down' | 'flat'
}

/** Relative change from `previous` to `value`; `null` when `previous` is missing or zero. */
export function computeDelta(value: CellValue, previous: CellValue): Delta | null {
  if (typeof value !== 'number' || typeof previous !== 'number' || previous === 0) return null
  const ratio = (value - previous) / Math.abs(previous)
  const direction = Math.abs(ratio) < 0.0005 ? 'flat' : ratio > 0 ? 'up' : 'down'
  return { ratio, direction }
}

/** `+12.3%` / `−4.0%`, with a real minus sign. */
export function formatDelta(delta: Delta, locale?: string): string {
  const text = numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(delta.ratio)
  return text.replace('-', '−')
}
