import type { ErrorBody } from '@inset/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../test/servers'
import { demoToken, signTestToken } from '../../test/tokens'

describe('CORS per embed key', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ name: 'duckdb' }, (config) => ({
      ...config,
      embedKeys: [
        ...(config.embedKeys ?? []),
        {
          id: 'partner',
          origins: ['https://partner.example.com'],
          keys: [{ alg: 'HS256', secret: 'partner-secret-0123456789' }],
        },
      ],
    }))
  })
  afterAll(() => server?.close())

  const preflight = (origin: string) =>
    server.request('/v1/dashboards/sales-overview/tiles/revenue/query', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    })

  it('answers a preflight from an allowed origin', async () => {
    const response = await preflight('http://localhost:5173')
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization')
    expect(response.headers.get('access-control-allow-methods')).toContain('POST')
  })

  it('gives a preflight from another origin no CORS headers', async () => {
    for (const origin of ['https://evil.example', 'http://localhost.evil.example:5173', 'null']) {
      const response = await preflight(origin)
      expect(response.headers.get('access-control-allow-origin')).toBeNull()
    }
  })

  it('allows the signing key’s origins on real requests', async () => {
    const response = await server.request('/v1/dashboards/sales-overview', {
      token: await demoToken('alice'),
      headers: { origin: 'http://127.0.0.1:4173' },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173')
    expect(response.headers.get('vary')).toContain('Origin')
  })

  it('exposes Date (clock skew), Retry-After and X-Request-Id to the page, errors included', async () => {
    const exposed = (response: Response) =>
      (response.headers.get('access-control-expose-headers') ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
    const ok = await server.request('/v1/dashboards/sales-overview/tiles/orders/query', {
      token: await demoToken('alice'),
      body: { filters: {} },
      headers: { origin: 'http://localhost:5173' },
    })
    expect(ok.status).toBe(200)
    expect(exposed(ok)).toEqual(expect.arrayContaining(['date', 'retry-after', 'x-request-id']))
    // The header the page may read is really there, and is the server's clock.
    const date = Date.parse(ok.headers.get('date') ?? '')
    expect(Math.abs(date - Date.now())).toBeLessThan(5_000)

    const expired = await server.request('/v1/dashboards/sales-overview', {
      token: await signTestToken({ iatOffset: -7200 }),
      headers: { origin: 'http://localhost:5173' },
    })
    expect(expired.status).toBe(401)
    expect(exposed(expired)).toContain('date')
    expect(expired.headers.get('date')).not.toBeNull()
  })

  it('refuses an origin another embed key allows, without CORS headers', async () => {
    const response = await server.request('/v1/dashboards/sales-overview', {
      token: await demoToken('alice'),
      headers: { origin: 'https://partner.example.com' },
    })
    expect(response.status).toBe(403)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    expect(((await response.json()) as ErrorBody).error.code).toBe('forbidden')
  })

  it('lets an allowed page read a token_expired error so it can refresh', async () => {
    const expired = await signTestToken({ iatOffset: -7200 })
    const response = await server.request('/v1/dashboards/sales-overview', {
      token: expired,
      headers: { origin: 'http://localhost:3000' },
    })
    expect(response.status).toBe(401)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
    expect(response.headers.get('www-authenticate')).toContain('invalid_token')
    expect(((await response.json()) as ErrorBody).error.code).toBe('token_expired')
  })

  it('sends no CORS headers on admin routes', async () => {
    const response = await server.request('/v1/dashboards', {
      headers: { origin: 'http://localhost:3000' },
    })
    expect(response.status).toBe(401)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })
})
