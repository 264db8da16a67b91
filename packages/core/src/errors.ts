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

/**
 * The one error type Inset throws and reports.
 *
 * @example
 * if (error instanceof InsetError && error.code === 'forbidden') showUpgradeNotice()
 */
export class InsetError extends Error {
  override readonly name = 'InsetError'
  readonly code: InsetErrorCode
  readonly status: number | undefined

  constructor(
    code: InsetErrorCode,
    message: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause })
    this.code = code
    this.status = options.status
  }
}

/** True for a known error code string. */
export function isInsetErrorCode(value: unknown): value is InsetErrorCode {
  return typeof value === 'string' && (INSET_ERROR_CODES as readonly string[]).includes(value)
}
