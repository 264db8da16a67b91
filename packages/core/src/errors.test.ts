import { describe, expect, it } from 'vitest'
import { InsetError, isInsetErrorCode } from './errors'

describe('InsetError', () => {
  it('carries a stable code, status and cause', () => {
    const cause = new TypeError('fetch failed')
    const error = new InsetError('network', 'Could not reach the Inset server', { cause })
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('InsetError')
    expect(error.code).toBe('network')
    expect(error.status).toBeUndefined()
    expect(error.cause).toBe(cause)
  })

  it('recognises only known codes', () => {
    expect(isInsetErrorCode('token_expired')).toBe(true)
    expect(isInsetErrorCode('teapot')).toBe(false)
    expect(isInsetErrorCode(401)).toBe(false)
  })
})
