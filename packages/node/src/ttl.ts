import { InsetError } from '@inset/core'
import { checkTtl, DEFAULT_TTL_SECONDS, MAX_TTL_SECONDS } from './contract'

export { DEFAULT_TTL_SECONDS, MAX_TTL_SECONDS }

/** A token lifetime: whole seconds, or a duration string such as `"90s"`, `"10m"`, `"2h"`, `"1d"`. */
export type Ttl = number | `${number}${'s' | 'm' | 'h' | 'd'}` | (string & {})

/**
 * Reads a token lifetime and checks it against the bounds (1 second to 24 hours), with the
 * grammar of the embed-token contract (`./contract`) that the server's `POST /v1/tokens` uses too:
 * one whole number and one unit. "1.5h", "10 m" or "10 minutes" are refused rather than guessed at.
 *
 * @example
 * parseTtl('10m') // 600
 * parseTtl(90)    // 90
 */
export function parseTtl(ttl: Ttl | undefined): number {
  const checked = checkTtl(ttl)
  if (!checked.ok) throw new InsetError('bad_request', checked.message)
  return checked.value
}
