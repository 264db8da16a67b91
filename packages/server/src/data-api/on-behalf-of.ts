import { checkEmbedSubject } from '@inset/node/contract'
import type { EmbedClaims } from '../auth/claims'
import { badRequest } from '../errors'

/**
 * The claims a backend query runs with: `onBehalfOf { user, tenant, attributes?, scope? }` checked
 * by the embed-token contract (`@inset/node/contract`, the same rules as `createEmbedToken`,
 * `POST /v1/tokens` and the verifier), so row-level security is compiled from them exactly as from
 * a token's claims. `iss` is `api-key:<name>`; the claims live for this request only.
 *
 * @example
 * claimsOnBehalfOf({ user: 'bob', tenant: 'globex', attributes: { region: ['EU'] } }, 'backend')
 */
export function claimsOnBehalfOf(input: unknown, apiKeyName: string): EmbedClaims {
  if (input === undefined) throw badRequest('onBehalfOf: required ({ user, tenant, attributes })')
  const checked = checkEmbedSubject(input)
  if (!checked.ok) {
    const message = checked.message.startsWith('value:')
      ? checked.message.slice('value'.length)
      : `.${checked.message}`
    throw badRequest(`onBehalfOf${message}`)
  }
  const now = Math.floor(Date.now() / 1000)
  return {
    iss: `api-key:${apiKeyName}`,
    sub: checked.value.sub,
    tenant: checked.value.tenant,
    attrs: checked.value.attrs,
    scope: checked.value.scope,
    iat: now,
    exp: now + 60,
  }
}

/** The audit subject of a backend request: the API key and the user it acted for. */
export function auditSubject(apiKeyName: string, claims: EmbedClaims): string {
  return `api-key:${apiKeyName}/${claims.sub}`
}
