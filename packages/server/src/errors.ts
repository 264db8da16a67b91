import type { ErrorBody, InsetErrorCode } from '@inset/core'

const DEFAULT_STATUS: Record<InsetErrorCode, number> = {
  auth: 401,
  token_expired: 401,
  invalid_token: 401,
  forbidden: 403,
  not_found: 404,
  bad_request: 400,
  rate_limited: 429,
  network: 502,
  timeout: 504,
  query: 500,
  server: 500,
}

/**
 * An error the server answers with `{ "error": { code, message } }` and an HTTP status.
 *
 * @example
 * throw new ServerError('forbidden', 'The token does not grant dashboard "ops"')
 */
export class ServerError extends Error {
  override readonly name = 'ServerError'
  readonly code: InsetErrorCode
  readonly status: number
  readonly details: unknown
  /** Extra response headers, e.g. `Retry-After`. */
  readonly headers: Record<string, string>

  constructor(
    code: InsetErrorCode,
    message: string,
    options: {
      status?: number
      details?: unknown
      cause?: unknown
      headers?: Record<string, string>
    } = {},
  ) {
    super(message, { cause: options.cause })
    this.code = code
    this.status = options.status ?? DEFAULT_STATUS[code]
    this.details = options.details
    this.headers = options.headers ?? {}
  }

  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message }
    if (this.details !== undefined) error.details = this.details
    return { error }
  }
}

/** Shorthand for a 400 `bad_request`. */
export function badRequest(message: string, details?: unknown): ServerError {
  return new ServerError('bad_request', message, { details })
}
