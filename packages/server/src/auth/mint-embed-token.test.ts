import { describe, expect, it } from 'vitest'
import { ServerError } from '../errors'
import { createEmbedKeyring, type EmbedKey } from './keyring'
import { mintEmbedToken } from './mint-embed-token'
import { verifyEmbedToken } from './verify-embed-token'

const SECRET = 'inset-demo-secret-change-me'
const keyring = await createEmbedKeyring([
  { id: 'demo', origins: [], keys: [{ alg: 'HS256', secret: SECRET }] },
])
const demo = keyring.get('demo') as EmbedKey

describe('mintEmbedToken', () => {
  it('mints a token this server accepts, with the claims and lifetime asked for', async () => {
    const before = Math.floor(Date.now() / 1000)
    const { token, expiresAt } = await mintEmbedToken(demo, {
      user: 'alice',
      tenant: 'acme',
      attributes: { region: ['EU'] },
      scope: ['dashboard:sales-overview'],
      ttl: '5m',
    })
    const claims = await verifyEmbedToken(keyring, token, { leewaySeconds: 0 })
    expect(claims).toMatchObject({
      iss: 'demo',
      sub: 'alice',
      tenant: 'acme',
      attrs: { region: ['EU'] },
      scope: ['dashboard:sales-overview'],
    })
    expect(claims.exp - claims.iat).toBe(300)
    expect(claims.iat).toBeGreaterThanOrEqual(before)
    expect(expiresAt).toBe(claims.exp * 1000)
  })

  it('takes the deprecated ttlSeconds, and 600 s by default', async () => {
    const lifetime = async (extra: object) => {
      const { token } = await mintEmbedToken(demo, { user: 'bob', tenant: 'globex', ...extra })
      const claims = await verifyEmbedToken(keyring, token, { leewaySeconds: 0 })
      return claims.exp - claims.iat
    }
    expect(await lifetime({ ttlSeconds: 120 })).toBe(120)
    expect(await lifetime({})).toBe(600)
    expect(await lifetime({ ttl: 60, ttlSeconds: 120 })).toBe(60)
  })

  it.each([
    ['no user', { user: '', tenant: 'acme' }, /^user: /],
    ['a control character in the tenant', { user: 'a', tenant: 'acme\u0001' }, /^tenant: /],
    ['a lifetime over 24 hours', { user: 'a', tenant: 'acme', ttl: 86_401 }, /^ttl: /],
    ['a lifetime of "10 m"', { user: 'a', tenant: 'acme', ttlSeconds: '10 m' }, /^ttl: /],
  ])('refuses %s as bad_request naming the field', async (_what, options, message) => {
    const error = await mintEmbedToken(demo, options as never).catch((e) => e)
    expect(error).toBeInstanceOf(ServerError)
    expect(error).toMatchObject({ code: 'bad_request', status: 400 })
    expect(error.message).toMatch(message)
  })

  it('refuses an embed key without an HS256 secret', async () => {
    const { signingSecret: _, ...unsigned } = demo
    await expect(mintEmbedToken(unsigned, { user: 'a', tenant: 'acme' })).rejects.toThrow(
      'Embed key "demo" has no HS256 secret to sign with',
    )
  })
})
