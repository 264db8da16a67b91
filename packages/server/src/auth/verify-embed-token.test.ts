import { createHmac } from 'node:crypto'
import {
  type CryptoKey,
  exportJWK,
  exportSPKI,
  type GenerateKeyPairResult,
  generateKeyPair,
  SignJWT,
} from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { signTestToken } from '../../test/tokens'
import { ServerError } from '../errors'
import { createEmbedKeyring, type EmbedKeyring } from './keyring'
import { verifyEmbedToken } from './verify-embed-token'

const SECRET = 'inset-demo-secret-change-me'
const NEW_SECRET = 'a-rotated-secret-of-enough-length'
const options = { leewaySeconds: 30 }

let keyring: EmbedKeyring
let es256: GenerateKeyPairResult
let ed25519: GenerateKeyPairResult
let es256Pem: string

beforeAll(async () => {
  es256 = await generateKeyPair('ES256', { extractable: true })
  ed25519 = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
  es256Pem = await exportSPKI(es256.publicKey)
  keyring = await createEmbedKeyring([
    // Rotation: the old and the new secret are both active.
    {
      id: 'demo',
      origins: [],
      keys: [
        { alg: 'HS256', secret: NEW_SECRET },
        { alg: 'HS256', secret: SECRET },
      ],
    },
    { id: 'partner', origins: [], keys: [{ alg: 'ES256', publicKey: es256Pem }] },
    {
      id: 'edge',
      origins: [],
      keys: [{ alg: 'EdDSA', publicKey: { kty: 'OKP', ...(await exportJWK(ed25519.publicKey)) } }],
    },
  ])
})

async function failure(token: string, now?: number): Promise<ServerError> {
  const error = await verifyEmbedToken(keyring, token, {
    ...options,
    ...(now !== undefined && { now }),
  }).catch((e) => e)
  expect(error).toBeInstanceOf(ServerError)
  return error
}

