import { describe, expect, it } from 'vitest'
import { formatSummary, percentile, summarize } from '../src/lib/stats.mjs'

describe('summarize', () => {
  it('gives the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(summarize([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30, runs: 3 })
    expect(summarize([40, 10, 30, 20])).toEqual({ median: 25, min: 10, max: 40, runs: 4 })
  })

  it('leaves out runs that measured nothing', () => {
    expect(summarize([5, undefined, Number.NaN, 7, 6])).toEqual({
      median: 6,
      min: 5,
      max: 7,
      runs: 3,
    })
    expect(summarize([])).toEqual({ median: null, min: null, max: null, runs: 0 })
  })
})

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(values, 50)).toBe(50)
    expect(percentile(values, 99)).toBe(99)
    expect(percentile([3], 99)).toBe(3)
  })
})

describe('formatSummary', () => {
  it('writes the unit once, after the median', () => {
    const ms = (value) => `${value} ms`
    expect(formatSummary({ median: 11, min: 10, max: 12, runs: 3 }, ms)).toBe('11 ms (10–12)')
  })

  it('gives one value when every run agreed, and n/a when none measured', () => {
    expect(formatSummary({ median: 4, min: 4, max: 4, runs: 2 })).toBe('4')
    expect(formatSummary(summarize([]))).toBe('n/a')
  })
})
