import { describe, expect, it } from 'vitest'
import { abortable, backoffDelay, sameValue } from './timing'

describe('backoffDelay', () => {
  it('draws from [0, min(max, base * 2^attempt))', () => {
    expect(backoffDelay(0, 500, 30_000, () => 0.999)).toBeCloseTo(499.5)
    expect(backoffDelay(3, 500, 30_000, () => 0.5)).toBe(2_000)
    expect(backoffDelay(20, 500, 30_000, () => 1)).toBe(30_000)
    expect(backoffDelay(5, 500, 30_000, () => 0)).toBe(0)
  })
})

describe('sameValue', () => {
  it('compares JSON-like values deeply, ignoring key order', () => {
    expect(sameValue({ a: [1, { b: 'x' }], c: null }, { c: null, a: [1, { b: 'x' }] })).toBe(true)
    expect(sameValue({ a: [1] }, { a: [1, 2] })).toBe(false)
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(sameValue([], {})).toBe(false)
    expect(sameValue(undefined, {})).toBe(false)
    expect(sameValue('EU', 'EU')).toBe(true)
  })
})

describe('abortable', () => {
  it('rejects with the reason as soon as the signal aborts', async () => {
    const controller = new AbortController()
    const pending = abortable(new Promise(() => {}), controller.signal)
    controller.abort(new Error('stop'))
    await expect(pending).rejects.toThrow('stop')
    await expect(abortable(Promise.resolve(1), new AbortController().signal)).resolves.toBe(1)
  })
})
