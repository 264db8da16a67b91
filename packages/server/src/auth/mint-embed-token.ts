import { randomUUID } from 'node:crypto'
import { SignJWT } from 'jose'
import type { AttributeValue } from './claims'
import type { EmbedKey } from './keyring'
import { INSET_AUDIENCE, MAX_TOKEN_LIFETIME_SECONDS } from './verify-embed-token'

export interface MintOptions {
  user: string
  tenant: string
  attributes?: Record<string, AttributeValue>
  scope?: string[]
  /** Seconds; default 600, at most 24 h. */
  ttlSeconds?: number
  /** Epoch ms. */
  now?: number
}

/**
 * Signs an embed token with the embed key's HS256 secret (what `POST /v1/tokens` and the demo use).
 *
 * @example
 * const { token, expiresAt } = await mintEmbedToken(keyring.get('demo')!, { user: 'alice', tenant: 'acme' })
 */
export async function mintEmbedToken(
  embedKey: EmbedKey,
  options: MintOptions,
): Promise<{ token: string; expiresAt: number }> {
  if (!embedKey.signingSecret)
    throw new Error(`Embed key "${embedKey.id}" has no HS256 secret to sign with`)
  const ttl = Math.min(options.ttlSeconds ?? 600, MAX_TOKEN_LIFETIME_SECONDS)
  const iat = Math.floor((options.now ?? Date.now()) / 1000)
  const exp = iat + ttl
  const token = await new SignJWT({
    tenant: options.tenant,
    attrs: options.attributes ?? {},
    scope: options.scope ?? ['dashboard:*', 'assistant'],
  })
    .setProtectedHeader({ alg: 'HS256', kid: embedKey.id, typ: 'JWT' })
    .setIssuer(embedKey.id)
    .setAudience(INSET_AUDIENCE)
    .setSubject(options.user)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setJti(randomUUID())
    .sign(embedKey.signingSecret)
  return { token, expiresAt: exp * 1000 }
}