function asymmetric(
  kid: string,
  alg: 'ES256' | 'EdDSA',
  key: CryptoKey,
  claims: Record<string, unknown> = {},
) {
  return new SignJWT({ tenant: 'acme', attrs: {}, scope: ['dashboard:*'], ...claims })
    .setProtectedHeader({ alg, kid })
    .setIssuer(kid)
    .setAudience('inset')
    .setSubject('alice')
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(key)
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

describe('verifyEmbedToken', () => {
  it('accepts HS256 tokens signed with any active key of the embed key', async () => {
    for (const secret of [SECRET, NEW_SECRET]) {
      const claims = await verifyEmbedToken(keyring, await signTestToken({ secret }), options)
      expect(claims).toMatchObject({
        iss: 'demo',
        sub: 'alice',
        tenant: 'acme',
        attrs: { region: ['EU', 'NA', 'APAC'] },
      })
    }
  })

  it('accepts ES256 (PEM) and EdDSA (JWK) tokens', async () => {
    expect(
      (
        await verifyEmbedToken(
          keyring,
          await asymmetric('partner', 'ES256', es256.privateKey),
          options,
        )
      ).iss,
    ).toBe('partner')
    expect(
      (
        await verifyEmbedToken(
          keyring,
          await asymmetric('edge', 'EdDSA', ed25519.privateKey),
          options,
        )
      ).iss,
    ).toBe('edge')
  })

  it('tells an expired token from an invalid one', async () => {
    const expired = await signTestToken({ iatOffset: -3600, ttl: 600 })
    expect((await failure(expired)).code).toBe('token_expired')
    // Within the leeway it still passes; beyond it, it does not.
    const justExpired = await signTestToken({ iatOffset: -610, ttl: 600 })
    await expect(verifyEmbedToken(keyring, justExpired, options)).resolves.toBeTruthy()
    expect((await failure(justExpired, Date.now() + 60_000)).code).toBe('token_expired')
    // An expired token with a bad signature is invalid, not expired.
    expect(
      (
        await failure(
          await signTestToken({ iatOffset: -3600, secret: 'wrong-secret-wrong-secret' }),
        )
      ).code,
    ).toBe('invalid_token')
  })

  it('checks a token once, then only its time claims on each use', async () => {
    const token = await signTestToken({ nbfOffset: 0, ttl: 600 })
    const now = Date.now()
    const first = await verifyEmbedToken(keyring, token, { ...options, now })
    const again = await verifyEmbedToken(keyring, token, { ...options, now: now + 1000 })
    expect(again).toBe(first)
    expect(Object.isFrozen(again) && Object.isFrozen(again.attrs)).toBe(true)
    // The remembered token still expires, and is not valid before its nbf.
    expect((await failure(token, now + 700_000)).code).toBe('token_expired')
    expect((await failure(token, now - 120_000)).message).toContain('"nbf"')
    // Another server's keyring, without this secret, does not take it from the first one's memory.
    const other = await createEmbedKeyring([
      { id: 'demo', origins: [], keys: [{ alg: 'HS256', secret: NEW_SECRET }] },
    ])
    await expect(verifyEmbedToken(other, token, options)).rejects.toMatchObject({
      code: 'invalid_token',
    })
  })

  it.each([
    [
      'a forged signature',
      () => signTestToken({ secret: 'not-the-demo-secret-at-all' }),
      'could not be verified',
    ],
    ['a wrong audience', () => signTestToken({ aud: 'someone-else' }), '"aud"'],
    ['a wrong issuer', () => signTestToken({ iss: 'partner' }), '"iss"'],
    [
      'an unknown kid',
      () => signTestToken({ kid: 'stranger', iss: 'stranger' }),
      'Unknown embed key',
    ],
    [
      'a lifetime over 24 hours',
      () => signTestToken({ ttl: 24 * 3600 + 1 }),
      'longer than 24 hours',
    ],
    ['an iat in the future', () => signTestToken({ iatOffset: 3600 }), '"iat"'],
    ['an nbf in the future', () => signTestToken({ nbfOffset: 3600 }), '"nbf"'],
    ['no tenant', () => signTestToken({ tenant: undefined }), '"tenant"'],
    [
      'nested attributes',
      () => signTestToken({ attrs: { region: { $in: ['EU'] } } }),
      '"attrs.region"',
    ],
    ['a NUL in the tenant', () => signTestToken({ tenant: 'acme\u0000' }), '"tenant"'],
    ['not a JWT', async () => 'not.a.jwt', 'not a signed JWT'],
  ])('refuses %s', async (_what, make, message) => {
    const error = await failure(await make())
    expect(error.code).toBe('invalid_token')
    expect(error.status).toBe(401)
    expect(error.message).toContain(message)
  })

  it('refuses alg "none"', async () => {
    const now = Math.floor(Date.now() / 1000)
    const payload = {
      iss: 'demo',
      aud: 'inset',
      sub: 'alice',
      tenant: 'acme',
      attrs: {},
      scope: [],
      iat: now,
      exp: now + 600,
    }
    const unsigned = `${b64({ alg: 'none', kid: 'demo' })}.${b64(payload)}.`
    expect((await failure(unsigned)).message).toContain('"none" is not accepted')
  })

  it('refuses a tampered payload', async () => {
    const [header, payload, signature] = (await signTestToken()).split('.')
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString())
    const tampered = `${header}.${b64({ ...claims, tenant: 'globex' })}.${signature}`
    expect((await failure(tampered)).code).toBe('invalid_token')
  })

  it('refuses algorithm confusion: HS256 signed with the ES256 public key as secret', async () => {
    const confused = await signTestToken({ kid: 'partner', iss: 'partner', secret: es256Pem })
    expect((await failure(confused)).message).toContain('has no HS256 key')
    // And an ES256 header on an HS256-only embed key.
    expect((await failure(await asymmetric('demo', 'ES256', es256.privateKey))).message).toContain(
      'has no ES256 key',
    )
  })
})

