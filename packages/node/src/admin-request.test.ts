import { InsetError } from '@inset/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createInsetClient, type InsetClientOptions } from './admin-client'
import { parseRetryAfter } from './admin-request'

type FetchMock = ReturnType<typeof vi.fn<typeof fetch>>

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}
const emptyPage = () => json(200, { items: [], nextCursor: null })
const unavailable = (headers: Record<string, string> = {}) =>
  json(503, { error: { code: 'server', message: 'Try again' } }, headers)

function client(fetchMock: FetchMock, options: Partial<InsetClientOptions> = {}) {
  return createInsetClient({
    serverUrl: 'http://inset.test/',
    apiKey: 'admin-key',
    fetch: fetchMock,
    ...options,
  })
}

async function rejection(promise: Promise<unknown>): Promise<InsetError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  )
  if (!(outcome instanceof InsetError)) throw new Error(`expected an InsetError, got ${outcome}`)
  return outcome
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.spyOn(Math, 'random').mockReturnValue(1)
})
afterEach(() => vi.useRealTimers())

describe('admin requests', () => {
  it('sends the API key, JSON body and query, and reads the JSON answer', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => json(200, { token: 't', expiresAt: 1 }))
    const inset = client(fetchMock)
    await expect(
      inset.tokens.create({ user: 'alice', tenant: 'acme', ttl: '5m' }),
    ).resolves.toEqual({
      token: 't',
      expiresAt: 1,
    })
    const [url, init] = fetchMock.mock.calls[0]!
    expect(String(url)).toBe('http://inset.test/v1/tokens')
    expect(init?.method).toBe('POST')
    expect(init?.headers).toMatchObject({
      authorization: 'Bearer admin-key',
      'content-type': 'application/json',
    })
    expect(JSON.parse(init?.body as string)).toEqual({ user: 'alice', tenant: 'acme', ttl: '5m' })

    fetchMock.mockResolvedValueOnce(emptyPage())
    await inset.audit.list({ limit: 5, cursor: 'abc' })
    expect(String(fetchMock.mock.calls[1]![0])).toBe(
      'http://inset.test/v1/audit?limit=5&cursor=abc',
    )

    fetchMock.mockResolvedValueOnce(emptyPage())
    await inset.audit.list({ kind: 'token', subject: 'alice', limit: 2 })
    expect(String(fetchMock.mock.calls[2]![0])).toBe(
      'http://inset.test/v1/audit?kind=token&subject=alice&limit=2',
    )
  })

  it('waits for Retry-After (seconds) before retrying, then succeeds', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(unavailable({ 'retry-after': '2' }))
      .mockResolvedValueOnce(emptyPage())
    const page = client(fetchMock).dashboards.list()
    await vi.advanceTimersByTimeAsync(1999)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(fetchMock).toHaveBeenCalledTimes(2)
    await expect(page).resolves.toEqual({ items: [], nextCursor: null })
  })

  it('honours Retry-After as an HTTP date on a 429', async () => {
    vi.setSystemTime(Date.UTC(2025, 0, 1, 0, 0, 0))
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(
        json(
          429,
          { error: { code: 'rate_limited', message: 'Slow down' } },
          {
            'retry-after': 'Wed, 01 Jan 2025 00:00:05 GMT',
          },
        ),
      )
      .mockResolvedValueOnce(emptyPage())
    const page = client(fetchMock).audit.list()
    await vi.advanceTimersByTimeAsync(4999)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    await expect(page).resolves.toEqual({ items: [], nextCursor: null })
  })

  it('backs off exponentially with jitter and gives up after the last retry', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => unavailable())
    const page = rejection(
      client(fetchMock, { retry: { retries: 3, minDelayMs: 100 } }).audit.list(),
    )
    // Math.random() is 1, so the waits are their caps: 100, 200, 400 ms.
    await vi.advanceTimersByTimeAsync(99)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(fetchMock).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(200)
    expect(fetchMock).toHaveBeenCalledTimes(3)
    await vi.advanceTimersByTimeAsync(400)
    expect(fetchMock).toHaveBeenCalledTimes(4)
    const error = await page
    expect(error).toMatchObject({ code: 'server', status: 503, message: 'Try again' })
    expect(fetchMock).toHaveBeenCalledTimes(4)
  })

  it('does not retry a 400, and keeps the server error message', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () =>
      json(400, { error: { code: 'bad_request', message: 'limit must be at most 100' } }),
    )
    const error = await rejection(client(fetchMock).dashboards.list({ limit: 1000 }))
    expect(error).toMatchObject({
      code: 'bad_request',
      status: 400,
      message: 'limit must be at most 100',
    })
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it.each([
    [401, undefined, 'auth'],
    [403, undefined, 'forbidden'],
    [404, undefined, 'not_found'],
    [413, undefined, 'bad_request'],
    [418, undefined, 'bad_request'],
    [401, 'invalid_token', 'invalid_token'],
    [400, 'teapot', 'bad_request'],
  ] as const)(
    'maps %i with body code %s to %s without retrying',
    async (status, code, expected) => {
      const body = code ? { error: { code, message: 'nope' } } : 'not json'
      const fetchMock = vi.fn<typeof fetch>(async () => json(status, body))
      const error = await rejection(client(fetchMock).audit.list())
      expect(error.code).toBe(expected)
      expect(error.status).toBe(status)
      expect(fetchMock).toHaveBeenCalledTimes(1)
    },
  )

  it('does not wait for a Retry-After longer than maxDelayMs', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () =>
      json(
        429,
        { error: { code: 'rate_limited', message: 'Quota exhausted' } },
        { 'retry-after': '3600' },
      ),
    )
    const error = await rejection(client(fetchMock).audit.list())
    expect(error).toMatchObject({ code: 'rate_limited', status: 429 })
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('times out an attempt, retries it, and reports timeout', async () => {
    const fetchMock = vi.fn<typeof fetch>(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
        }),
    )
    const page = rejection(
      client(fetchMock, { timeoutMs: 1000, retry: { retries: 1, minDelayMs: 50 } }).audit.list(),
    )
    await vi.advanceTimersByTimeAsync(999)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1 + 50)
    expect(fetchMock).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1000)
    const error = await page
    expect(error.code).toBe('timeout')
    expect(error.message).toMatch(/within 1000 ms/)
  })

  it('retries network failures and reports network', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockRejectedValueOnce(new TypeError('fetch failed'))
      .mockResolvedValueOnce(emptyPage())
    const page = client(fetchMock).audit.list()
    await vi.advanceTimersByTimeAsync(250)
    await expect(page).resolves.toEqual({ items: [], nextCursor: null })

    const failing = vi.fn<typeof fetch>(async () => {
      throw new TypeError('fetch failed')
    })
    const error = await rejection(client(failing, { retry: false }).audit.list())
    expect(error.code).toBe('network')
    expect(error.cause).toBeInstanceOf(TypeError)
    expect(failing).toHaveBeenCalledTimes(1)
  })

  it('stops at once when the caller aborts, even while backing off', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => unavailable())
    const controller = new AbortController()
    const page = client(fetchMock)
      .audit.list({ signal: controller.signal })
      .catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(10)
    controller.abort()
    const error = await page
    expect((error as Error).name).toBe('AbortError')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('reports a 200 that is not JSON as a server error', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => new Response('<html>proxy</html>'))
    const error = await rejection(client(fetchMock).audit.list())
    expect(error).toMatchObject({ code: 'server', status: 200 })
  })
})

describe('createInsetClient options', () => {
  it.each([
    [{ serverUrl: 'not a url' }, /serverUrl must be an http\(s\) URL/],
    [{ serverUrl: 'ftp://inset.test' }, /serverUrl must be an http\(s\) URL/],
    [{ apiKey: '' }, /apiKey must be a non-empty string/],
    [{ timeoutMs: 0 }, /timeoutMs must be a positive number/],
    [{ retry: { retries: -1 } }, /retry.retries must be a whole number/],
  ] as Array<[Partial<InsetClientOptions>, RegExp]>)('refuses %j', (override, message) => {
    expect(() =>
      createInsetClient({ serverUrl: 'http://inset.test', apiKey: 'k', ...override }),
    ).toThrow(message)
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and dates, and ignores nonsense', () => {
    const now = Date.UTC(2025, 0, 1)
    expect(parseRetryAfter('7', now)).toBe(7000)
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:03 GMT', now)).toBe(3000)
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
  })
})
