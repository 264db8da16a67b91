/** The only claims the browser reads from an embed token, in seconds since the epoch. */
export interface TokenTimes {
  exp?: number
  iat?: number
}

/**
 * Reads `exp` and `iat` from a JWT's payload without verifying it (the server verifies).
 * Anything that is not a readable JWT yields `{}`.
 *
 * @example
 * decodeTokenTimes(token).exp // 1767225600
 */
export function decodeTokenTimes(token: string): TokenTimes {
  try {
    const payload = JSON.parse(
      atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')),
    ) as Record<string, unknown>
    const times: TokenTimes = {}
    if (typeof payload.exp === 'number') times.exp = payload.exp
    if (typeof payload.iat === 'number') times.iat = payload.iat
    return times
  } catch {
    return {}
  }
}
