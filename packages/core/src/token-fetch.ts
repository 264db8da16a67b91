import { InsetError, type InsetErrorCode } from './errors'

/** The parts of a fetch `Response` a token source reads. */
export interface TokenResponseLike {
  ok: boolean
  status: number
  text(): Promise<string>
}

/** What `fetchToken` may resolve to: the token, `{ token, expiresAt }` (epoch ms), or the `Response`. */
export type FetchTokenResult = string | { token: string; expiresAt?: number } | TokenResponseLike

/** Tells the token source that timers may have been skipped (tab shown again, network back). */
export interface TokenEnvironment {
  onResume(callback: () => void): () => void
}

/** The page's `visibilitychange` and `online` events; `null` outside a browser. */
export const browserEnvironment = (): TokenEnvironment | null =>
  typeof document === 'undefined'
    ? null
    : {
        onResume(callback) {
          const onVisible = () => document.visibilityState === 'visible' && callback()
          const listen = (method: 'addEventListener' | 'removeEventListener') => {
            document[method]('visibilitychange', onVisible)
            window[method]('online', callback)
          }
          listen('addEventListener')
          return () => listen('removeEventListener')
        },
      }

/** The code of a failed HTTP answer: 429, 408 and 5xx may pass; other refusals are `refused`. */
export const statusCode = (status: number, refused: InsetErrorCode): InsetErrorCode =>
  status === 429 ? 'rate_limited' : status === 408 ? 'timeout' : status > 499 ? 'server' : refused

/** The token endpoint's HTTP status as an error: a refusal (4xx) is `auth` and is not retried. */
const statusError = (status: number, cause?: unknown) =>
  new InsetError(statusCode(status, 'auth'), `Token endpoint answered ${status}`, {
    status,
    cause,
  })

export async function parseTokenResult(
  result: FetchTokenResult,
): Promise<{ token: string; expiresAt?: number }> {
  let value = result as unknown
  const response = result as TokenResponseLike
  if (typeof response?.text === 'function') {
    if (!response.ok) throw statusError(response.status)
    const body = await response.text()
    try {
      value = JSON.parse(body)
    } catch {
      value = body.trim()
    }
  }
  const fresh = (typeof value === 'string' ? { token: value } : value) as { token?: unknown } | null
  if (!fresh?.token || typeof fresh.token !== 'string') {
    throw new InsetError('auth', 'fetchToken gave no token')
  }
  return fresh as { token: string; expiresAt?: number }
}

/**
 * Classifies what `fetchToken` threw. An error with a `status` (yours, or a client's such as
 * axios's `response.status`) is judged by it; anything else counts as a network failure.
 */
export function toTokenError(error: unknown): InsetError {
  if (error instanceof InsetError) return error
  const { status, response } = Object(error) as {
    status?: unknown
    response?: { status?: unknown }
  }
  const code = status ?? response?.status
  // Status 0 (HttpClient's, XHR's) means no answer at all: a network failure, retried.
  return typeof code === 'number' && code > 0
    ? statusError(code, error)
    : new InsetError('network', `fetchToken failed: ${(error as Error)?.message ?? error}`, {
        cause: error,
      })
}
