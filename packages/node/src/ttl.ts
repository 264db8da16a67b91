import { InsetError } from '@inset/core'

/** Lifetime of a token when none is given: 10 minutes. */
export const DEFAULT_TTL_SECONDS = 600

/** The longest lifetime the Inset server accepts: 24 hours. */
export const MAX_TTL_SECONDS = 24 * 60 * 60

/** A token lifetime: whole seconds, or a duration string such as `"90s"`, `"10m"`, `"2h"`, `"1d"`. */
export type Ttl = number | `${number}${'s' | 'm' | 'h' | 'd'}` | (string & {})

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 }
// Deliberately strict: one whole number and one unit. "1.5h" or "10 minutes" are refused rather
// than guessed at, because a misread lifetime is a security bug.
const DURATION = /^(\d{1,9})([smhd])?$/

/**
 * Reads a token lifetime and checks it against the bounds (1 second to 24 hours).
 *
 * @example
 * parseTtl('10m') // 600
 * parseTtl(90)    // 90
 */
export function parseTtl(ttl: Ttl | undefined): number {
  if (ttl === undefined) return DEFAULT_TTL_SECONDS
  let seconds: number
  if (typeof ttl === 'number') {
    if (!Number.isInteger(ttl)) {
      throw new InsetError('bad_request', `ttl must be a whole number of seconds, got ${ttl}`)
    }
    seconds = ttl
  } else if (typeof ttl === 'string') {
    const match = DURATION.exec(ttl.trim())
    if (!match) {
      throw new InsetError(
        'bad_request',
        `ttl "${ttl}" is not a duration; use whole seconds or a number with s, m, h or d, e.g. "10m"`,
      )
    }
    seconds = Number(match[1]) * (UNIT_SECONDS[match[2] ?? 's'] ?? 1)
  } else {
    throw new InsetError('bad_request', `ttl must be a number of seconds or a string such as "10m"`)
  }
  if (seconds < 1)
    throw new InsetError('bad_request', `ttl must be at least 1 second, got ${seconds}`)
  if (seconds > MAX_TTL_SECONDS) {
    throw new InsetError(
      'bad_request',
      `ttl must be at most 24 hours (${MAX_TTL_SECONDS} s), got ${seconds} s`,
    )
  }
  return seconds
}
