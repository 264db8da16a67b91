import { createEmbedToken, InsetError, type SecretEmbedKey } from '@inset/node'
import { checkEmbedSubject, checkTtl } from '@inset/node/contract'
import { badRequest } from '../errors'
import type { AttributeValue } from './claims'
import type { EmbedKey } from './keyring'

export interface MintOptions {
  user: string
  tenant: string
  attributes?: Record<string, AttributeValue>
  scope?: string[]
  /** Whole seconds or a duration such as `"10m"` (the contract's grammar); default 600, at most 24 h. */
  ttl?: number | string
  /** @deprecated Use `ttl`. Seconds. */
  ttlSeconds?: number
}

// One signing key per embed key, so @inset/node imports each secret once.
const signingKeys = new WeakMap<EmbedKey, SecretEmbedKey>()

/**
 * Signs an embed token with the embed key's HS256 secret (what `POST /v1/tokens` and the demo use).
 * The subject and lifetime are checked by the embed-token contract (`@inset/node/contract`), the
 * same rules `@inset/node` applies and the verifier enforces: a token minted here is accepted here.
 * Invalid input throws a `bad_request` ServerError naming the field.
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
  const { ttl: ttlInput, ttlSeconds, ...subject } = options
  const checked = checkEmbedSubject(subject)
  if (!checked.ok) throw badRequest(checked.message)
  const ttl = checkTtl(ttlInput ?? ttlSeconds)
  if (!ttl.ok) throw badRequest(ttl.message)
  let key = signingKeys.get(embedKey)
  if (!key) {
    key = { id: embedKey.id, secret: embedKey.signingSecret }
    signingKeys.set(embedKey, key)
  }
  try {
    return await createEmbedToken({
      key,
      user: checked.value.sub,
      tenant: checked.value.tenant,
      attributes: checked.value.attrs,
      scope: checked.value.scope as never,
      ttl: ttl.value,
    })
  } catch (error) {
    if (error instanceof InsetError && error.code === 'bad_request') throw badRequest(error.message)
    throw error
  }
}
