import { InsetError } from './errors'

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
export function browserEnvironment(): TokenEnvironment | null {
  if (typeof document === 'undefined' || typeof window === 'undefined') return null
  return {
    onResume(callback) {
      const onVisibility = () => {
        if (document.visibilityState === 'visible') callback()
      }
      document.addEventListener('visibilitychange', onVisibility)
      window.addEventListener('online', callback)
      return () => {
        document.removeEventListener('visibilitychange', onVisibility)
        window.removeEventListener('online', callback)
      }
    },
  }
}

/** The token endpoint's HTTP status as an error: a refusal (4xx) is `auth` and is not retried. */
function statusError(status: number, cause?: unknown): InsetError {
  const code =
    status === 429 ? 'rate_limited' : status === 408 ? 'timeout' : status >= 500 ? 'server' : 'auth'
  return new InsetError(code, `The token endpoint answered ${status}`, { status, cause })
}

export async function parseTokenResult(
  result: FetchTokenResult,
): Promise<{ token: string; expiresAt?: number }> {
  let value: unknown = result
  if (value && typeof (value as TokenResponseLike).text === 'function') {
    const response = value as TokenResponseLike
    if (!response.ok) throw statusError(response.status)
    const body = (await response.text()).trim()
    try {
      value = JSON.parse(body)
    } catch {
      value = body
    }
  }
  if (typeof value === 'string' && value) return { token: value }
  const object = value as { token?: unknown; expiresAt?: unknown } | null
  if (typeof object?.token === 'string' && object.token) {
    return typeof object.expiresAt === 'number'
      ? { token: object.token, expiresAt: object.expiresAt }
      : { token: object.token }
  }
  throw new InsetError(
    'auth',
    'fetchToken must resolve to a token, { token, expiresAt } or a Response',
  )
}

/**
 * Classifies what `fetchToken` threw. An error with a `status` (yours, or a client's such as
 * axios's `response.status`) is judged by it; anything else counts as a network failure.
 */
export function toTokenError(error: unknown): InsetError {
  if (error instanceof InsetError) return error
  const { status, statusCode, response } = (error ?? {}) as {
    status?: unknown
    statusCode?: unknown
    response?: { status?: unknown }
  }
  const code = [status, statusCode, response?.status].find((value) => typeof value === 'number')
  if (typeof code === 'number') return statusError(code, error)
  const message = error instanceof Error ? error.message : String(error)
  return new InsetError('network', `fetchToken failed: ${message}`, { cause: error })
}
