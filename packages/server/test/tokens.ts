// Tokens for tests, minted with jose directly (not with @inset/node, which depends on this package).
import { randomUUID } from 'node:crypto'
import { SignJWT } from 'jose'
import type { EmbedClaims } from '../src/auth/claims'
import { DEFAULT_DEMO_SECRET, DEMO_USERS } from '../src/demo/demo-config'

export interface TestTokenOptions {
  secret?: string
  kid?: string
  iss?: string
  aud?: string
  sub?: string
  tenant?: string | undefined
  attrs?: Record<string, unknown> | undefined
  scope?: string[]
  iatOffset?: number
  ttl?: number
  nbfOffset?: number
}

/** An HS256 embed token; every claim can be overridden or removed (`undefined`). */
export async function signTestToken(options: TestTokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000)
  const iat = now + (options.iatOffset ?? 0)
  const payload: Record<string, unknown> = {
    tenant: 'tenant' in options ? options.tenant : 'acme',
    attrs: 'attrs' in options ? options.attrs : { region: ['EU', 'NA', 'APAC'] },
    scope: options.scope ?? ['dashboard:*', 'assistant'],
  }
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', kid: options.kid ?? 'demo', typ: 'JWT' })
    .setIssuer(options.iss ?? 'demo')
    .setAudience(options.aud ?? 'inset')
    .setSubject(options.sub ?? 'alice')
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.ttl ?? 600))
    .setJti(randomUUID())
  if (options.nbfOffset !== undefined) jwt.setNotBefore(now + options.nbfOffset)
  return jwt.sign(new TextEncoder().encode(options.secret ?? DEFAULT_DEMO_SECRET))
}

export function demoToken(
  user: keyof typeof DEMO_USERS,
  extra: TestTokenOptions = {},
): Promise<string> {
  const demo = DEMO_USERS[user]
  return signTestToken({
    sub: demo.user,
    tenant: demo.tenant,
    attrs: { region: [...demo.attributes.region] },
    ...extra,
  })
}

/** Claims as the server holds them after verification, for tests below the HTTP layer. */
export function demoClaims(
  user: keyof typeof DEMO_USERS,
  overrides: Partial<EmbedClaims> = {},
): EmbedClaims {
  const demo = DEMO_USERS[user]
  const now = Math.floor(Date.now() / 1000)
  return {
    iss: 'demo',
    sub: demo.user,
    tenant: demo.tenant,
    attrs: { region: [...demo.attributes.region] },
    scope: ['dashboard:*', 'assistant'],
    iat: now,
    exp: now + 600,
    ...overrides,
  }
}
