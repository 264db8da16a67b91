import { describe, expect, it } from 'vitest'
import {
  addDays,
  asSelection,
  fromInclusive,
  presetAnchor,
  presetOf,
  presetRange,
  selectionSummary,
  toInclusive,
} from './filter-values'

describe('date ranges', () => {
  it('adds days across months and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28')
    expect(addDays('2025-12-31T00:00:00Z', 1)).toBe('2026-01-01')
  })
  it('anchors presets at tomorrow, or after the data ends when it ends earlier', () => {
    expect(presetAnchor(undefined, '2026-11-21')).toBe('2026-11-22')
    expect(presetAnchor('2026-10-31', '2026-11-21')).toBe('2026-11-01')
    expect(presetAnchor('2027-01-01', '2026-11-21')).toBe('2026-11-22')
  })
  it('maps presets to ranges and back', () => {
    const anchor = '2026-11-01'
    const last30 = presetRange('last30', anchor)
    expect(last30).toEqual({ from: '2026-10-02', to: '2026-11-01' })
    expect(presetOf(last30, anchor)).toBe('last30')
    expect(presetOf({}, anchor)).toBe('all')
    expect(presetOf(undefined, anchor)).toBe('all')
    expect(presetOf({ from: '2025-01-01' }, anchor)).toBe('custom')
    expect(presetRange('all', anchor)).toBeNull()
  })
  it('shows the exclusive end as the last included day and converts back', () => {
    expect(toInclusive({ from: '2025-01-01', to: '2025-02-01' })).toEqual({
      from: '2025-01-01',
      to: '2025-01-31',
    })
    expect(fromInclusive('2025-01-01', '2025-01-31')).toEqual({
      from: '2025-01-01',
      to: '2025-02-01',
    })
    expect(fromInclusive('', '2025-01-31')).toEqual({ to: '2025-02-01' })
    expect(fromInclusive('', '')).toBeNull()
  })
})

describe('selections', () => {
  const strings = { all: 'All', count: (n: number) => `${n} selected` }
  const options = ['EU', 'NA', 'APAC', 'LATAM']
  it('reads values as a selection', () => {
    expect(asSelection(['EU'])).toEqual(['EU'])
    expect(asSelection('EU')).toEqual(['EU'])
    expect(asSelection(null)).toEqual([])
    expect(asSelection({ from: 'x' })).toEqual([])
  })
  it('summarises none or all as All, names up to two, counts more', () => {
    expect(selectionSummary([], options, strings)).toBe('All')
    expect(selectionSummary(options, options, strings)).toBe('All')
    expect(selectionSummary(['NA', 'EU'], options, strings)).toBe('EU, NA')
    expect(selectionSummary(['EU', 'NA', 'APAC'], options, strings)).toBe('3 selected')
    expect(selectionSummary(['unknown'], options, strings)).toBe('All')
  })
})
