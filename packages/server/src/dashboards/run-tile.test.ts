import { describe, expect, it } from 'vitest'
import { previousPeriod } from './run-tile'

describe('previousPeriod', () => {
  it.each([
    ['2025-04-01', '2025-07-01', { from: '2024-12-31', to: '2025-04-01' }],
    ['2026-01-01', '2026-01-08', { from: '2025-12-25', to: '2026-01-01' }],
    [
      '2025-03-01T12:00:00Z',
      '2025-03-01T18:00:00Z',
      { from: '2025-03-01T06:00:00.000Z', to: '2025-03-01T12:00:00.000Z' },
    ],
  ])('[%s, %s) follows %j', (from, to, expected) => {
    expect(previousPeriod(from, to)).toEqual(expected)
  })

  it('has no previous period for an open or empty range', () => {
    expect(previousPeriod('2025-01-01', undefined)).toBeUndefined()
    expect(previousPeriod(undefined, '2025-01-01')).toBeUndefined()
    expect(previousPeriod('2025-01-01', '2025-01-01')).toBeUndefined()
  })
})
