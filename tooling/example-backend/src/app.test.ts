import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { decodeProtectedHeader, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExampleApp } from './app'
import { readSettings } from './settings'

const SECRET = 'a-test-secret-of-the-demo-embed-key'
let base: string
let close: () => Promise<void>
let staticDir: string
const issued: Array<{ sub: string; tenant: string }> = []

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'example-backend-'))
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Acme Analytics</title>')
  const settings = readSettings({
    INSET_DEMO_SECRET: SECRET,
    INSET_TOKEN_TTL: '90',
    INSET_SERVER_URL: 'http://localhost:4510/',
  })
  const app = createExampleApp({
    settings,
    staticDir,
    onTokenIssued: ({ claims }) => issued.push({ sub: claims.sub, tenant: claims.tenant }),
  })
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(started),
    )
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => new Promise((resolve) => server.close(() => resolve()))
})

afterAll(async () => {
  await close()
  rmSync(staticDir, { recursive: true, force: true })
})

async function tokenFor(query: string) {
  const response = await fetch(`${base}/api/inset-token${query}`)
  return { response, body: (await response.json()) as Record<string, unknown> }
}

async function verify(token: string) {
  return jwtVerify(token, new TextEncoder().encode(SECRET), {
    issuer: 'demo',
    audience: 'inset',
    algorithms: ['HS256'],
  })
}

describe('GET /api/inset-token', () => {
  it('signs alice into tenant acme with every region', async () => {
    const before = Date.now()
    const { response, body } = await tokenFor('?user=alice')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const { payload, protectedHeader } = await verify(body.token as string)
    expect(protectedHeader).toMatchObject({ alg: 'HS256', kid: 'demo' })
    expect(payload).toMatchObject({
      sub: 'alice',
      tenant: 'acme',
      attrs: { region: ['EU', 'NA', 'APAC'] },
      scope: ['dashboard:*', 'assistant', 'export'],
    })
    expect(payload.exp! - payload.iat!).toBe(90)
    expect(body.expiresAt).toBe(payload.exp! * 1000)
    expect(payload.iat! * 1000).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
  })

  it('signs bob into tenant globex with region EU only', async () => {
    const { response, body } = await tokenFor('?user=bob')
    expect(response.status).toBe(200)
    const { payload } = await verify(body.token as string)
    expect(payload).toMatchObject({
      sub: 'bob',
      tenant: 'globex',
      attrs: { region: ['EU'] },
      scope: ['dashboard:*', 'assistant', 'export'],
    })
    expect(issued.at(-1)).toEqual({ sub: 'bob', tenant: 'globex' })
  })

  it('signs in alice when the page names nobody, as the demo does', async () => {
    const { body } = await tokenFor('')
    expect(decodeProtectedHeader(body.token as string).kid).toBe('demo')
    expect((await verify(body.token as string)).payload.sub).toBe('alice')
  })

  it('answers 401 auth for an unknown user, and issues nothing', async () => {
    const count = issued.length
    for (const user of ['mallory', 'constructor', '__proto__', '']) {
      const { response, body } = await tokenFor(`?user=${encodeURIComponent(user)}`)
      expect(response.status, user).toBe(401)
      expect(body).toEqual({ error: { code: 'auth', message: 'Not signed in' } })
    }
    expect(issued.length).toBe(count)
  })

  it('gives every request its own token id', async () => {
    const [a, b] = await Promise.all([tokenFor('?user=alice'), tokenFor('?user=alice')])
    const [first, second] = await Promise.all([
      verify(a.body.token as string),
      verify(b.body.token as string),
    ])
    expect(first.payload.jti).not.toBe(second.payload.jti)
  })
})

describe('the page routes', () => {
  it('tells the page where the Inset server is', async () => {
    const response = await fetch(`${base}/config.json`)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ insetServerUrl: 'http://localhost:4510' })
  })

  it('serves the page for client-side routes and 404 for missing files', async () => {
    for (const path of ['/', '/assistant?user=bob', '/reports']) {
      const response = await fetch(`${base}${path}`)
      expect(response.status, path).toBe(200)
      expect(await response.text()).toContain('<title>Acme Analytics</title>')
    }
    expect((await fetch(`${base}/assets/missing-abc123.js`)).status).toBe(404)
    const api = await fetch(`${base}/api/nothing`)
    expect(api.status).toBe(404)
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } })
  })
})

describe('readSettings', () => {
  it('uses the documented defaults', () => {
    expect(readSettings({})).toEqual({
      port: 5171,
      insetServerUrl: 'http://localhost:4400',
      secret: 'inset-demo-secret-change-me',
      tokenTtlSeconds: 600,
    })
  })

  it('refuses malformed values instead of guessing', () => {
    expect(() => readSettings({ INSET_TOKEN_TTL: '10m' })).toThrow(/INSET_TOKEN_TTL/)
    expect(() => readSettings({ INSET_TOKEN_TTL: '0' })).toThrow(/at least 1/)
    expect(() => readSettings({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => readSettings({ INSET_SERVER_URL: 'localhost:4400' })).toThrow(/http/)
  })
})
