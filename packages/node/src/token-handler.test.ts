import { InsetError } from '@inset/core'
import express from 'express'
import { Hono } from 'hono'
import { jwtVerify } from 'jose'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { listen, type TestServer } from '../test/listen'
import { toNodeHandler } from './node-adapter'
import { createTokenHandler, type TokenIssuedEvent } from './token-handler'

const secret = 'handler-test-secret-0123456789abcdef'
const key = { id: 'host-key', secret }
const verify = (token: string) =>
  jwtVerify(token, new TextEncoder().encode(secret), { audience: 'inset', issuer: 'host-key' })

const users: Record<string, { id: string; org: string; regions: string[] }> = {
  'session-alice': { id: 'alice', org: 'acme', regions: ['EU', 'NA', 'APAC'] },
  'session-bob': { id: 'bob', org: 'globex', regions: ['EU'] },
}
function userFromCookie(request: Request) {
  const session = /session=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1]
  return session ? users[session] : undefined
}

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('createTokenHandler over node:http', () => {
  function start(options: Partial<Parameters<typeof createTokenHandler>[0]> = {}) {
    const handler = createTokenHandler({
      key,
      authenticate: (request) => {
        const user = userFromCookie(request)
        return user
          ? { user: user.id, tenant: user.org, attributes: { region: user.regions } }
          : null
      },
      onError: () => {},
      ...options,
    })
    return listen(toNodeHandler(handler))
  }

  it('answers 200 with a verifiable token and no-store', async () => {
    server = await start()
    const response = await fetch(`${server.url}/api/inset-token`, {
      headers: { cookie: 'theme=dark; session=session-bob' },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const body = (await response.json()) as { token: string; expiresAt: number }
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'token'])
    const { payload } = await verify(body.token)
    expect(payload).toMatchObject({ sub: 'bob', tenant: 'globex', attrs: { region: ['EU'] } })
    expect(body.expiresAt).toBe((payload.exp as number) * 1000)
    expect(payload.exp! - payload.iat!).toBe(600)
  })

  it('answers 401 with a JSON error and no-store when nobody is signed in', async () => {
    const onIssued = vi.fn()
    server = await start({ onIssued })
    const response = await fetch(`${server.url}/api/inset-token`)
    expect(response.status).toBe(401)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ error: { code: 'auth', message: 'Not signed in' } })
    expect(onIssued).not.toHaveBeenCalled()
  })

  it('calls the audit hook exactly once per issued token, with that token claims', async () => {
    const events: TokenIssuedEvent[] = []
    server = await start({ onIssued: (event) => void events.push(event) })
    const tokens: string[] = []
    for (const session of ['session-alice', 'session-bob', 'session-alice']) {
      const response = await fetch(`${server.url}/t`, { headers: { cookie: `session=${session}` } })
      tokens.push(((await response.json()) as { token: string }).token)
    }
    await fetch(`${server.url}/t`) // unauthenticated: no event
    expect(events).toHaveLength(3)
    for (const [i, token] of tokens.entries()) {
      const { payload } = await verify(token)
      expect(events[i]!.claims.jti).toBe(payload.jti)
      expect(events[i]!.claims.sub).toBe(payload.sub)
      expect(events[i]!.expiresAt).toBe((payload.exp as number) * 1000)
      expect(events[i]!.request.url).toBe(`${server.url}/t`)
    }
    expect(JSON.stringify(events.map((event) => event.claims))).not.toContain(tokens[0])
  })

  it('answers 500 without leaking the error or the secret when authenticate throws', async () => {
    const onError = vi.fn()
    server = await start({
      onError,
      authenticate: () => {
        throw new Error(`database down; secret was ${secret}`)
      },
    })
    const response = await fetch(`${server.url}/t`)
    expect(response.status).toBe(500)
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({
      error: { code: 'server', message: 'Could not check who is signed in' },
    })
    expect(text).not.toContain(secret)
    expect(text).not.toContain('database')
    expect(onError).toHaveBeenCalledTimes(1)
    expect((onError.mock.calls[0]![0] as Error).message).toMatch(/database down/)
  })

  it('answers 500 when authenticate returns attributes that cannot be signed', async () => {
    const onError = vi.fn()
    server = await start({
      onError,
      authenticate: () => ({
        user: 'u',
        tenant: 't',
        attributes: { region: { nested: 1 } as never },
      }),
    })
    const response = await fetch(`${server.url}/t`)
    expect(response.status).toBe(500)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('server')
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(InsetError)
  })

  it('returns no token when the audit hook fails', async () => {
    server = await start({
      authenticate: () => ({ user: 'u', tenant: 't' }),
      onIssued: () => Promise.reject(new Error('audit log unavailable')),
    })
    const response = await fetch(`${server.url}/t`)
    expect(response.status).toBe(500)
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({
      error: { code: 'server', message: 'Could not issue an embed token' },
    })
    expect(text).not.toContain('eyJ')
  })

  it('maps an InsetError forbidden thrown by authenticate to 403', async () => {
    server = await start({
      authenticate: () => {
        throw new InsetError('forbidden', 'Analytics is not part of your plan')
      },
    })
    const response = await fetch(`${server.url}/t`)
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({
      error: { code: 'forbidden', message: 'Analytics is not part of your plan' },
    })
  })

  it('allows only GET and POST', async () => {
    server = await start()
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const response = await fetch(`${server.url}/t`, { method })
      expect(response.status).toBe(405)
      expect(response.headers.get('allow')).toBe('GET, POST')
    }
  })

  it('passes a POST body to authenticate and honours a per-user ttl', async () => {
    server = await start({
      ttl: '1h',
      authenticate: async (request) => {
        const { dashboardId } = (await request.json()) as { dashboardId: string }
        return { user: 'alice', tenant: 'acme', scope: [`dashboard:${dashboardId}`], ttl: 120 }
      },
    })
    const response = await fetch(`${server.url}/t`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ dashboardId: 'sales-overview' }),
    })
    const { token } = (await response.json()) as { token: string }
    const { payload } = await verify(token)
    expect(payload.scope).toEqual(['dashboard:sales-overview'])
    expect(payload.exp! - payload.iat!).toBe(120)
  })

  it('refuses a body over 64 KB with 413', async () => {
    server = await start()
    const response = await fetch(`${server.url}/t`, { method: 'POST', body: 'x'.repeat(70_000) })
    expect(response.status).toBe(413)
  })
})

