import { describe, expect, it } from 'vitest'
import { classify } from '../src/lib/classify-token-requests.mjs'

const TTL = 10 // seconds: the load ends 4 s after the first request

describe('classify', () => {
  it('counts the initial requests of the load and, per cycle, the sources that refreshed', () => {
    const requests = [
      { at: 0, reason: 'initial', source: 'p:a' },
      { at: 100, reason: 'initial', source: 'p:b' },
      { at: 5_000, reason: 'refresh', source: 'p:a' },
      { at: 5_200, reason: 'refresh', source: 'p:b' },
      { at: 10_100, reason: 'refresh', source: 'p:a' },
    ]
    expect(classify(requests, TTL, 2)).toEqual({ load: 2, cycles: [2, 1] })
  })

  it('counts a source that fetched again after its token lapsed as traffic of a cycle, not of the load', () => {
    const requests = [
      { at: 0, reason: 'initial', source: 'p:a' },
      { at: 6_000, reason: 'initial', source: 'p:a' },
    ]
    expect(classify(requests, TTL, 1)).toEqual({ load: 1, cycles: [1] })
  })

  it("counts a tab that loaded late in the load, by its source's first request", () => {
    const requests = [
      { at: 0, reason: 'initial', source: 'tab1:page' },
      { at: 7_000, reason: 'initial', source: 'tab2:page' },
      { at: 6_000, reason: 'refresh', source: 'tab1:page' },
    ]
    expect(classify(requests, TTL, 1)).toEqual({ load: 2, cycles: [1] })
  })

  it('groups requests without a source (token-url) in bursts a quarter of a lifetime apart', () => {
    const requests = [0, 50, 5_000, 5_300, 10_000].map((at) => ({ at, reason: null, source: null }))
    expect(classify(requests, TTL, 3)).toEqual({ load: 2, cycles: [2, 1, 0] })
  })
})
