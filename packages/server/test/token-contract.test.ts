// One embed-token contract (@inset/node/contract): POST /v1/tokens, @inset/node's createEmbedToken
// and the verifier apply the same rules. Whatever the admin API mints, the server accepts; what it
// refuses, @inset/node refuses too; and the inputs that used to drift (an empty attribute string,
// control characters, "10 m") are refused by both.
import { createEmbedToken, InsetError } from '@inset/node'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_DEMO_SECRET } from '../src/demo/demo-config'
import { API_KEY, startTestServer, type TestServer } from './servers'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ name: 'duckdb' }, (config) => ({
    ...config,
    server: { ...config.server, rateLimit: { perSecond: 1_000_000, burst: 1_000_000 } },
  }))
}, 60_000)
afterAll(async () => {
  await server?.close()
})

const mint = (body: unknown) =>
  server.server.fetch(
    new Request('http://inset.local/v1/tokens', {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  )
const open = (token: string) =>
  server.server.fetch(
    new Request('http://inset.local/v1/dashboards/sales-overview', {
      headers: { authorization: `Bearer ${token}` },
    }),
  )
const nodeMints = (body: Record<string, unknown>) =>
  createEmbedToken({
    key: { id: 'demo', secret: DEFAULT_DEMO_SECRET },
    ...(body as object),
  } as never).then(
    () => true,
    (error) => {
      if (error instanceof InsetError && error.code === 'bad_request') return false
      throw error
    },
  )

describe('one token contract for both minting paths and the verifier', () => {
  it.each([
    ['an empty attribute string', { attributes: { region: '' } }, 'attributes.region'],
    [
      'a control character in an attribute',
      { attributes: { region: ['EU\u0001'] } },
      'attributes.region.0',
    ],
    ['a lone surrogate in the user', { user: 'al\uD800ice' }, 'user'],
    ['a ttl with a space', { ttl: '10 m' }, 'ttl'],
    ['a fractional ttl', { ttl: '1.5h' }, 'ttl'],
    ['a ttl over 24 hours', { ttl: 86_401 }, 'ttl'],
    ['an unknown scope', { scope: ['admin'] }, 'scope.0'],
    ['a reserved attribute name', { attributes: JSON.parse('{"__proto__": "x"}') }, 'attributes'],
    [
      'too many attribute items',
      { attributes: { id: Array.from({ length: 1001 }, (_, i) => i) } },
      'attributes.id',
    ],
  ])('refuses %s on both paths (400 naming the field)', async (_what, extra, field) => {
    const body = { user: 'alice', tenant: 'acme', ...extra }
    const response = await mint(body)
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as { error: { code: string; message: string } }
    expect(error.code).toBe('bad_request')
    expect(error.message.startsWith(`${field}: `)).toBe(true)
    expect(await nodeMints(body)).toBe(false)
  })

  it('accepts every token it mints, and agrees with @inset/node on every input (fast-check)', async () => {
    const text = fc.oneof(
      fc.constantFrom(
        'EU',
        'NA',
        '',
        ' ',
        'EU\u0001',
        'a\u0000',
        '\uD800',
        'é',
        '日本',
        'x'.repeat(1000),
        'x'.repeat(1001),
      ),
      fc.string({ maxLength: 8, unit: 'binary' }),
    )
    const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean())
    const value = fc.oneof(
      scalar,
      fc.array(scalar, { maxLength: 3 }),
      fc.constant(null),
      fc.object({ maxDepth: 1 }),
    )
    const body = fc.record(
      {
        user: fc.oneof(fc.constant('alice'), text),
        tenant: fc.oneof(fc.constant('acme'), text),
        attributes: fc.dictionary(
          fc.constantFrom('region', 'team', 'bad-name', '_x', '1a'),
          value,
          { maxKeys: 2 },
        ),
        scope: fc.array(
          fc.constantFrom(
            'assistant',
            'dashboard:*',
            'dashboard:sales-overview',
            'dashboard:',
            'admin',
          ),
          { maxLength: 3 },
        ),
        ttl: fc.oneof(
          fc.integer({ min: -5, max: 90_000 }),
          fc.constantFrom('10m', '10 m', '1.5h', '24h', '25h', '0s', ' 5m', '5M'),
        ),
      },
      { requiredKeys: ['user', 'tenant'] },
    )
    let minted = 0
    let refused = 0
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const response = await mint(input)
        const node = await nodeMints(input)
        if (response.status === 201) {
          minted++
          expect(node).toBe(true)
          const { token } = (await response.json()) as { token: string }
          // A token the server mints, it accepts: never 401 (403 is the scope or RLS speaking).
          const opened = await open(token)
          expect([200, 403]).toContain(opened.status)
          if (opened.status === 403)
            expect(((await opened.json()) as { error: { code: string } }).error.code).toBe(
              'forbidden',
            )
        } else {
          refused++
          expect(response.status).toBe(400)
          expect(node).toBe(false)
        }
      }),
      { numRuns: 300 },
    )
    // Both outcomes were exercised (about one body in ten is valid: 18 of 300 has been seen, so
    // the bar is a handful, not a share).
    expect(minted).toBeGreaterThan(5)
    expect(refused).toBeGreaterThan(20)
  }, 60_000)
})
