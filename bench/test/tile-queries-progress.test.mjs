import { describe, expect, it } from 'vitest'
import { parseProgress } from '../src/server/tile-queries.mjs'

describe('parseProgress', () => {
  it('reads the runs a stopped tile-query benchmark finished from its progress lines', () => {
    const stderr = [
      '1 clients, cache off: HTTP p50/p99 72.96/295.4 ms, raw 76.71/138.52 ms (2 × 1.1 s)',
      'some other line',
      '10 clients, cache on: HTTP p50/p99 27.24/390.62 ms, raw 1426.88/2931.87 ms (2 × 14.1 s)',
    ].join('\n')
    const runs = parseProgress(stderr)
    expect(runs.map((run) => [run.clients, run.cache])).toEqual([
      [1, 'off'],
      [10, 'on'],
    ])
    expect(runs[1].http).toEqual({ p50: 27.24, p99: 390.62 })
    expect(runs[0].ratioP99).toBeCloseTo(295.4 / 138.52)
  })
})
