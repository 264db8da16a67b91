import type { VerifiedEmbedClaims } from '@inset/node/contract'

/** A row-level-security attribute value carried by a token (the embed-token contract's). */
export type AttributeValue = string | number | boolean | Array<string | number | boolean>

/**
 * The verified claims of an embed token. What a token may carry (limits, attribute values, scope
 * grammar, lifetime) is defined once, in `@inset/node/contract`, for both minting paths and the
 * verifier.
 */
export interface EmbedClaims extends Omit<VerifiedEmbedClaims, 'attrs' | 'nbf' | 'jti' | 'scope'> {
  /** The embed key id that signed the token. */
  iss: string
  /** The host's user id. */
  sub: string
  tenant: string
  attrs: Record<string, AttributeValue>
  /** `dashboard:<id>`, `dashboard:*`, `assistant`. */
  scope: string[]
  iat: number
  exp: number
  jti?: string
}

/** True when the token grants the dashboard (`dashboard:<id>` or `dashboard:*`). */
export function grantsDashboard(claims: Pick<EmbedClaims, 'scope'>, dashboardId: string): boolean {
  return claims.scope.includes('dashboard:*') || claims.scope.includes(`dashboard:${dashboardId}`)
}

/** True when the token grants the assistant. */
export function grantsAssistant(claims: Pick<EmbedClaims, 'scope'>): boolean {
  return claims.scope.includes('assistant')
}
