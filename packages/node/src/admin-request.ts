import { type ErrorBody, InsetError, type InsetErrorCode, isInsetErrorCode } from '@inset/core'

/** How the admin client retries 429, 5xx, network failures and timeouts. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  retries?: number
  /** The first backoff's upper bound; it doubles per retry (full jitter). Default 250 ms. */
  minDelayMs?: number
  /** Cap of any wait, `Retry-After` included; a longer `Retry-After` is not waited for. Default 10 s. */
  maxDelayMs?: number
}

export interface RequestSettings {
  baseUrl: string
  apiKey: string
  timeoutMs: number
  retry: Required<RetryOptions>
  fetch: typeof globalThis.fetch
  random: () => number
}

export interface RequestOptions {
  method: 'GET' | 'POST' | 'DELETE'
  path: string
  query?: Record<string, string | number | undefined>
  body?: unknown
  signal?: AbortSignal | undefined
  /**
   * Resolve with the `Response` of a 2xx answer without reading its body (streamed exports): the
   * timeout covers waiting for the answer to start, retries happen only before it does.
   */
  stream?: boolean
}

const STATUS_CODES: Record<number, InsetErrorCode> = {
  400: 'bad_request',
  401: 'auth',
  403: 'forbidden',
  404: 'not_found',
  413: 'bad_request',
  422: 'bad_request',
  429: 'rate_limited',
}

/** Sends one admin request, retrying transient failures; resolves with the parsed JSON body. */
export async function adminRequest<T>(
  settings: RequestSettings,
  options: RequestOptions,
): Promise<T> {
  const url = new URL(settings.baseUrl + options.path)
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value))
  }
  const { retries, minDelayMs, maxDelayMs } = settings.retry
  for (let attempt = 0; ; attempt++) {
    let failure: { error: InsetError; retryAfterMs?: number | undefined }
    try {
      return await attemptOnce<T>(settings, url, options)
    } catch (error) {
      if (!(error instanceof TransientFailure)) throw error
      failure = error
    }
    if (attempt >= retries) throw failure.error
    const backoff = settings.random() * Math.min(maxDelayMs, minDelayMs * 2 ** attempt)
    const wait = failure.retryAfterMs ?? backoff
    if (wait > maxDelayMs) throw failure.error
    await sleep(wait, options.signal)
  }
}

class TransientFailure extends Error {
  constructor(
    readonly error: InsetError,
    readonly retryAfterMs?: number,
  ) {
    super(error.message)
  }
}

async function attemptOnce<T>(
  settings: RequestSettings,
  url: URL,
  options: RequestOptions,
): Promise<T> {
  options.signal?.throwIfAborted()
  const timeout = new AbortController()
  const timer = setTimeout(() => timeout.abort(), settings.timeoutMs)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal
  const headers: Record<string, string> = {
    accept: options.stream ? '*/*' : 'application/json',
    authorization: `Bearer ${settings.apiKey}`,
  }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  try {
    let response: Response
    try {
      response = await settings.fetch(url, {
        method: options.method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal,
      })
    } catch (cause) {
      throw networkFailure(cause, options.signal, timeout.signal, settings.timeoutMs, url)
    }
    if (options.stream && response.ok) return response as T
    let text: string
    try {
      text = await response.text()
    } catch (cause) {
      throw networkFailure(cause, options.signal, timeout.signal, settings.timeoutMs, url)
    }
    if (response.ok)
      return response.status === 204 ? (undefined as T) : parseJson<T>(text, response.status)
    const error = statusError(response.status, text)
    if (response.status === 429 || response.status >= 500) {
      throw new TransientFailure(error, parseRetryAfter(response.headers.get('retry-after')))
    }
    throw error
  } finally {
    clearTimeout(timer)
  }
}

function networkFailure(
  cause: unknown,
  callerSignal: AbortSignal | undefined,
  timeoutSignal: AbortSignal,
  timeoutMs: number,
  url: URL,
): unknown {
  // The caller's own abort is not ours to retry or rename.
  if (callerSignal?.aborted) return callerSignal.reason
  if (timeoutSignal.aborted) {
    return new TransientFailure(
      new InsetError('timeout', `No answer from ${url.origin} within ${timeoutMs} ms`, { cause }),
    )
  }
  return new TransientFailure(
    new InsetError('network', `Could not reach the Inset server at ${url.origin}`, { cause }),
  )
}

function parseJson<T>(text: string, status: number): T {
  try {
    return JSON.parse(text) as T
  } catch (cause) {
    throw new InsetError(
      'server',
      `The Inset server answered ${status} with a body that is not JSON`,
      {
        status,
        cause,
      },
    )
  }
}

function statusError(status: number, text: string): InsetError {
  let body: Partial<ErrorBody> | undefined
  try {
    body = JSON.parse(text) as Partial<ErrorBody>
  } catch {
    body = undefined
  }
  const reported = body?.error?.code
  const code = isInsetErrorCode(reported)
    ? reported
    : (STATUS_CODES[status] ?? (status >= 500 ? 'server' : 'bad_request'))
  const message =
    typeof body?.error?.message === 'string'
      ? body.error.message
      : `The Inset server answered ${status}`
  return new InsetError(code, message, { status })
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