describe('verifyEmbedToken: tokens it verified before', () => {
  const LEEWAY = 30
  const T0 = 1_800_000_000 // seconds
  let counter = 0

  /** An HS256 token of the demo key with these time claims (seconds); each one distinct. */
  function sign(times: { iat: number; exp: number; nbf?: number }) {
    const jwt = new SignJWT({ tenant: 'acme', attrs: {}, scope: ['dashboard:*'] })
      .setProtectedHeader({ alg: 'HS256', kid: 'demo' })
      .setIssuer('demo')
      .setAudience('inset')
      .setSubject('alice')
      .setJti(`token-${++counter}`)
      .setIssuedAt(times.iat)
      .setExpirationTime(times.exp)
    if (times.nbf !== undefined) jwt.setNotBefore(times.nbf)
    return jwt.sign(new TextEncoder().encode(SECRET))
  }

  const at = (seconds: number) => ({ leewaySeconds: LEEWAY, now: seconds * 1000 })
  const outcome = (promise: Promise<unknown>) =>
    promise.then(
      (claims) => ({ claims }),
      (error: ServerError) => ({ code: error.code, message: error.message }),
    )

  // Memory is only a shortcut: at every instant a remembered token gets the answer a server that
  // never saw it gives (and, when accepted, the very claims object it got the first time).
  type Times = { iat: number; exp: number; nbf?: number }
  it.each<[string, Times, number, number[]]>([
    ['expiry', { iat: T0, exp: T0 + 600 }, T0 + 600 + LEEWAY, [-1, -0.001, 0, 0.001, 60]],
    [
      'not before',
      { iat: T0, exp: T0 + 600, nbf: T0 + 100 },
      T0 + 100 - LEEWAY,
      [-60, -0.001, 0, 1],
    ],
    ['issued at', { iat: T0, exp: T0 + 600 }, T0 - LEEWAY, [-60, -0.001, 0, 1]],
  ])('answers as a fresh verification around its %s', async (_claim, times, edge, offsets) => {
    const fresh = await createEmbedKeyring([
      { id: 'demo', origins: [], keys: [{ alg: 'HS256', secret: SECRET }] },
    ])
    for (const offset of offsets) {
      const token = await sign(times)
      const first = await verifyEmbedToken(keyring, token, at(times.nbf ?? times.iat))
      const remembered = await outcome(verifyEmbedToken(keyring, token, at(edge + offset)))
      const unknown = await outcome(verifyEmbedToken(fresh, token, at(edge + offset)))
      if ('claims' in unknown)
        expect('claims' in remembered && remembered.claims, `${offset}`).toBe(first)
      else expect(remembered, `${offset}`).toEqual(unknown)
    }
    // The instants fall on both sides of the edge.
    const answers = await Promise.all(
      offsets.map(async (offset) => {
        const token = await sign(times)
        return 'claims' in (await outcome(verifyEmbedToken(fresh, token, at(edge + offset))))
      }),
    )
    expect(new Set(answers)).toEqual(new Set([true, false]))
  })
})

