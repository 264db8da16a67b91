// @inset/node against the real server (the demo, on a free port): tokens it mints are accepted,
// its admin client round-trips. (Here rather than in @inset/node, which the server depends on.)
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  createEmbedToken,
  createInsetClient,
  createTokenHandler,
  type EmbedKey,
  type InsetClientOptions,
  toNodeHandler,
} from '@inset/node'
import { jwtVerify } from 'jose'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startDemoServer } from '../../src/demo/start-demo-server'
import { listen, type TestServer } from './listen'

let demo: Awaited<ReturnType<typeof startDemoServer>>
let key: EmbedKey
beforeAll(async () => {
  demo = await startDemoServer({ port: 0, logger: false })
  key = { id: 'demo', secret: demo.secret }
}, 120_000)
afterAll(async () => {
  await demo?.close()
})

const servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

function getDashboard(token: string, id = 'sales-overview') {
  return fetch(`${demo.url}/v1/dashboards/${id}`, { headers: { authorization: `Bearer ${token}` } })
}

describe('tokens minted here, read by @inset/server', () => {
  it('opens sales-overview with an HS256 token from createEmbedToken', async () => {
    const { token } = await createEmbedToken({
      key,
      user: 'alice',
      tenant: 'acme',
      attributes: { region: ['EU', 'NA', 'APAC'] },
    })
    const response = await getDashboard(token)
    expect(response.status).toBe(200)
    const definition = (await response.json()) as { id: string; tiles: unknown[] }
    expect(definition.id).toBe('sales-overview')
    expect(definition.tiles.length).toBeGreaterThan(0)
  })

  it('is refused with a token signed by another secret', async () => {
    const { token } = await createEmbedToken({
      key: { id: 'demo', secret: 'not-the-demo-secret' },
      user: 'alice',
      tenant: 'acme',
      attributes: { region: ['EU'] },
    })
    const response = await getDashboard(token)
    expect(response.status).toBe(401)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'invalid_token',
    )
  })

  it('is refused (403) a dashboard outside the token scope', async () => {
    const { token } = await createEmbedToken({
      key,
      user: 'bob',
      tenant: 'globex',
      attributes: { region: ['EU'] },
      scope: ['dashboard:some-other-dashboard'],
    })
    expect((await getDashboard(token)).status).toBe(403)
  })

  it('serves a token from the host endpoint (createTokenHandler) that the server accepts', async () => {
    const host = await listen(
      toNodeHandler(
        createTokenHandler({
          key,
          authenticate: (request) =>
            new URL(request.url).searchParams.get('user') === 'bob'
              ? { user: 'bob', tenant: 'globex', attributes: { region: ['EU'] } }
              : null,
        }),
      ),
    )
    servers.push(host)
    expect((await fetch(`${host.url}/api/inset-token`)).status).toBe(401)
    const { token } = (await (await fetch(`${host.url}/api/inset-token?user=bob`)).json()) as {
      token: string
    }
    expect((await getDashboard(token)).status).toBe(200)
  })
})

/** A proxy in front of the demo server that answers 503 to the first `failures` requests. */
async function flakyProxy(failures: number) {
  const seen: string[] = []
  const proxy = await listen(async (req: IncomingMessage, res: ServerResponse) => {
    seen.push(`${req.method} ${req.url}`)
    if (seen.length <= failures) {
      res.writeHead(503, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { code: 'server', message: 'Injected outage' } }))
      return
    }
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const upstream = await fetch(`${demo.url}${req.url}`, {
      method: req.method ?? 'GET',
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(
          (entry): entry is [string, string] =>
            typeof entry[1] === 'string' && entry[0] !== 'host' && entry[0] !== 'connection',
        ),
      ),
      body: chunks.length > 0 ? Buffer.concat(chunks) : null,
    })
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? '' })
    res.end(Buffer.from(await upstream.arrayBuffer()))
  })
  servers.push(proxy)
  return { url: proxy.url, seen }
}

