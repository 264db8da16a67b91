import { z } from 'zod'

/** A row-level-security attribute value carried by a token. */
export type AttributeValue = string | number | boolean | Array<string | number | boolean>

/** The verified claims of an embed token. */
export interface EmbedClaims {
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

// Claims become SQL parameters and log fields: no control characters (PostgreSQL refuses NUL).
const PRINTABLE = /^[^\p{Cc}]+$/u
const text = (max: number) =>
  z.string().min(1).max(max).regex(PRINTABLE, 'must not contain control characters')
const scalar = z.union([text(1000), z.number().finite(), z.boolean()])

/** The claims every embed token must carry, beyond what the JOSE library checks. */
export const embedClaimsSchema = z.object({
  iss: z.string().min(1),
  sub: text(256),
  tenant: text(256),
  attrs: z
    .record(
      z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/),
      z.union([scalar, z.array(scalar).max(1000)]),
    )
    .default({}),
  scope: z.array(z.string().max(200)).max(100),
  iat: z.number(),
  exp: z.number(),
  jti: z.string().max(200).optional(),
})

/** True when the token grants the dashboard (`dashboard:<id>` or `dashboard:*`). */
export function grantsDashboard(claims: Pick<EmbedClaims, 'scope'>, dashboardId: string): boolean {
  return claims.scope.includes('dashboard:*') || claims.scope.includes(`dashboard:${dashboardId}`)
}

/** True when the token grants the assistant. */
export function grantsAssistant(claims: Pick<EmbedClaims, 'scope'>): boolean {
  return claims.scope.includes('assistant')
}
