import { generateKeyPairSync, webcrypto } from 'node:crypto'
import { InsetError } from '@inset/core'
import { decodeProtectedHeader, exportJWK, jwtVerify } from 'jose'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createEmbedToken, TOKEN_SIZE_WARNING_BYTES } from './embed-token'

const secret = 'a-test-secret-of-at-least-32-bytes!!'
const hsKey = { id: 'test-hs', secret }
const NOW = Date.UTC(2025, 5, 1, 12, 0, 0)

function expectBadRequest(promise: Promise<unknown>, message: RegExp) {
  return expect(promise).rejects.toSatisfy(
    (error: unknown) =>
      error instanceof InsetError && error.code === 'bad_request' && message.test(error.message),
  )
}

describe('createEmbedToken', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
  })
  afterEach(() => vi.useRealTimers())

  it('signs HS256 with exactly the claims of the design', async () => {
    const { token, expiresAt } = await createEmbedToken({
      key: hsKey,
      user: 'alice',
      tenant: 'acme',
      attributes: { region: ['EU', 'NA'], tier: 2, beta: true },
      scope: ['dashboard:sales-overview', 'assistant'],
      ttl: '15m',
    })
    const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(secret), {
      audience: 'inset',
      issuer: 'test-hs',
      algorithms: ['HS256'],
      currentDate: new Date(NOW),
    })
    expect(protectedHeader).toEqual({ alg: 'HS256', kid: 'test-hs', typ: 'JWT' })
    expect(Object.keys(payload).sort()).toEqual(
      ['attrs', 'aud', 'exp', 'iat', 'iss', 'jti', 'scope', 'sub', 'tenant'].sort(),
    )
    expect(payload).toMatchObject({
      iss: 'test-hs',
      aud: 'inset',
      sub: 'alice',
      tenant: 'acme',
      attrs: { region: ['EU', 'NA'], tier: 2, beta: true },
      scope: ['dashboard:sales-overview', 'assistant'],
      iat: NOW / 1000,
      exp: NOW / 1000 + 900,
    })
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/)
    expect(expiresAt).toBe(NOW + 900_000)
  })

  it('defaults to ten minutes, every dashboard plus the assistant, and no attributes', async () => {
    const { token, expiresAt } = await createEmbedToken({
      key: hsKey,
      user: 'bob',
      tenant: 'globex',
    })
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      currentDate: new Date(NOW),
    })
    expect(payload.scope).toEqual(['dashboard:*', 'assistant'])
    expect(payload.attrs).toEqual({})
    expect(expiresAt).toBe(NOW + 600_000)
  })

  it('gives every token its own jti', async () => {
    const tokens = await Promise.all(
      Array.from({ length: 20 }, () => createEmbedToken({ key: hsKey, user: 'u', tenant: 't' })),
    )
    const ids = tokens.map(({ token }) => JSON.parse(atob(token.split('.')[1]!)).jti)
    expect(new Set(ids).size).toBe(20)
  })

  it('produces a token the wrong secret does not verify', async () => {
    const { token } = await createEmbedToken({ key: hsKey, user: 'u', tenant: 't' })
    await expect(
      jwtVerify(token, new TextEncoder().encode('another-secret'), { currentDate: new Date(NOW) }),
    ).rejects.toThrow(/signature/)
  })

  it('takes a Uint8Array secret', async () => {
    const bytes = webcrypto.getRandomValues(new Uint8Array(32))
    const { token } = await createEmbedToken({
      key: { id: 'bin', secret: bytes },
      user: 'u',
      tenant: 't',
    })
    await expect(jwtVerify(token, bytes, { currentDate: new Date(NOW) })).resolves.toBeTruthy()
  })

  describe('asymmetric keys', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const ed = generateKeyPairSync('ed25519')

    it.each([
      ['a KeyObject', () => ec.privateKey],
      ['PKCS#8 PEM', () => ec.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string],
      ['a JWK', () => ec.privateKey.export({ format: 'jwk' })],
    ])('signs ES256 with %s', async (_, privateKey) => {
      const { token } = await createEmbedToken({
        key: { id: 'ec-key', privateKey: privateKey() },
        user: 'alice',
        tenant: 'acme',
      })
      expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: 'ec-key', typ: 'JWT' })
      const { payload } = await jwtVerify(token, ec.publicKey, {
        audience: 'inset',
        issuer: 'ec-key',
        currentDate: new Date(NOW),
      })
      expect(payload.sub).toBe('alice')
    })

    it('signs EdDSA with an Ed25519 key, verified against its public JWK', async () => {
      const { token } = await createEmbedToken({
        key: {
          id: 'ed-key',
          privateKey: ed.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
        },
        user: 'alice',
        tenant: 'acme',
      })
      expect(decodeProtectedHeader(token).alg).toBe('EdDSA')
      const publicJwk = await exportJWK(ed.publicKey)
      const { payload } = await jwtVerify(token, publicJwk, {
        algorithms: ['EdDSA'],
        currentDate: new Date(NOW),
      })
      expect(payload.iss).toBe('ed-key')
    })

    it('signs with a Web Crypto key', async () => {
      const pair = await webcrypto.subtle.generateKey(
        { name: 'ECDSA', namedCurve: 'P-256' },
        false,
        ['sign', 'verify'],
      )
      const { token } = await createEmbedToken({
        key: { id: 'web', privateKey: pair.privateKey },
        user: 'u',
        tenant: 't',
      })
      await expect(
        jwtVerify(token, pair.publicKey, { currentDate: new Date(NOW) }),
      ).resolves.toBeTruthy()
    })

    it('refuses a public key, an RSA key, a P-384 key and garbage', async () => {
      const base = { user: 'u', tenant: 't' }
      await expectBadRequest(
        createEmbedToken({ ...base, key: { id: 'k', privateKey: ec.publicKey } }),
        /must be a private key, got a public key/,
      )
      const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
      await expectBadRequest(
        createEmbedToken({ ...base, key: { id: 'k', privateKey: rsa.privateKey } }),
        /P-256 \(ES256\) or Ed25519 \(EdDSA\) key, got rsa/,
      )
      const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' })
      await expectBadRequest(
        createEmbedToken({ ...base, key: { id: 'k', privateKey: p384.privateKey } }),
        /got ec secp384r1/,
      )
      await expectBadRequest(
        createEmbedToken({ ...base, key: { id: 'k', privateKey: 'not a pem' } }),
        /could not be read as a PKCS#8 PEM or a private JWK/,
      )
    })
  })

  describe('input checks', () => {
    const base = { key: hsKey, user: 'alice', tenant: 'acme' }

    it.each([
      [{ key: { id: '', secret } }, /key: id must be a non-empty string/],
      [{ key: { id: 'has space', secret } }, /key: id must be a non-empty string without spaces/],
      [{ key: { id: 'k', secret: '' } }, /secret must not be empty/],
      [{ key: { id: 'k' } }, /exactly one of secret \(HS256\) or privateKey/],
      [{ key: { id: 'k', secret, privateKey: 'x' } }, /exactly one of/],
      [{ key: undefined }, /key: expected \{ id, secret \} or \{ id, privateKey \}/],
      // The messages of the embed-token contract (src/contract.ts), shared with the server.
      [{ user: '' }, /user: must not be empty/],
      [{ user: 42 }, /user: must be a string/],
      [{ tenant: undefined }, /tenant: must be a string/],
      [{ tenant: 'x'.repeat(257) }, /tenant: must be at most 256 characters/],
      [{ user: 'a\nb' }, /user: must not contain control characters/],
      [{ user: 'a\uD800' }, /user: must not contain control characters or broken Unicode/],
      [{ attributes: ['EU'] }, /attributes: must be a plain object/],
      [
        { attributes: { region: { eu: true } } },
        /attributes.region: must be a string, finite number, boolean or a flat array of them/,
      ],
      [{ attributes: { region: ['EU', ['NA']] } }, /attributes.region: must be a string/],
      [{ attributes: { region: ['EU', null] } }, /attributes.region: must be a string/],
      [{ attributes: { limit: Number.POSITIVE_INFINITY } }, /attributes.limit: must be/],
      [{ attributes: { 'bad-name': 'x' } }, /attribute name "bad-name"/],
      [{ attributes: JSON.parse('{"__proto__": "x"}') }, /attribute name "__proto__"/],
      [
        { attributes: { note: 'x'.repeat(1001) } },
        /attributes.note: must be at most 1000 characters/,
      ],
      [{ attributes: { ids: ['a', 'x'.repeat(1001)] } }, /attributes.ids.1: must be at most 1000/],
      [
        { attributes: { ids: Array.from({ length: 1001 }, (_, i) => i) } },
        /attributes.ids: must have at most 1000 items/,
      ],
      [{ attributes: { region: '' } }, /attributes.region: must not be empty/],
      [
        { attributes: { region: ['EU', 'N\u0000A'] } },
        /attributes.region.1: must not contain control/,
      ],
      [{ attributes: { region: ['EU\u0001'] } }, /attributes.region.0: must not contain control/],
      [{ scope: Array.from({ length: 101 }, (_, i) => `dashboard:d${i}`) }, /at most 100 entries/],
      [{ scope: [] }, /scope: must be a non-empty array/],
      [{ scope: 'assistant' }, /scope: must be a non-empty array/],
      [
        { scope: ['dashboards:*'] },
        /scope.0: must be "assistant", "export", "dashboard:\*" or "dashboard:<id>"/,
      ],
      [{ scope: ['dashboard:'] }, /scope.0: must be/],
      [{ scope: ['dashboard:a b'] }, /scope.0: must be/],
      [{ ttl: '48h' }, /ttl: must be at most 24 hours/],
      [{ ttl: '10 m' }, /ttl: is not a duration/],
    ] as Array<[Record<string, unknown>, RegExp]>)('refuses %j', async (override, message) => {
      await expectBadRequest(createEmbedToken({ ...base, ...override } as never), message)
    })

    it('refuses a call without options', async () => {
      await expectBadRequest(createEmbedToken(undefined as never), /expected \{ key, user, tenant/)
    })

    it('removes duplicate scope entries and copies attributes', async () => {
      const region = ['EU']
      const { token } = await createEmbedToken({
        ...base,
        attributes: { region },
        scope: ['assistant', 'assistant', 'dashboard:*'],
      })
      region.push('NA')
      const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
        currentDate: new Date(NOW),
      })
      expect(payload.scope).toEqual(['assistant', 'dashboard:*'])
      expect(payload.attrs).toEqual({ region: ['EU'] })
    })
  })

  describe('size warning', () => {
    it('warns once per token over 8 KB and still returns it', async () => {
      const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {})
      const small = await createEmbedToken({ key: hsKey, user: 'u', tenant: 't' })
      expect(warn).not.toHaveBeenCalled()
      const customers = Array.from({ length: 800 }, (_, i) => `customer-${i}`)
      const big = await createEmbedToken({
        key: hsKey,
        user: 'u',
        tenant: 't',
        attributes: { customers },
      })
      expect(small.token.length).toBeLessThan(TOKEN_SIZE_WARNING_BYTES)
      expect(big.token.length).toBeGreaterThan(TOKEN_SIZE_WARNING_BYTES)
      expect(warn).toHaveBeenCalledTimes(1)
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/is \d+ bytes, over 8192/), {
        code: 'INSET_TOKEN_SIZE',
      })
    })
  })
})
