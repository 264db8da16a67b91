import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { CellValue } from '@inset/core'
import { badRequest } from '../errors'
import type { InsetRuntime } from '../runtime'

/**
 * Where the next page starts, as the server signed it. `q` and `u` bind the cursor to one query
 * and one caller (API key + onBehalfOf): a cursor replayed with another query or user is refused.
 */
export interface CursorState {
  v: 1
  /** Hash of the query (everything but the page size). */
  q: string
  /** Hash of the caller: API key name, user, tenant, attributes. */
  u: string
  /** Rows already served (for the query's own `limit`, and the offset of offset pagination). */
  n: number
  /** Keyset pagination: the sort key of the last row served (raw values, never rounded). */
  k?: CellValue[]
}

/** JSON with object keys sorted, so equal values hash equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

export function hashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('base64url').slice(0, 32)
}

const keys = new WeakMap<object, Buffer>()

/**
 * The key cursors are signed with: `INSET_CURSOR_SECRET` when set, otherwise derived from the
 * configuration's secrets (API keys or their digests, embed keys' HS256 secrets), so every replica
 * of one configuration accepts the others' cursors. Rotating those secrets ends open cursors.
 */
export function cursorKey(runtime: InsetRuntime): Buffer {
  const known = keys.get(runtime.config)
  if (known) return known
  const hmac = createHmac('sha256', 'inset data-api cursor v1')
  const explicit = process.env.INSET_CURSOR_SECRET
  if (explicit) hmac.update(`env:${explicit}`)
  else {
    for (const key of runtime.config.apiKeys) {
      hmac.update(`api:${key.name}:${'key' in key ? key.key : key.sha256}\n`)
    }
    for (const embedKey of runtime.config.embedKeys) {
      for (const key of embedKey.keys) {
        if ('secret' in key && typeof key.secret === 'string')
          hmac.update(`embed:${embedKey.id}:${key.secret}\n`)
      }
    }
  }
  const key = hmac.digest()
  keys.set(runtime.config, key)
  return key
}

function mac(key: Buffer, body: string): Buffer {
  return createHmac('sha256', key).update(body).digest()
}

/** `base64url(JSON state) . base64url(HMAC-SHA256)`: opaque to clients, tamper-evident. */
export function signCursor(key: Buffer, state: CursorState): string {
  const body = Buffer.from(JSON.stringify(state)).toString('base64url')
  return `${body}.${mac(key, body).toString('base64url')}`
}

const MAX_CURSOR_CHARS = 8192

/**
 * Reads a cursor and checks its signature and that it belongs to this query and caller.
 * Anything else is a 400 `bad_request` on the field `cursor`.
 */
export function openCursor(
  key: Buffer,
  cursor: unknown,
  expected: { q: string; u: string },
): CursorState {
  if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_CHARS)
    throw badRequest('cursor: must be the nextCursor of a previous page')
  const [body, signature, extra] = cursor.split('.')
  if (!body || !signature || extra !== undefined)
    throw badRequest('cursor: not a cursor of this API')
  const given = Buffer.from(signature, 'base64url')
  const wanted = mac(key, body)
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
    throw badRequest('cursor: invalid signature (cursors cannot be edited)')
  let state: CursorState
  try {
    state = JSON.parse(Buffer.from(body, 'base64url').toString()) as CursorState
  } catch {
    throw badRequest('cursor: not a cursor of this API')
  }
  if (state?.v !== 1 || !Number.isSafeInteger(state.n) || state.n < 0)
    throw badRequest('cursor: not a cursor of this API')
  if (state.q !== expected.q)
    throw badRequest('cursor: belongs to another query (the query must not change between pages)')
  if (state.u !== expected.u) throw badRequest('cursor: belongs to another caller or user')
  return state
}
