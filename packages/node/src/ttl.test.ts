import { InsetError } from '@inset/core'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TTL_SECONDS, MAX_TTL_SECONDS, parseTtl } from './ttl'

describe('parseTtl', () => {
  it('defaults to ten minutes', () => {
    expect(parseTtl(undefined)).toBe(600)
    expect(DEFAULT_TTL_SECONDS).toBe(600)
  })

  it.each([
    [90, 90],
    ['90', 90],
    ['45s', 45],
    ['10m', 600],
    ['2h', 7200],
    ['1d', 86_400],
    [' 5m ', 300],
  ] as const)('reads %j as %i seconds', (input, seconds) => {
    expect(parseTtl(input)).toBe(seconds)
  })

  it('accepts exactly 24 hours and refuses one second more', () => {
    expect(parseTtl(MAX_TTL_SECONDS)).toBe(86_400)
    expect(() => parseTtl(MAX_TTL_SECONDS + 1)).toThrow(/at most 24 hours/)
    expect(() => parseTtl('25h')).toThrow(/at most 24 hours \(86400 s\), got 90000 s/)
    expect(() => parseTtl('2d')).toThrow(InsetError)
  })

  it.each([
    [0, /at least 1 second/],
    [-5, /at least 1 second/],
    ['0m', /at least 1 second/],
    [1.5, /whole number of seconds/],
    [Number.NaN, /whole number/],
    ['1.5h', /not a duration/],
    ['10 minutes', /not a duration/],
    ['10M', /not a duration/],
    ['', /not a duration/],
    ['-10m', /not a duration/],
  ] as const)('refuses %j', (input, message) => {
    const attempt = () => parseTtl(input)
    expect(attempt).toThrow(message)
    try {
      attempt()
    } catch (error) {
      expect((error as InsetError).code).toBe('bad_request')
    }
  })

  it('refuses values of other types', () => {
    expect(() => parseTtl({} as never)).toThrow(/number of seconds or a string/)
  })
})
