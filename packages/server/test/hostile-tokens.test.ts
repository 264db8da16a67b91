// A corpus of hostile embed tokens, each with the status and code the server must answer, sent to
// a real server (in-process) configured with an HS256, an ES256 and an EdDSA embed key.
import { createHmac } from 'node:crypto'
import { exportJWK, exportSPKI, type GenerateKeyPairResult, generateKeyPair, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_DEMO_SECRET } from '../src/demo/demo-config'
import { createInsetServer, type InsetServer } from '../src/server'
import { testConfig } from './servers'
import { signTestToken } from './tokens'

let server: InsetServer
let es256: GenerateKeyPairResult
let ed25519: GenerateKeyPairResult
let es256Pem: string
let ed25519Jwk: Record<string, unknown>

beforeAll(async () => {
  es256 = await generateKeyPair('ES256', { extractable: true })
  ed25519 = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
  es256Pem = await exportSPKI(es256.publicKey)
  ed25519Jwk = { ...(await exportJWK(ed25519.publicKey)) }
  const base = testConfig({ name: 'duckdb' }, 'unused', 2000)
  server = await createInsetServer({
    ...base,
    server: {
      rateLimit: { perSecond: 1e6, burst: 1e6 },
      authFailureLimit: { perSecond: 1e6, burst: 1e6 },
    },
    embedKeys: [
      ...(base.embedKeys ?? []),
      { id: 'partner', origins: [], keys: [{ alg: 'ES256', publicKey: es256Pem }] },
      { id: 'edge', origins: [], keys: [{ alg: 'EdDSA', publicKey: ed25519Jwk as never }] },
    ],
  })
}, 60_000)
afterAll(async () => {
  await server?.close()
})

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const now = () => Math.floor(Date.now() / 1000)
const claims = (over: Record<string, unknown> = {}) => ({
  iss: 'demo',
  aud: 'inset',
  sub: 'alice',
  tenant: 'acme',
  attrs: { region: ['EU'] },
  scope: ['dashboard:*'],
  iat: now(),
  exp: now() + 600,
  jti: 'j1',
  ...over,
})
/** An HS256 JWT with any header and payload, signed with the given secret. */
function hs256(
  header: Record<string, unknown>,
  payload: unknown,
  secret: string | Buffer = DEFAULT_DEMO_SECRET,
) {
  const signingInput = `${b64({ alg: 'HS256', kid: 'demo', typ: 'JWT', ...header })}.${b64(payload)}`
  const signature = createHmac('sha256', secret).update(signingInput).digest('base64url')
  return `${signingInput}.${signature}`
}
const asymmetric = (
  kid: string,
  alg: 'ES256' | 'EdDSA',
  key: Parameters<SignJWT['sign']>[0],
  over = {},
  header = {},
) =>
  new SignJWT(claims({ iss: kid, ...over })).setProtectedHeader({ alg, kid, ...header }).sign(key)

type Case = [string, () => Promise<string> | string, number, string]

