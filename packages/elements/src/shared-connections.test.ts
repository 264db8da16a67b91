import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { defineInsetElements } from './register'
import { leaseConnection } from './shared-connections'

beforeAll(() => defineInsetElements())
afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
})

describe('leaseConnection', () => {
  it('gives every holder of one server and token source the same instance until the last lets go', () => {
    const a = leaseConnection('https://inset.test', '/api/inset-token')
    const b = leaseConnection('https://inset.test', `${location.origin}/api/inset-token`)
    const other = leaseConnection('https://inset.test', '/api/other-token')
    expect(b.inset).toBe(a.inset)
    expect(other.inset).not.toBe(a.inset)
    const destroy = vi.spyOn(a.inset, 'destroy')
    a.release()
    a.release()
    expect(destroy).not.toHaveBeenCalled()
    b.release()
    expect(destroy).toHaveBeenCalledOnce()
    // After the last holder, a new lease makes a new instance.
    const c = leaseConnection('https://inset.test', '/api/inset-token')
    expect(c.inset).not.toBe(a.inset)
    c.release()
    other.release()
  })

  it('shares by function identity for fetchToken', () => {
    const fetchToken = async () => 'token'
    const a = leaseConnection('https://inset.test', fetchToken)
    const b = leaseConnection('https://inset.test', fetchToken)
    const c = leaseConnection('https://inset.test', async () => 'token')
    expect(b.inset).toBe(a.inset)
    expect(c.inset).not.toBe(a.inset)
    for (const lease of [a, b, c]) lease.release()
  })
})

describe('token-url', () => {
  it('elements with the same server-url and token-url fetch one token, with same-origin cookies', async () => {
    const calls: Array<{ url: string; credentials?: RequestCredentials }> = []
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input)
      if (url.endsWith('/api/inset-token')) {
        calls.push({ url, credentials: init.credentials })
        return Response.json({ token: 'token-1', expiresAt: Date.now() + 600_000 })
      }
      return Response.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 })
    })
    document.body.innerHTML = Array.from(
      { length: 3 },
      () =>
        '<inset-dashboard server-url="https://inset.test" token-url="/api/inset-token" dashboard-id="sales"></inset-dashboard>',
    ).join('')
    const elements = [...document.querySelectorAll('inset-dashboard')]
    await vi.waitFor(() =>
      expect(elements.map((element) => element.snapshot?.error?.code)).toEqual([
        'not_found',
        'not_found',
        'not_found',
      ]),
    )
    expect(calls).toEqual([
      { url: `${location.origin}/api/inset-token`, credentials: 'same-origin' },
    ])
    expect(new Set(elements.map((element) => element.connection)).size).toBe(1)
  })
})

describe('debug', () => {
  it('prints the connection timeline to the console while the attribute is on, never a token', async () => {
    const lines: string[] = []
    vi.spyOn(console, 'debug').mockImplementation((...args: unknown[]) => {
      lines.push(args.join(' '))
    })
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) =>
      String(input).endsWith('/api/inset-token')
        ? Response.json({ token: 'secret-token-text', expiresAt: Date.now() + 600_000 })
        : Response.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 }),
    )
    document.body.innerHTML =
      '<inset-dashboard id="d" debug server-url="https://inset.test" token-url="/api/inset-token" dashboard-id="sales"></inset-dashboard>'
    const element = document.querySelector('inset-dashboard')!
    await vi.waitFor(() => expect(element.snapshot?.error?.code).toBe('not_found'))
    expect(
      lines.some((line) => /^\[inset inset-dashboard#d\] \+\d+\.\d{3}s token fetched/.test(line)),
    ).toBe(true)
    expect(
      lines.some((line) => line.includes('dashboard failed') && line.includes('code=not_found')),
    ).toBe(true)
    expect(lines.join('\n')).not.toContain('secret-token-text')

    const before = lines.length
    element.removeAttribute('debug')
    await Promise.resolve()
    element.refresh()
    await vi.waitFor(() => expect(element.snapshot?.state).toBe('error'))
    expect(lines.length).toBe(before)
    vi.restoreAllMocks()
  })
})
