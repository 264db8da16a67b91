// The embed-token contract: the one place that says what an embed token may carry. Both minting
// paths (`createEmbedToken` here, `POST /v1/tokens` on the server) and the server's verifier use
// these schemas, so a token one side mints the other accepts, and no limit is defined twice.
// Exported as `@inset/node/contract`; free of Node APIs and of the rest of this package.
import { z } from 'zod'

/** The JWT audience every Inset embed token carries. */
export const INSET_AUDIENCE = 'inset'
/** Lifetime of a token when none is given: 10 minutes. */
export const DEFAULT_TTL_SECONDS = 600
/** The longest lifetime (`exp - iat`) a token may have: 24 hours. */
export const MAX_TTL_SECONDS = 24 * 60 * 60

/** The size limits of the claims. */
export const CLAIM_LIMITS = Object.freeze({
  /** Characters of `sub` (the user) and `tenant`. */
  identifier: 256,
  /** Characters of one attribute string. */
  attributeString: 1000,
  /** Items of one attribute array. */
  attributeItems: 1000,
  /** Attributes of one token. */
  attributes: 100,
  /** Entries of `scope`. */
  scopeEntries: 100,
  /** Characters of `jti` and of the embed key id. */
  tokenId: 200,
})

/** The default scope: every dashboard and the assistant. */
export const DEFAULT_SCOPE = Object.freeze(['dashboard:*', 'assistant'] as const)

// Claims become SQL parameters, log fields and audit rows: printable text only, no control
// characters (PostgreSQL refuses NUL) and no lone surrogates (broken Unicode).
const TEXT = /^[^\p{Cc}\p{Cs}]+$/u
const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype'])
/**
 * `assistant`, `export` (tiles may be downloaded as CSV), `dashboard:*` or `dashboard:<id>` (the
 * server's dashboard id grammar).
 */
export const SCOPE_ENTRY = /^(?:assistant|export|dashboard:(?:\*|[A-Za-z0-9][A-Za-z0-9_-]{0,127}))$/
const DURATION = /^(\d{1,9})([smhd])?$/
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 }

