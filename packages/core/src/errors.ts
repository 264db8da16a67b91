/** Every stable error code Inset reports; safe to switch on. */
export const INSET_ERROR_CODES = [
  'auth',
  'token_expired',
  'invalid_token',
  'forbidden',
  'not_found',
  'bad_request',
  'rate_limited',
  'network',
  'timeout',
  'query',
  'server',
] as const

/** A stable error code, e.g. `'token_expired'`. */
export type InsetErrorCode = (typeof INSET_ERROR_CODES)[number]

/** What is known about a token failure (`auth`, `token_expired`), for the developer reading it. */
export interface InsetErrorDetails {
  /** Expiry of the token in use, in this machine's epoch ms (skew corrected). */
  tokenExpiresAt?: number
  /** The issuer's or server's clock minus this machine's, in ms. */
  skewMs?: number
  /** Calls of `fetchToken` made for this failure. */
  attempts?: number
  /** When the token source will try again (epoch ms), if it will. */
  nextRetryAt?: number
  /** The request was replayed once with a fresh token before failing. */
  replayed?: boolean
}

/**
 * The one error type Inset throws and reports.
 *
 * @example
 * if (error instanceof InsetError && error.code === 'forbidden') showUpgradeNotice()
 */
export class InsetError extends Error {
  declare readonly name: 'InsetError'
  declare readonly code: InsetErrorCode
  declare readonly status: number | undefined
  /** For `rate_limited`: how long the server asked to wait, in milliseconds. */
  declare readonly retryAfter: number | undefined
  /** For token failures: expiry, skew, attempts, next retry. */
  declare readonly details: InsetErrorDetails | undefined

  constructor(
    code: InsetErrorCode,
    message: string,
    options: {
      status?: number
      cause?: unknown
      retryAfter?: number
      details?: InsetErrorDetails
    } = {},
  ) {
    const { status, cause, retryAfter, details } = options
    super(message, { cause })
    Object.assign(this, { name: 'InsetError', code, status, retryAfter, details })
  }
}

/** True for a known error code string. */
export function isInsetErrorCode(value: unknown): value is InsetErrorCode {
  return typeof value === 'string' && (INSET_ERROR_CODES as readonly string[]).includes(value)
}

/** The error a server names with `{ code, message }` (an unknown code is `server`). */
export const wireError = (error: { code: string; message: string }): InsetError =>
  new InsetError(isInsetErrorCode(error.code) ? error.code : 'server', error.message)

/**
 * True when trying again later may succeed (`network`, `timeout`, `rate_limited`, `server`).
 *
 * @example
 * if (isTransientError(snapshot.error)) showRetryingBadge()
 */
export function isTransientError(error: unknown): boolean {
  return (
    error instanceof InsetError &&
    ['network', 'timeout', 'rate_limited', 'server'].includes(error.code)
  )
}

/** Wraps anything thrown into an `InsetError`; an unknown failure becomes `fallback`. */
export function toInsetError(error: unknown, fallback: InsetErrorCode = 'server'): InsetError {
  return error instanceof InsetError
    ? error
    : new InsetError(fallback, error instanceof Error ? error.message : String(error), {
        cause: error,
      })
}
