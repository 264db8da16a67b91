import { type CryptoKey, exportJWK, exportSPKI, generateKeyPair } from 'jose'
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../config/config-error'
import { createEmbedKeyring } from './keyring'

const SECRET = 'inset-demo-secret-change-me'
const ROTATED = 'a-rotated-secret-of-enough-length'

async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  const error: unknown = await promise.catch((e) => e)
  expect(error).toBeInstanceOf(ConfigError)
  return error as ConfigError
}

describe('createEmbedKeyring', () => {
  it('refuses a public key it cannot import, naming the field', async () => {
    const error = await configError(
      createEmbedKeyring([
        { id: 'demo', origins: [], keys: [{ alg: 'HS256', secret: SECRET }] },
        {
          id: 'partner',
          origins: [],
          keys: [
            { alg: 'HS256', secret: SECRET },
            { alg: 'ES256', publicKey: '-----BEGIN PUBLIC KEY-----\nnot a key' },
          ],
        },
      ]),
    )
    expect(error.issues).toHaveLength(1)
    expect(error.issues[0]?.path).toBe('embedKeys[1].keys[1].publicKey')
    expect(error.issues[0]?.message).toMatch(/^not a usable ES256 public key \(.+\)$/)
  })

  it('refuses a secret (an "oct" JWK) given as a public key', async () => {
    const error = await configError(
      createEmbedKeyring([
        {
          id: 'edge',
          origins: [],
          keys: [{ alg: 'EdDSA', publicKey: { kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ' } }],
        },
      ]),
    )
    expect(error.issues[0]).toEqual({
      path: 'embedKeys[0].keys[0].publicKey',
      message: 'not a usable EdDSA public key (a public key was expected, got a secret)',
    })
  })

  it('refuses a public key of another algorithm than the one configured', async () => {
    const ed = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
    const error = await configError(
      createEmbedKeyring([
        {
          id: 'p',
          origins: [],
          keys: [{ alg: 'ES256', publicKey: await exportSPKI(ed.publicKey) }],
        },
      ]),
    )
    expect(error.issues[0]?.message).toContain('not a usable ES256 public key')
  })

  it('signs with the first HS256 secret of the first embed key that has one', async () => {
    const es = await generateKeyPair('ES256', { extractable: true })
    const keyring = await createEmbedKeyring([
      {
        id: 'partner',
        origins: [],
        keys: [{ alg: 'ES256', publicKey: await exportSPKI(es.publicKey) }],
      },
      {
        id: 'demo',
        origins: [],
        keys: [
          { alg: 'ES256', publicKey: { kty: 'EC', ...(await exportJWK(es.publicKey)) } },
          { alg: 'HS256', secret: ROTATED },
          { alg: 'HS256', secret: SECRET },
        ],
      },
      { id: 'other', origins: [], keys: [{ alg: 'HS256', secret: SECRET }] },
    ])
    expect(keyring.get('partner')?.signingSecret).toBeUndefined()
    expect(keyring.get('demo')?.signingSecret).toEqual(new TextEncoder().encode(ROTATED))
    expect(keyring.get('demo')?.keys.map((key) => key.alg)).toEqual(['ES256', 'HS256', 'HS256'])
    expect(keyring.defaultSigningKey()?.id).toBe('demo')
    // The imported HMAC key can only verify: it cannot be read back out of WebCrypto.
    const hmac = keyring.get('demo')?.keys[1]?.key as CryptoKey
    await expect(crypto.subtle.exportKey('raw', hmac)).rejects.toThrow()
    expect(hmac.usages).toEqual(['verify'])
    expect(keyring.get('nobody')).toBeUndefined()
    const unsigned = await createEmbedKeyring([
      {
        id: 'partner',
        origins: [],
        keys: [{ alg: 'ES256', publicKey: await exportSPKI(es.publicKey) }],
      },
    ])
    expect(unsigned.defaultSigningKey()).toBeUndefined()
  })

  it('allows an origin for preflights when any embed key allows it', async () => {
    const keyring = await createEmbedKeyring([
      { id: 'a', origins: ['https://a.example'], keys: [{ alg: 'HS256', secret: SECRET }] },
      { id: 'b', origins: ['https://*.b.example'], keys: [{ alg: 'HS256', secret: SECRET }] },
    ])
    expect(keyring.allowsOriginForAnyKey('https://a.example')).toBe(true)
    expect(keyring.allowsOriginForAnyKey('https://app.b.example')).toBe(true)
    expect(keyring.allowsOriginForAnyKey('https://c.example')).toBe(false)
    expect(keyring.get('a')?.allowsOrigin('https://app.b.example')).toBe(false)
  })
})
