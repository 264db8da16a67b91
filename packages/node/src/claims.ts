import { InsetError } from '@inset/core'
import {
  DEFAULT_SCOPE as CONTRACT_DEFAULT_SCOPE,
  checkEmbedSubject,
  INSET_AUDIENCE,
} from './contract'

export { INSET_AUDIENCE }

/** A row-level-security attribute value: a scalar or a flat array of scalars. */
export type AttributeValue = string | number | boolean | Array<string | number | boolean>

/** Row-level-security attributes, e.g. `{ region: ['EU', 'NA'] }`; bound by the server's datasets. */
export type EmbedAttributes = Record<string, AttributeValue>

/** One grant of a token: every dashboard, one dashboard, the assistant, or downloads (`export`). */
export type EmbedScope = 'dashboard:*' | `dashboard:${string}` | 'assistant' | 'export'

/**
 * The scope a token gets when none is given: every dashboard and the assistant. Rows are still
 * limited by `tenant` and `attributes`; narrow the scope to `dashboard:<id>` to limit what a user
 * may open.
 */
export const DEFAULT_SCOPE: readonly EmbedScope[] = CONTRACT_DEFAULT_SCOPE

/** The claims of an Inset embed token, exactly as the server reads them. */
export interface EmbedTokenClaims {
  /** The embed key id (also the header's `kid`). */
  iss: string
  aud: typeof INSET_AUDIENCE
  /** The host's user id. */
  sub: string
  tenant: string
  attrs: EmbedAttributes
  scope: EmbedScope[]
  /** Epoch seconds. */
  iat: number
  /** Epoch seconds. */
  exp: number
  jti: string
}

/** Who a token is for and what it may see. */
export interface EmbedSubject {
  /** The host's own user id; becomes `sub`. */
  user: string
  /** The tenant whose rows the user sees; row-level security binds it. */
  tenant: string
  /** Row-level-security attributes; scalars or flat arrays of scalars, never nested objects. */
  attributes?: EmbedAttributes
  /** Defaults to {@link DEFAULT_SCOPE}. */
  scope?: readonly EmbedScope[]
}

function fail(message: string): never {
  throw new InsetError('bad_request', message)
}

/**
 * Checks a subject against the embed-token contract (`./contract`, the rules the server's
 * verifier applies too) and returns the claims it contributes (`sub`, `tenant`, `attrs`, `scope`).
 */
export function checkSubject(
  subject: unknown,
): Pick<EmbedTokenClaims, 'sub' | 'tenant' | 'attrs' | 'scope'> {
  if (!isPlainObject(subject)) fail(`expected { user, tenant, attributes?, scope? }`)
  const checked = checkEmbedSubject(subject)
  if (!checked.ok) fail(checked.message)
  return checked.value as Pick<EmbedTokenClaims, 'sub' | 'tenant' | 'attrs' | 'scope'>
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value)
  if (Array.isArray(value)) return 'an array'
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
    case 'number':
    case 'boolean':
      return String(value)
    case 'object':
      return 'an object'
    default:
      return `a ${typeof value}`
  }
}