describe('createInsetClient against @inset/server', () => {
  const clientFor = (serverUrl: string, options: Partial<InsetClientOptions> = {}) =>
    createInsetClient({
      serverUrl,
      apiKey: demo.apiKey,
      retry: { retries: 3, minDelayMs: 1, maxDelayMs: 50 },
      ...options,
    })

  it('mints a token with the claims of the design that the server then accepts', async () => {
    const { token, expiresAt } = await clientFor(demo.url).tokens.create({
      user: 'bob',
      tenant: 'globex',
      attributes: { region: ['EU'] },
      ttl: '5m',
    })
    const { payload } = await jwtVerify(token, new TextEncoder().encode(demo.secret), {
      audience: 'inset',
    })
    expect(payload).toMatchObject({ sub: 'bob', tenant: 'globex', attrs: { region: ['EU'] } })
    expect(expiresAt).toBe((payload.exp as number) * 1000)
    expect((await getDashboard(token)).status).toBe(200)
  })

  it('revokes a user before their token expires, lists and lifts the revocation', async () => {
    const client = clientFor(demo.url)
    const { token } = await client.tokens.create({
      user: 'mallory',
      tenant: 'globex',
      attributes: { region: ['EU'] },
    })
    expect((await getDashboard(token)).status).toBe(200)
    const revocation = await client.revocations.create({
      subject: 'mallory',
      until: new Date(Date.now() + 3_600_000),
      reason: 'test',
    })
    expect(revocation).toMatchObject({ subject: 'mallory', tenant: null, reason: 'test' })
    const refused = await getDashboard(token)
    expect(refused.status).toBe(401)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('auth')
    expect((await client.revocations.list()).map((r) => r.id)).toContain(revocation.id)
    await client.revocations.delete(revocation.id)
    expect((await getDashboard(token)).status).toBe(200)
    await expect(client.revocations.delete(revocation.id)).rejects.toMatchObject({
      code: 'not_found',
    })
    await expect(client.revocations.create({})).rejects.toMatchObject({ code: 'bad_request' })
  })

  it('walks the audit log across several pages', async () => {
    const inset = clientFor(demo.url)
    const tenant = `pager-${Date.now()}`
    for (let i = 0; i < 7; i++) {
      await inset.tokens.create({ user: `user-${i}`, tenant, attributes: { region: ['EU'] } })
    }
    const first = await inset.audit.list({ limit: 2, tenant })
    expect(first.items).toHaveLength(2)
    expect(first.nextCursor).toEqual(expect.any(String))
    const second = await inset.audit.list({ limit: 2, tenant, cursor: first.nextCursor! })
    expect(second.items).toHaveLength(2)
    expect(second.items.map((e) => e.id)).not.toContain(first.items[0]!.id)

    const all = []
    for await (const entry of inset.audit.iterate({ limit: 2, tenant })) all.push(entry)
    expect(all).toHaveLength(7)
    expect(new Set(all.map((entry) => entry.id)).size).toBe(7)
    expect(all.every((entry) => entry.tenant === tenant && entry.kind === 'admin')).toBe(true)
    expect(all.slice(0, 4)).toEqual([...first.items, ...second.items])
  })

  it('lists the demo dashboards', async () => {
    const ids = []
    for await (const dashboard of clientFor(demo.url).dashboards.iterate({ limit: 1 })) {
      ids.push(dashboard.id)
    }
    expect(ids).toContain('sales-overview')
  })

  it('retries a 503 and then succeeds', async () => {
    const proxy = await flakyProxy(1)
    const page = await clientFor(proxy.url).dashboards.list()
    expect(page.items.map((d) => d.id)).toContain('sales-overview')
    expect(proxy.seen).toEqual(['GET /v1/dashboards', 'GET /v1/dashboards'])
  })

  it('gives up with a server error after the last retry', async () => {
    const proxy = await flakyProxy(10)
    await expect(
      clientFor(proxy.url, { retry: { retries: 2, minDelayMs: 1 } }).dashboards.list(),
    ).rejects.toMatchObject({ code: 'server', status: 503 })
    expect(proxy.seen).toHaveLength(3)
  })

  it('does not retry a 400', async () => {
    const proxy = await flakyProxy(0)
    await expect(
      clientFor(proxy.url).tokens.create({ user: 'alice', tenant: 'acme', ttl: '48h' }),
    ).rejects.toMatchObject({ code: 'bad_request', status: 400 })
    expect(proxy.seen).toEqual(['POST /v1/tokens'])
  })

  it('reports a wrong API key as auth', async () => {
    await expect(
      clientFor(demo.url, { apiKey: 'not-the-key' }).dashboards.list(),
    ).rejects.toMatchObject({ code: 'auth', status: 401 })
  })
})
