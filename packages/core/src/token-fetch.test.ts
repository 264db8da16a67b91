import { afterEach, describe, expect, it, vi } from 'vitest'
import { InsetError } from './errors'
import { browserEnvironment, parseTokenResult, statusCode, toTokenError } from './token-fetch'

const response = (status: number, body = '') => ({
  ok: status >= 200 && status < 300,
  status,
  text: async () => body,
})

async function refusal(result: unknown): Promise<InsetError> {
  const error: unknown = await parseTokenResult(result as never).catch((e) => e)
  expect(error).toBeInstanceOf(InsetError)
  return error as InsetError
}

describe('parseTokenResult', () => {
  it('reads a token, { token, expiresAt }, or a Response with JSON or a plain body', async () => {
    expect(await parseTokenResult('abc')).toEqual({ token: 'abc' })
    expect(await parseTokenResult({ token: 'abc', expiresAt: 5 })).toEqual({
      token: 'abc',
      expiresAt: 5,
    })
    expect(await parseTokenResult(response(200, '{"token":"abc","expiresAt":7}'))).toEqual({
      token: 'abc',
      expiresAt: 7,
    })
    expect(await parseTokenResult(response(200, '  abc.def.ghi\n'))).toEqual({
      token: 'abc.def.ghi',
    })
  })

  it('refuses an answer without a token as auth', async () => {
    for (const result of [null, undefined, '', { token: '' }, { token: 42 }, {}, response(200)]) {
      const error = await refusal(result)
      expect(error.code).toBe('auth')
      expect(error.message).toBe('fetchToken gave no token')
    }
  })

  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [408, 'timeout'],
    [429, 'rate_limited'],
    [499, 'auth'],
    [500, 'server'],
    [503, 'server'],
  ])('judges a Response with status %i as %s', async (status, code) => {
    const error = await refusal(response(status, '{"token":"abc"}'))
    expect(error.code).toBe(code)
    expect(error.status).toBe(status)
    expect(error.message).toBe(`Token endpoint answered ${status}`)
  })
})

describe('statusCode', () => {
  it('lets 429, 408 and 5xx pass and gives other refusals the code asked for', () => {
    expect([429, 408, 499, 500, 404].map((status) => statusCode(status, 'not_found'))).toEqual([
      'rate_limited',
      'timeout',
      'not_found',
      'server',
      'not_found',
    ])
  })
})

describe('toTokenError', () => {
  it('keeps an InsetError as it is', () => {
    const error = new InsetError('auth', 'no')
    expect(toTokenError(error)).toBe(error)
  })

  it('judges an error by its status or its response status, keeping it as the cause', () => {
    const thrown = Object.assign(new Error('HTTP 503'), { status: 503 })
    expect(toTokenError(thrown)).toMatchObject({ code: 'server', status: 503, cause: thrown })
    const axios = Object.assign(new Error('Request failed'), { response: { status: 401 } })
    expect(toTokenError(axios)).toMatchObject({ code: 'auth', status: 401, cause: axios })
  })

  it('counts anything else, status 0 included, as a network failure', () => {
    const offline = Object.assign(new Error('Http failure response: 0 Unknown Error'), {
      status: 0,
    })
    expect(toTokenError(offline)).toMatchObject({
      code: 'network',
      message: 'fetchToken failed: Http failure response: 0 Unknown Error',
      cause: offline,
    })
    expect(toTokenError(new TypeError('Failed to fetch')).message).toBe(
      'fetchToken failed: Failed to fetch',
    )
    expect(toTokenError('socket hang up')).toMatchObject({
      code: 'network',
      message: 'fetchToken failed: socket hang up',
    })
    expect(toTokenError({ status: '500' }).code).toBe('network')
    expect(toTokenError(undefined).message).toBe('fetchToken failed: undefined')
    expect(toTokenError(null).message).toBe('fetchToken failed: null')
  })
})

describe('browserEnvironment', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('is null outside a browser', () => {
    expect(browserEnvironment()).toBeNull()
  })

  it('calls back when the page becomes visible or the network returns, until stopped', () => {
    const document = Object.assign(new EventTarget(), { visibilityState: 'hidden' })
    const window = new EventTarget()
    vi.stubGlobal('document', document)
    vi.stubGlobal('window', window)
    const resumed = vi.fn()
    const stop = (
      browserEnvironment() as NonNullable<ReturnType<typeof browserEnvironment>>
    ).onResume(resumed)
    document.dispatchEvent(new Event('visibilitychange'))
    expect(resumed).not.toHaveBeenCalled()
    document.visibilityState = 'visible'
    document.dispatchEvent(new Event('visibilitychange'))
    window.dispatchEvent(new Event('online'))
    expect(resumed).toHaveBeenCalledTimes(2)
    stop()
    document.dispatchEvent(new Event('visibilitychange'))
    window.dispatchEvent(new Event('online'))
    expect(resumed).toHaveBeenCalledTimes(2)
  })
})