describe('verifyEmbedToken: the header and the failures it names', () => {
  /** A token with this header and a valid HS256 signature of the demo key's first secret. */
  function withHeader(header: Record<string, unknown>, claims: Record<string, unknown> = {}) {
    const now = Math.floor(Date.now() / 1000)
    const payload = {
      iss: 'demo',
      aud: 'inset',
      sub: 'alice',
      tenant: 'acme',
      attrs: {},
      scope: [],
      iat: now,
      exp: now + 600,
      ...claims,
    }
    const body = `${b64(header)}.${b64(payload)}`
    return `${body}.${createHmac('sha256', NEW_SECRET).update(body).digest('base64url')}`
  }

  it('refuses a token over 16 KB before decoding it', async () => {
    const padding = (length: number) => 'x'.repeat(length)
    const base = withHeader({ alg: 'HS256', kid: 'demo' })
    const over = `${base}${padding(16 * 1024 + 1 - base.length)}`
    expect((await failure(over)).message).toBe('The token is longer than 16384 bytes')
    const limit = `${base}${padding(16 * 1024 - base.length)}`
    expect((await failure(limit)).message).toBe('The token could not be verified')
  })

  it('names a header field it does not accept, and a typ other than JWT', async () => {
    expect(
      (await failure(withHeader({ alg: 'HS256', kid: 'demo', jku: 'https://evil.example' })))
        .message,
    ).toBe('Token header field "jku" is not accepted')
    expect(
      (await failure(withHeader({ alg: 'HS256', kid: 'demo', [`x${'y'.repeat(40)}`]: 1 }))).message,
    ).toBe(`Token header field "x${'y'.repeat(19)}" is not accepted`)
    expect((await failure(withHeader({ alg: 'HS256', kid: 'demo', typ: 'at+jwt' }))).message).toBe(
      'Token header "typ" must be "JWT"',
    )
    const decodeError = await failure('%%%.%%%.%%%')
    expect(decodeError.message).toBe('The token is not a signed JWT')
    expect(decodeError.cause).toBeInstanceOf(Error)
  })

  it('takes the embed key from iss when the header has no kid, and needs one of them', async () => {
    expect((await verifyEmbedToken(keyring, withHeader({ alg: 'HS256' }), options)).iss).toBe(
      'demo',
    )
    for (const token of [
      withHeader({ alg: 'HS256' }, { iss: undefined }),
      withHeader({ alg: 'HS256' }, { iss: 42 }),
      withHeader({ alg: 'HS256', kid: '' }),
    ]) {
      expect((await failure(token)).message).toBe(
        'The token header has no "kid" (the embed key id)',
      )
    }
  })

  it('reports a claim failure as final, whichever rotation key signed the token', async () => {
    // Signed with the first of the demo key's two secrets: the second is not tried.
    const error = await failure(withHeader({ alg: 'HS256', kid: 'demo' }, { aud: 'other' }))
    expect(error.message).toContain('"aud"')
    const expired = await failure(withHeader({ alg: 'HS256', kid: 'demo' }, { exp: 1, iat: 0 }))
    expect(expired).toMatchObject({ code: 'token_expired', message: 'The token has expired' })
    expect(expired.cause).toBeInstanceOf(Error)
  })
})

// Last in the file: verifying 10,000 tokens takes seconds, and mutation runs stop at the first
// failing test.
describe('verifyEmbedToken: how many tokens it remembers', () => {
  const T0 = 1_800_000_000 // seconds
  const at = (seconds: number) => ({ leewaySeconds: 30, now: seconds * 1000 })

  it('remembers the last 10,000 tokens it verified', { timeout: 20_000 }, async () => {
    const memory = await createEmbedKeyring([
      { id: 'demo', origins: [], keys: [{ alg: 'HS256', secret: SECRET }] },
    ])
    // Signed with node:crypto (jose's async signing would take most of the test's time).
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
    const header = part({ alg: 'HS256', kid: 'demo' })
    const claims = { iss: 'demo', aud: 'inset', sub: 'alice', tenant: 'acme', attrs: {}, scope: [] }
    const tokens = Array.from({ length: 10_001 }, (_, i) => {
      const body = `${header}.${part({ ...claims, jti: `t${i}`, iat: T0, exp: T0 + 600 })}`
      return `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`
    })
    const verify = (token: string) => verifyEmbedToken(memory, token, at(T0 + 1))
    const firsts = []
    for (const token of tokens.slice(0, 10_000)) firsts.push(await verify(token))
    // 10,000 remembered: the first is still known.
    expect(await verify(tokens[0] as string)).toBe(firsts[0])
    // One more: the oldest verified is forgotten (verified anew), none other.
    await verify(tokens[10_000] as string)
    expect(await verify(tokens[1] as string)).toBe(firsts[1])
    expect(await verify(tokens[9_999] as string)).toBe(firsts[9_999])
    expect(await verify(tokens[0] as string)).not.toBe(firsts[0])
  })
})
