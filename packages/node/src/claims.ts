import { InsetError } from '@inset/core'

/** The JWT audience every Inset embed token carries. */
export const INSET_AUDIENCE = 'inset'

/** A row-level-security attribute value: a scalar or a flat array of scalars. */
export type AttributeValue = string | number | boolean | Array<string | number | boolean>

/** Row-level-security attributes, e.g. `{ region: ['EU', 'NA'] }`; bound by the server's datasets. */
export type EmbedAttributes = Record<string, AttributeValue>

/** One grant of a token: every dashboard, one dashboard, or the assistant. */
export type EmbedScope = 'dashboard:*' | `dashboard:${string}` | 'assistant'

/**
 * The scope a token gets when none is given: every dashboard and the assistant. Rows are still
 * limited by `tenant` and `attributes`; narrow the scope to `dashboard:<id>` to limit what a user
 * may open.
 */
export const DEFAULT_SCOPE: readonly EmbedScope[] = Object.freeze(['dashboard:*', 'assistant'])

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

// The same limits as the server's claim schema, so that a token signed here is never refused there.
const MAX_ATTRIBUTE_STRING = 1000
const MAX_ATTRIBUTE_ITEMS = 1000
const MAX_SCOPE_ENTRIES = 100
const SCOPE_ENTRY = /^(?:assistant|dashboard:(?:\*|[A-Za-z0-9][A-Za-z0-9_-]{0,127}))$/
const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype'])
// Printable, no control characters: these values end up in logs and SQL parameters.
const PRINTABLE = /^[^\p{Cc}]+$/u

function fail(message: string): never {
  throw new InsetError('bad_request', message)
}

function checkIdentifier(name: 'user' | 'tenant', value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    fail(`${name} must be a non-empty string, got ${describe(value)}`)
  }
  if (value.length > 256) fail(`${name} must be at most 256 characters, got ${value.length}`)
  if (!PRINTABLE.test(value)) fail(`${name} must not contain control characters`)
  return value
}

function isScalar(value: unknown): value is string | number | boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  )
}

function checkAttributes(attributes: unknown): EmbedAttributes {
  if (attributes === undefined) return {}
  if (!isPlainObject(attributes)) {
    fail(
      `attributes must be a plain object such as { region: ['EU'] }, got ${describe(attributes)}`,
    )
  }
  const checked: EmbedAttributes = {}
  for (const [name, value] of Object.entries(attributes)) {
    if (!ATTRIBUTE_NAME.test(name) || FORBIDDEN_NAMES.has(name)) {
      fail(`attribute name "${name}" must be a letter or _ followed by letters, digits or _`)
    }
    if (isScalar(value)) {
      checkLength(name, value)
      checked[name] = value
    } else if (Array.isArray(value)) {
      if (value.length > MAX_ATTRIBUTE_ITEMS) {
        fail(
          `attributes.${name} must have at most ${MAX_ATTRIBUTE_ITEMS} items, got ${value.length}`,
        )
      }
      for (const item of value) checkLength(name, item)
      const bad = value.findIndex((item) => !isScalar(item))
      if (bad !== -1) {
        fail(
          `attributes.${name}[${bad}] must be a string, finite number or boolean, got ${describe(value[bad])}`,
        )
      }
      checked[name] = [...value]
    } else {
      fail(
        `attributes.${name} must be a string, finite number, boolean or an array of them, got ${describe(value)}`,
      )
    }
  }
  return checked
}

function checkLength(name: string, value: unknown): void {
  if (typeof value !== 'string') return
  if (value.length === 0 || value.length > MAX_ATTRIBUTE_STRING) {
    fail(`attributes.${name} strings must have 1 to ${MAX_ATTRIBUTE_STRING} characters`)
  }
  if (!PRINTABLE.test(value)) fail(`attributes.${name} must not contain control characters`)
}

function checkScope(scope: unknown): EmbedScope[] {
  if (scope === undefined) return [...DEFAULT_SCOPE]
  if (!Array.isArray(scope) || scope.length === 0) {
    fail(`scope must be a non-empty array such as ["dashboard:sales-overview", "assistant"]`)
  }
  if (scope.length > MAX_SCOPE_ENTRIES) {
    fail(`scope must have at most ${MAX_SCOPE_ENTRIES} entries, got ${scope.length}`)
  }
  for (const entry of scope) {
    if (typeof entry !== 'string' || !SCOPE_ENTRY.test(entry)) {
      fail(
        `scope entry ${describe(entry)} is not "assistant", "dashboard:*" or "dashboard:<id>" (letters, digits, - and _)`,
      )
    }
  }
  return [...new Set(scope as EmbedScope[])]
}

/** Checks a subject and returns the claims it contributes (`sub`, `tenant`, `attrs`, `scope`). */
export function checkSubject(
  subject: unknown,
): Pick<EmbedTokenClaims, 'sub' | 'tenant' | 'attrs' | 'scope'> {
  if (!isPlainObject(subject)) fail(`expected { user, tenant, attributes?, scope? }`)
  return {
    sub: checkIdentifier('user', subject.user),
    tenant: checkIdentifier('tenant', subject.tenant),
    attrs: checkAttributes(subject.attributes),
    scope: checkScope(subject.scope),
  }
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