describe('createTokenHandler setup', () => {
  it('checks the key and ttl when the handler is created', () => {
    const authenticate = () => null
    expect(() => createTokenHandler({ key: { id: 'k', secret: '' }, authenticate })).toThrow(
      /secret must not be empty/,
    )
    expect(() => createTokenHandler({ key, authenticate, ttl: '2d' })).toThrow(/at most 24 hours/)
    expect(() => createTokenHandler({ key } as never)).toThrow(
      /authenticate\(request\) is required/,
    )
  })
})

describe('framework recipes', () => {
  it('serves an Express route whose authenticate reads req.user', async () => {
    type AppRequest = express.Request & { user?: { id: string; org: string } }
    const app = express()
    app.use((req: AppRequest, _res, next) => {
      if (req.headers['x-user'] === 'alice') req.user = { id: 'alice', org: 'acme' }
      next()
    })
    app.use(express.json())
    const router = express.Router()
    router.post(
      '/inset-token',
      toNodeHandler(
        createTokenHandler({
          key,
          authenticate: (_request, { req }: { req: AppRequest }) =>
            req.user ? { user: req.user.id, tenant: req.user.org } : null,
        }),
      ),
    )
    app.use('/api', router)
    server = await listen(app)
    const ok = await fetch(`${server.url}/api/inset-token`, {
      method: 'POST',
      headers: { 'x-user': 'alice', 'content-type': 'application/json' },
      body: '{}',
    })
    expect(ok.status).toBe(200)
    const { payload } = await verify(((await ok.json()) as { token: string }).token)
    expect(payload.sub).toBe('alice')
    const refused = await fetch(`${server.url}/api/inset-token`, { method: 'POST' })
    expect(refused.status).toBe(401)
  })

  it('serves a Hono route with the Hono context as its context', async () => {
    const app = new Hono<{ Variables: { user: string } }>()
    const handler = createTokenHandler({
      key,
      authenticate: (_request, c: { get(name: 'user'): string | undefined }) => {
        const user = c.get('user')
        return user ? { user, tenant: 'acme' } : null
      },
    })
    app.use(async (c, next) => {
      const user = c.req.header('x-user')
      if (user) c.set('user', user)
      await next()
    })
    app.get('/api/inset-token', (c) => handler(c.req.raw, c))
    const ok = await app.request('/api/inset-token', { headers: { 'x-user': 'bob' } })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('cache-control')).toBe('no-store')
    const { payload } = await verify(((await ok.json()) as { token: string }).token)
    expect(payload.sub).toBe('bob')
    expect((await app.request('/api/inset-token')).status).toBe(401)
  })
})
