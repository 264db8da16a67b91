import type { ColumnMeta } from '@inset/core'
import { describe, expect, it } from 'vitest'
import {
  computeDelta,
  formatCell,
  formatDate,
  formatDelta,
  formatNumber,
  parseIsoDate,
} from './format'

const revenue: ColumnMeta = {
  name: 'revenue',
  label: 'Revenue',
  type: 'number',
  role: 'measure',
  format: 'currency',
}
const month: ColumnMeta = {
  name: 'month',
  label: 'Month',
  type: 'date',
  role: 'dimension',
  grain: 'month',
}

describe('formatNumber', () => {
  it('formats currency whole above a thousand and with cents below', () => {
    expect(formatNumber(1234567.891, 'currency', { locale: 'en-US' })).toBe('$1,234,568')
    expect(formatNumber(12.5, 'currency', { locale: 'en-US' })).toBe('$12.50')
    expect(formatNumber(99, 'currency', { locale: 'de-DE', currency: 'EUR' })).toBe('99,00\u00a0€')
  })
  it('uses compact notation only when asked and only for large values', () => {
    expect(formatNumber(1_234_567, 'currency', { locale: 'en-US', compact: true })).toBe('$1.2M')
    // Whole steps stay whole in every engine (Node 20's V8 padded them to `$1.0M`).
    expect(formatNumber(1_000_000, 'currency', { locale: 'en-US', compact: true })).toBe('$1M')
    expect(formatNumber(500_000, 'currency', { locale: 'en-US', compact: true })).toBe('$500K')
    expect(formatNumber(950, 'integer', { locale: 'en-US', compact: true })).toBe('950')
    expect(formatNumber(52_300, 'integer', { locale: 'en-US', compact: true })).toBe('52.3K')
  })
  it('reads percent values as fractions', () => {
    expect(formatNumber(0.1234, 'percent', { locale: 'en-US' })).toBe('12.3%')
  })
  it('rounds integers and keeps two decimals for plain numbers', () => {
    expect(formatNumber(1234.6, 'integer', { locale: 'en-US' })).toBe('1,235')
    expect(formatNumber(7.12345, undefined, { locale: 'en-US' })).toBe('7.12')
  })
})

describe('dates', () => {
  it('parses a bare ISO date as UTC midnight', () => {
    expect(parseIsoDate('2025-03-01')?.toISOString()).toBe('2025-03-01T00:00:00.000Z')
    expect(parseIsoDate('not a date')).toBeNull()
  })
  it('formats by grain without shifting the day across time zones', () => {
    expect(formatDate('2025-03-01', 'month', 'en-US')).toBe('Mar 2025')
    expect(formatDate('2025-08-15', 'quarter', 'en-US')).toBe('Q3 2025')
    expect(formatDate('2025-01-01', 'year', 'en-US')).toBe('2025')
    expect(formatDate('2025-01-01', 'day', 'en-US')).toBe('Jan 1, 2025')
    expect(formatDate('garbage', 'day', 'en-US')).toBe('garbage')
  })
})

describe('formatCell', () => {
  it('formats by column metadata and shows null as a dash', () => {
    expect(formatCell(1500, revenue, { locale: 'en-US' })).toBe('$1,500')
    expect(formatCell('2025-03-01', month, { locale: 'en-US' })).toBe('Mar 2025')
    expect(formatCell(null, revenue)).toBe('–')
    expect(formatCell('EU', undefined)).toBe('EU')
  })
})

describe('deltas', () => {
  it('computes the relative change and its direction', () => {
    expect(computeDelta(120, 100)).toEqual({ ratio: 0.2, direction: 'up' })
    expect(computeDelta(80, 100)).toEqual({ ratio: -0.2, direction: 'down' })
    expect(computeDelta(100, 100)?.direction).toBe('flat')
    expect(computeDelta(-50, -100)?.direction).toBe('up')
  })
  it('has nothing to compare with a missing or zero previous value', () => {
    expect(computeDelta(100, null)).toBeNull()
    expect(computeDelta(100, 0)).toBeNull()
  })
  it('prints a sign and a real minus', () => {
    expect(formatDelta({ ratio: 0.123, direction: 'up' }, 'en-US')).toBe('+12.3%')
    expect(formatDelta({ ratio: -0.04, direction: 'down' }, 'en-US')).toBe('−4.0%')
  })
})
