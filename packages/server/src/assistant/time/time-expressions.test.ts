import { describe, expect, it } from 'vitest'
import { describePeriod, periodOf, startOf } from './calendar'
import { parseTimeExpressions } from './time-expressions'

// Saturday 21 November 2026.
const TODAY = '2026-11-21'
const periods = (text: string, today = TODAY) =>
  parseTimeExpressions(text, today).map(({ from, to, unit }) => ({ from, to, unit }))
const one = (text: string, today = TODAY) => {
  const found = periods(text, today)
  expect(found, text).toHaveLength(1)
  return found[0]
}

describe('parseTimeExpressions', () => {
  it.each([
    ['revenue last quarter', '2026-07-01', '2026-10-01'],
    ['revenue this year', '2026-01-01', '2027-01-01'],
    ['revenue last year', '2025-01-01', '2026-01-01'],
    ['orders last month', '2026-10-01', '2026-11-01'],
    ['orders this month', '2026-11-01', '2026-12-01'],
    ['orders last week', '2026-11-09', '2026-11-16'],
    ['orders this quarter', '2026-10-01', '2027-01-01'],
    ['orders in the last 30 days', '2026-10-23', '2026-11-22'],
    ['orders over the past 3 months', '2026-08-22', '2026-11-22'],
    ['orders in the last two weeks', '2026-11-08', '2026-11-22'],
    ['orders in the past month', '2026-10-22', '2026-11-22'],
    ['orders year to date', '2026-01-01', '2026-11-22'],
    ['orders ytd', '2026-01-01', '2026-11-22'],
    ['orders today', '2026-11-21', '2026-11-22'],
    ['orders yesterday', '2026-11-20', '2026-11-21'],
    ['orders in Q1 2026', '2026-01-01', '2026-04-01'],
    ['orders in q2 of 2025', '2025-04-01', '2025-07-01'],
    ["orders in Q4 '25", '2025-10-01', '2026-01-01'],
    ['orders in 2025 Q3', '2025-07-01', '2025-10-01'],
    ['orders in the second quarter of 2025', '2025-04-01', '2025-07-01'],
    ['orders in the last quarter of 2025', '2025-10-01', '2026-01-01'],
    ['orders in H1 2026', '2026-01-01', '2026-07-01'],
    ['how many orders did we have in March 2025', '2025-03-01', '2025-04-01'],
    ['revenue in 2025', '2025-01-01', '2026-01-01'],
    ['revenue for 2025-02', '2025-02-01', '2025-03-01'],
    ['revenue on 3 March 2025', '2025-03-03', '2025-03-04'],
    ['revenue on 2025-12-24', '2025-12-24', '2025-12-25'],
    ['revenue from January to March 2025', '2025-01-01', '2025-04-01'],
    ['revenue between 2025-01-01 and 2025-02-15', '2025-01-01', '2025-02-16'],
    ['revenue from Q1 2025 to Q2 2025', '2025-01-01', '2025-07-01'],
    ['revenue between 2024 and 2025', '2024-01-01', '2026-01-01'],
  ])('%s → %s … %s', (text, from, to) => {
    expect(one(text)).toMatchObject({ from, to })
  })

  it('reads month names without a year as the latest such month, never a future one', () => {
    expect(one('orders in March')).toMatchObject({ from: '2026-03-01', to: '2026-04-01' })
    expect(one('orders in December')).toMatchObject({ from: '2025-12-01', to: '2026-01-01' })
    expect(one('orders in Q4')).toMatchObject({ from: '2026-10-01' })
    expect(one('orders in Q1', '2026-02-10')).toMatchObject({ from: '2026-01-01' })
    expect(one('orders in Q2', '2026-02-10')).toMatchObject({ from: '2025-04-01' })
  })

  it('applies open ends', () => {
    expect(one('revenue since March 2025')).toEqual({ from: '2025-03-01', unit: 'custom' })
    expect(one('revenue before 2025')).toEqual({ to: '2025-01-01', unit: 'custom' })
    expect(one('revenue until June 2025')).toEqual({ to: '2025-07-01', unit: 'custom' })
    expect(one('revenue after Q1 2026')).toEqual({ from: '2026-04-01', unit: 'custom' })
  })

  it('keeps separate periods apart (a comparison)', () => {
    expect(periods('compare 2025 vs 2026')).toEqual([
      { from: '2025-01-01', to: '2026-01-01', unit: 'year' },
      { from: '2026-01-01', to: '2027-01-01', unit: 'year' },
    ])
    expect(periods('this year vs last year').map((p) => p.from)).toEqual([
      '2026-01-01',
      '2025-01-01',
    ])
  })

  it('reports the span of each expression so the parser can skip its words', () => {
    const [match] = parseTimeExpressions('Revenue by region last quarter', TODAY)
    expect(match).toMatchObject({ text: 'last quarter', start: 18, end: 30 })
  })

  it('finds nothing in questions without time and leaves "may" the verb alone', () => {
    expect(periods('top 5 products by orders in EU')).toEqual([])
    expect(periods('may I see revenue by region')).toEqual([])
    expect(periods('revenue in may')).toHaveLength(1)
  })
})

describe('calendar', () => {
  it('starts weeks on Monday and describes periods in words', () => {
    expect(startOf('2026-11-22', 'week')).toBe('2026-11-16')
    expect(startOf('2026-11-16', 'week')).toBe('2026-11-16')
    expect(describePeriod(periodOf('2026-08-14', 'quarter'))).toBe('in Q3 2026')
    expect(describePeriod(periodOf('2025-03-14', 'month'))).toBe('in March 2025')
    expect(describePeriod(periodOf('2025-03-14', 'year'))).toBe('in 2025')
    expect(describePeriod({ from: '2026-10-23', to: '2026-11-22' })).toBe(
      'from 2026-10-23 to 2026-11-21',
    )
    expect(describePeriod({ from: '2025-03-03', to: '2025-03-04' })).toBe('on 2025-03-03')
    expect(describePeriod({ from: '2025-03-01' })).toBe('since 2025-03-01')
  })
})