const text = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` })
    .regex(TEXT, { error: 'must not contain control characters or broken Unicode' })

/** `sub`/`user` and `tenant`. */
export const identifierSchema = text(CLAIM_LIMITS.identifier)

/** One attribute scalar: a non-empty printable string, a finite number or a boolean. */
export const attributeScalarSchema = z.union(
  [text(CLAIM_LIMITS.attributeString), z.number().finite(), z.boolean()],
  {
    error: `must be a string (1 to ${CLAIM_LIMITS.attributeString} printable characters), a finite number or a boolean`,
  },
)

/** An attribute value: a scalar or a flat array of scalars. */
export const attributeValueSchema = z.union(
  [
    attributeScalarSchema,
    z.array(attributeScalarSchema).max(CLAIM_LIMITS.attributeItems, {
      error: `must have at most ${CLAIM_LIMITS.attributeItems} items`,
    }),
  ],
  { error: 'must be a string, finite number, boolean or a flat array of them' },
)

/** Row-level-security attributes: `{ region: ['EU'] }`. */
export const attributesSchema = z
  .custom<Record<string, unknown>>(
    // A JSON `__proto__` key would be dropped silently by the record below: refuse it instead.
    (value) => !(value !== null && typeof value === 'object' && Object.hasOwn(value, '__proto__')),
    { error: 'attribute name "__proto__" is reserved' },
  )
  .pipe(
    z.record(
      z
        .string()
        .regex(ATTRIBUTE_NAME, {
          error: 'attribute names are a letter or _, then letters, digits or _',
        })
        .refine((name) => !FORBIDDEN_NAMES.has(name), { error: 'is a reserved name' }),
      attributeValueSchema,
      { error: 'must be a plain object such as { region: ["EU"] }' },
    ),
  )
  .refine((value) => Object.keys(value).length <= CLAIM_LIMITS.attributes, {
    error: `at most ${CLAIM_LIMITS.attributes} attributes`,
  })

/** One scope entry. */
export const scopeEntrySchema = z.string().regex(SCOPE_ENTRY, {
  error: 'must be "assistant", "export", "dashboard:*" or "dashboard:<id>"',
})

/** A scope as a token carries it (an empty scope grants nothing). */
export const scopeSchema = z.array(scopeEntrySchema).max(CLAIM_LIMITS.scopeEntries, {
  error: `must have at most ${CLAIM_LIMITS.scopeEntries} entries`,
})

/**
 * A token lifetime: whole seconds, or one whole number with a unit (`"90s"`, `"10m"`, `"2h"`,
 * `"1d"`), from 1 second to 24 hours. Deliberately strict: `"1.5h"`, `"10 m"` or `"10 minutes"`
 * are refused rather than guessed at, because a misread lifetime is a security bug.
 */
export const ttlSchema = z
  .union(
    [
      z.number().int({ error: 'must be a whole number of seconds' }),
      z
        .string()
        .regex(DURATION, {
          error: 'is not a duration; use whole seconds or a number with s, m, h or d, e.g. "10m"',
        })
        .transform((value) => secondsOf(value)),
    ],
    { error: 'must be a number of seconds or a string such as "10m"' },
  )
  .pipe(
    z
      .number()
      .min(1, { error: 'must be at least 1 second' })
      .max(MAX_TTL_SECONDS, { error: `must be at most 24 hours (${MAX_TTL_SECONDS} s)` }),
  )

/** Who a token is for, as both minting paths take it: `{ user, tenant, attributes?, scope? }`. */
export const embedSubjectSchema = z.object({
  user: identifierSchema,
  tenant: identifierSchema,
  attributes: attributesSchema.optional(),
  scope: z
    .array(scopeEntrySchema, {
      error: 'must be a non-empty array such as ["dashboard:sales-overview", "assistant"]',
    })
    .min(1, {
      error: 'must be a non-empty array such as ["dashboard:sales-overview", "assistant"]',
    })
    .max(CLAIM_LIMITS.scopeEntries, {
      error: `must have at most ${CLAIM_LIMITS.scopeEntries} entries`,
    })
    .optional(),
})

/** The claims a verified token must carry (signature, `iss`, `aud` and times are jose's job). */
export const embedClaimsSchema = z.object({
  iss: z.string().min(1).max(CLAIM_LIMITS.tokenId),
  sub: identifierSchema,
  tenant: identifierSchema,
  attrs: attributesSchema.default({}),
  scope: scopeSchema,
  iat: z.number().int(),
  exp: z.number().int(),
  nbf: z.number().int().optional(),
  jti: z.string().min(1).max(CLAIM_LIMITS.tokenId).regex(TEXT).optional(),
})

/** The verified claims of an embed token. */
export type VerifiedEmbedClaims = z.output<typeof embedClaimsSchema>

/** Where a value broke the contract, and how, in one line: `attributes.region: must not be empty`. */
export function describeIssue(error: z.ZodError, prefix = ''): string {
  const first = error.issues[0]
  if (!first) return `${prefix || 'value'}: invalid`
  const issue = closest(first)
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.')
  if (issue.code === 'invalid_key') {
    return `${path}: attribute name ${JSON.stringify(issue.path.at(-1))} must be a letter or _ followed by letters, digits or _`
  }
  return `${path || 'value'}: ${issue.message}`
}

type Issue = z.core.$ZodIssue

// A union's issue says "one of these failed"; the branch that got past the type check says why.
function closest(issue: Issue): Issue {
  if (issue.code !== 'invalid_union') return issue
  for (const branch of issue.errors) {
    const inner = branch[0]
    if (inner && inner.code !== 'invalid_type' && inner.code !== 'invalid_union') {
      const found = closest(inner)
      return { ...found, path: [...issue.path, ...found.path] }
    }
  }
  return issue
}

/** The contract's outcome: the value, or a one-line reason. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string }

function check<T>(schema: z.ZodType<T>, value: unknown, prefix: string): Checked<T> {
  const parsed = schema.safeParse(value)
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: describeIssue(parsed.error, prefix) }
}

/**
 * Checks a subject for minting and returns the claims it contributes.
 *
 * @example
 * checkEmbedSubject({ user: 'u1', tenant: 'acme', attributes: { region: [''] } })
 * // { ok: false, message: 'attributes.region.0: must be a string (1 to 1000 printable characters), …' }
 */
export function checkEmbedSubject(subject: unknown): Checked<{
  sub: string
  tenant: string
  attrs: Record<string, z.output<typeof attributeValueSchema>>
  scope: string[]
}> {
  const checked = check(embedSubjectSchema, subject, '')
  if (!checked.ok) return checked
  const { user, tenant, attributes, scope } = checked.value
  return {
    ok: true,
    value: {
      sub: user,
      tenant,
      attrs: { ...attributes },
      scope: [...new Set(scope ?? DEFAULT_SCOPE)],
    },
  }
}

/** Reads a lifetime (default 10 minutes) and checks it: 1 s to 24 h. */
export function checkTtl(ttl: unknown): Checked<number> {
  if (ttl === undefined) return { ok: true, value: DEFAULT_TTL_SECONDS }
  if (typeof ttl === 'number' && !Number.isInteger(ttl))
    return { ok: false, message: `ttl: must be a whole number of seconds, got ${ttl}` }
  const value = typeof ttl === 'string' ? ttl.trim() : ttl
  const checked = check(ttlSchema, value, 'ttl')
  if (checked.ok) return checked
  const seconds =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && DURATION.test(value)
        ? secondsOf(value)
        : undefined
  return seconds === undefined
    ? checked
    : { ok: false, message: `${checked.message}, got ${seconds} s` }
}

function secondsOf(duration: string): number {
  const [, amount, unit] = DURATION.exec(duration) as RegExpExecArray
  return Number(amount) * (UNIT_SECONDS[unit ?? 's'] ?? 1)
}

/** Checks verified claims (the payload after its signature and times were checked). */
export function checkEmbedClaims(payload: unknown): Checked<VerifiedEmbedClaims> {
  const checked = check(embedClaimsSchema, payload, '')
  if (!checked.ok) return checked
  const { iat, exp } = checked.value
  if (exp - iat > MAX_TTL_SECONDS)
    return { ok: false, message: 'The token lives longer than 24 hours' }
  if (exp <= iat) return { ok: false, message: 'exp: must be after iat' }
  return checked
}
