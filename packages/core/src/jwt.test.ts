import { describe, expect, it } from 'vitest'
import { signToken } from '../test/support'
import { decodeTokenTimes } from './jwt'

describe('decodeTokenTimes', () => {
  it('reads exp and iat from a signed token, whatever its payload length', () => {
    for (const sub of ['a', 'ab', 'abc', 'ünïcödé-user']) {
      const token = signToken({
        sub,
        iat: 1_767_225_600,
        exp: 1_767_226_200,
        attrs: { region: ['EU'] },
      })
      expect(decodeTokenTimes(token)).toEqual({ iat: 1_767_225_600, exp: 1_767_226_200 })
    }
  })

  it('yields {} for what is not a readable JWT', () => {
    expect(decodeTokenTimes('opaque-token')).toEqual({})
    expect(decodeTokenTimes('a.%%%.c')).toEqual({})
    expect(decodeTokenTimes(signToken({ exp: 'tomorrow' }))).toEqual({})
  })
})