const CORPUS: Case[] = [
  [
    'alg none',
    () => `${b64({ alg: 'none', kid: 'demo' })}.${b64(claims())}.`,
    401,
    'invalid_token',
  ],
  [
    'alg None (case)',
    () => `${b64({ alg: 'None', kid: 'demo' })}.${b64(claims())}.`,
    401,
    'invalid_token',
  ],
  [
    'alg NONE with a signature',
    () => `${b64({ alg: 'NONE', kid: 'demo' })}.${b64(claims())}.c2ln`,
    401,
    'invalid_token',
  ],
  ['alg HS512', () => hs256({ alg: 'HS512' }, claims()), 401, 'invalid_token'],
  ['alg RS256', () => hs256({ alg: 'RS256' }, claims()), 401, 'invalid_token'],
  ['wrong audience', () => hs256({}, claims({ aud: 'other' })), 401, 'invalid_token'],
  [
    'audience as a list without inset',
    () => hs256({}, claims({ aud: ['a', 'b'] })),
    401,
    'invalid_token',
  ],
  ['wrong issuer for the kid', () => hs256({}, claims({ iss: 'partner' })), 401, 'invalid_token'],
  [
    'unknown kid',
    () => hs256({ kid: 'stranger' }, claims({ iss: 'stranger' })),
    401,
    'invalid_token',
  ],
  ['kid with a path', () => hs256({ kid: '../../etc/passwd' }, claims()), 401, 'invalid_token'],
  [
    'forged signature',
    () => hs256({}, claims(), 'not-the-secret-not-the-secret'),
    401,
    'invalid_token',
  ],
  [
    'empty signature',
    () => `${hs256({}, claims()).split('.').slice(0, 2).join('.')}.`,
    401,
    'invalid_token',
  ],
  [
    'HS256 signed with the ES256 public key (alg confusion)',
    () => hs256({ kid: 'partner' }, claims({ iss: 'partner' }), es256Pem),
    401,
    'invalid_token',
  ],
  [
    'HS256 signed with the EdDSA JWK (alg confusion)',
    () => hs256({ kid: 'edge' }, claims({ iss: 'edge' }), JSON.stringify(ed25519Jwk)),
    401,
    'invalid_token',
  ],
  [
    'ES256 header on an HS256-only key',
    () => asymmetric('demo', 'ES256', es256.privateKey),
    401,
    'invalid_token',
  ],
  [
    'EdDSA token under the ES256 key id',
    () => asymmetric('partner', 'EdDSA', ed25519.privateKey),
    401,
    'invalid_token',
  ],
  ['crit header', () => hs256({ crit: ['exp'] }, claims()), 401, 'invalid_token'],
  [
    'jku header',
    () => hs256({ jku: 'https://evil.example/jwks.json' }, claims()),
    401,
    'invalid_token',
  ],
  [
    'jwk header (embedded key)',
    () => hs256({ jwk: { kty: 'oct', k: 'c2VjcmV0' } }, claims()),
    401,
    'invalid_token',
  ],
  [
    'x5u header',
    () => hs256({ x5u: 'https://evil.example/cert.pem' }, claims()),
    401,
    'invalid_token',
  ],
  ['typ other than JWT', () => hs256({ typ: 'at+jwt' }, claims()), 401, 'invalid_token'],
  [
    'lifetime of 24 h + 1 s',
    () => hs256({}, claims({ exp: now() + 86_401 })),
    401,
    'invalid_token',
  ],
  [
    'lifetime of a year',
    () => hs256({}, claims({ exp: now() + 365 * 86_400 })),
    401,
    'invalid_token',
  ],
  [
    'iat in the future',
    () => hs256({}, claims({ iat: now() + 3600, exp: now() + 4000 })),
    401,
    'invalid_token',
  ],
  ['nbf in the future', () => hs256({}, claims({ nbf: now() + 3600 })), 401, 'invalid_token'],
  [
    'exp before iat',
    () => hs256({}, claims({ iat: now() - 10, exp: now() - 20 })),
    401,
    'invalid_token',
  ],
  [
    'expired',
    () => hs256({}, claims({ iat: now() - 7200, exp: now() - 3600 })),
    401,
    'token_expired',
  ],
  ['no exp', () => hs256({}, claims({ exp: undefined })), 401, 'invalid_token'],
  ['no sub', () => hs256({}, claims({ sub: undefined })), 401, 'invalid_token'],
  ['no tenant', () => hs256({}, claims({ tenant: undefined })), 401, 'invalid_token'],
  ['empty tenant', () => hs256({}, claims({ tenant: '' })), 401, 'invalid_token'],
  [
    'tenant as an array',
    () => hs256({}, claims({ tenant: ['acme', 'globex'] })),
    401,
    'invalid_token',
  ],
  ['tenant with NUL', () => hs256({}, claims({ tenant: 'acme\u0000' })), 401, 'invalid_token'],
  [
    'tenant of 10,000 characters',
    () => hs256({}, claims({ tenant: 'a'.repeat(10_000) })),
    401,
    'invalid_token',
  ],
  [
    'nested attribute (operator injection)',
    () => hs256({}, claims({ attrs: { region: { $in: ['EU', 'NA'] } } })),
    401,
    'invalid_token',
  ],
  [
    'empty attribute string',
    () => hs256({}, claims({ attrs: { region: '' } })),
    401,
    'invalid_token',
  ],
  [
    'attribute with a control character',
    () => hs256({}, claims({ attrs: { region: ['EU\u0001'] } })),
    401,
    'invalid_token',
  ],
  [
    'attribute named __proto__',
    () =>
      hs256(
        {},
        `{"iss":"demo","aud":"inset","sub":"a","tenant":"acme","attrs":{"__proto__":{"region":"NA"}},"scope":[],"iat":${now()},"exp":${now() + 60}}`,
      ),
    401,
    'invalid_token',
  ],
  ['attributes as an array', () => hs256({}, claims({ attrs: ['EU'] })), 401, 'invalid_token'],
  ['scope as a string', () => hs256({}, claims({ scope: 'dashboard:*' })), 401, 'invalid_token'],
  [
    'scope with an unknown grant',
    () => hs256({}, claims({ scope: ['admin'] })),
    401,
    'invalid_token',
  ],
  ['payload not JSON', () => hs256({}, 'not json'), 401, 'invalid_token'],
  ['three dots', () => 'a.b.c.d', 401, 'invalid_token'],
  ['not base64', () => '!!!.???.###', 401, 'invalid_token'],
  ['100 KB token', () => hs256({}, claims({ pad: 'x'.repeat(100_000) })), 401, 'invalid_token'],
  [
    'valid ES256 token with a lifetime over 24 h',
    () => asymmetric('partner', 'ES256', es256.privateKey, { exp: now() + 90_000 }),
    401,
    'invalid_token',
  ],
  [
    'valid EdDSA token with a jku header',
    () =>
      asymmetric(
        'edge',
        'EdDSA',
        ed25519.privateKey,
        {},
        { jku: 'https://evil.example/jwks.json' },
      ),
    401,
    'invalid_token',
  ],
]

// Controls: the corpus is refused for what it is, not because nothing is accepted.
const ACCEPTED: Array<[string, () => Promise<string> | string]> = [
  ['a plain HS256 token', () => hs256({}, claims())],
  ['an ES256 token', () => asymmetric('partner', 'ES256', es256.privateKey)],
  ['an EdDSA token', () => asymmetric('edge', 'EdDSA', ed25519.privateKey)],
  ['a token from the test helper', () => signTestToken()],
]

async function answer(token: string) {
  const response = await server.fetch(
    new Request('http://inset.local/v1/dashboards/sales-overview', {
      headers: { authorization: `Bearer ${token}` },
    }),
  )
  const body = (await response.json()) as { error?: { code: string } }
  return { status: response.status, code: body.error?.code }
}

describe('hostile embed tokens', () => {
  it.each(CORPUS)('%s → %s %s', async (_name, make, status, code) => {
    expect(await answer(await make())).toEqual({ status, code })
  })

  it.each(ACCEPTED)('control: %s → 200', async (_name, make) => {
    expect((await answer(await make())).status).toBe(200)
  })

  it('has at least 40 hostile cases', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40)
  })
})
