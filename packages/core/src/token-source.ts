import { createEmitter } from './emitter'
import { InsetError, isTransientError } from './errors'
import { decodeTokenTimes } from './jwt'
import { backoffDelay, defaultScheduler, type Scheduler } from './timing'
import {
  browserEnvironment,
  type FetchTokenResult,
  parseTokenResult,
  type TokenEnvironment,
  toTokenError,
} from './token-fetch'

/** Why a token is being fetched; passed to `fetchToken` for the host's logs. */
export type FetchTokenReason = 'initial' | 'refresh' | 'expired' | 'invalidated' | 'resume'

export interface FetchTokenContext {
  /** Aborted on timeout and on `destroy()`; pass it to your `fetch`. */
  signal: AbortSignal
  reason: FetchTokenReason
}

export interface RetryOptions {
  /** Attempts before a caller without a usable token sees the error. Default 4. */
  maxAttempts?: number
  /** Default 500 ms. */
  baseDelayMs?: number
  /** Default 30 s. */
  maxDelayMs?: number
}

/** A channel to share fresh tokens with other tabs; `BroadcastChannel` fits. */
export interface TokenChannel {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  close?(): void
}

export interface TokenSourceOptions {
  /** Calls your backend for a fresh embed token. Return the token, `{ token, expiresAt }`, or the `Response`. */
  fetchToken: (context: FetchTokenContext) => Promise<FetchTokenResult>
  /** Refresh at least this long before expiry. Default 30 s. */
  refreshLeadMs?: number
  /** ...or this fraction of the token's lifetime before expiry, whichever is longer. Default 0.2. */
  minLifetimeFraction?: number
  retry?: RetryOptions
  /** Timeout of each `fetchToken` call. Default 10 s. */
  fetchTimeoutMs?: number
  now?: () => number
  random?: () => number
  scheduler?: Scheduler
  /** Where "tab visible again" and "back online" come from; `null` to ignore them. Default: the page's. */
  environment?: TokenEnvironment | null
  /** Share fresh tokens with same-origin tabs: a `BroadcastChannel` name or a channel. Default off. */
  broadcast?: string | TokenChannel | false
}

export type TokenStatus = 'idle' | 'fetching' | 'fresh' | 'refreshing' | 'error'

export interface TokenSnapshot {
  status: TokenStatus
  /** When the token expires, in this machine's epoch milliseconds (clock skew corrected). */
  expiresAt?: number
  error?: InsetError
}

/** One embed token for every component of a configuration: cached, refreshed, shared. */
export interface TokenSource {
  /** A token valid for a few more seconds at least: the cached one, or the one being fetched. */
  getToken(): Promise<string>
  /** Forgets the token (e.g. after the user changed); the next `getToken()` fetches anew. */
  invalidate(): void
  /** The server refused `token` as expired: resolves with a fresh token, fetched at most once for all callers. */
  handleExpired(token: string): Promise<string>
  /** The Inset server's `Date` header: corrects the expiry for this machine's clock skew. */
  reportServerDate(date: string | number | Date): void
  subscribe(listener: (snapshot: TokenSnapshot) => void): () => void
  getSnapshot(): TokenSnapshot
  /** Aborts the fetch in flight and clears every timer and listener. */
  destroy(): void
}

const noop = () => {}

/**
 * Creates the token source that every dashboard and assistant of one configuration shares.
 *
 * @example
 * const tokens = createTokenSource({
 *   fetchToken: ({ signal }) => fetch('/api/inset-token', { signal }),
 * })
 * const token = await tokens.getToken()
 */
export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const {
    fetchToken,
    refreshLeadMs = 30_000,
    minLifetimeFraction = 0.2,
    fetchTimeoutMs = 10_000,
    now = Date.now,
    random = Math.random,
    scheduler = defaultScheduler,
  } = options
  const { maxAttempts = 4, baseDelayMs = 500, maxDelayMs = 30_000 } = options.retry ?? {}
  if (typeof fetchToken !== 'function') {
    throw new InsetError('bad_request', 'createTokenSource needs a fetchToken function')
  }

  let token: string | undefined
  /** Expiry on the issuer's clock, the token's lifetime, and when it arrived here, in ms. */
  let expiry: number | undefined
  let lifetime = 0
  let receivedAt = 0
  /** Issuer clock minus local clock, in ms. */
  let skew = 0
  let skewFromServer = false
  let refreshAt = Number.POSITIVE_INFINITY
  let refreshTimer: unknown
  let flight: Promise<string> | undefined
  let flightAbort: AbortController | undefined
  let nextReason: FetchTokenReason | undefined
  let wake: (() => void) | undefined
  let destroyed = false
  let snapshot: TokenSnapshot = { status: 'idle' }
  const changes = createEmitter<TokenSnapshot>()

  const expiresAt = () => (expiry === undefined ? undefined : expiry - skew)
  // The lifetime this machine can use: shorter than `exp - iat` when the server's clock is ahead.
  const span = () => Math.max(0, Math.min(lifetime, (expiresAt() ?? 0) - receivedAt))
  // A token is used only while it has a few seconds left: the request must reach the server in time.
  const usable = () =>
    token !== undefined &&
    (expiry === undefined || expiry - skew - now() > Math.min(5_000, span() / 10))

  function publish(status: TokenStatus, error?: InsetError) {
    const at = expiresAt()
    if (status === snapshot.status && at === snapshot.expiresAt && error === snapshot.error) return
    snapshot = { status }
    if (at !== undefined) snapshot.expiresAt = at
    if (error) snapshot.error = error
    changes.emit(snapshot)
  }

  function schedule() {
    scheduler.clearTimeout(refreshTimer)
    refreshTimer = undefined
    refreshAt = Number.POSITIVE_INFINITY
    const at = expiresAt()
    if (at === undefined || destroyed) return
    const life = span()
    const lead =
      Math.min(Math.max(refreshLeadMs, life * minLifetimeFraction), life / 2) +
      random() * life * 0.05
    refreshAt = at - lead
    refreshTimer = scheduler.setTimeout(
      () => {
        refreshTimer = undefined
        startFlight('refresh').catch(noop)
      },
      Math.max(refreshAt - now(), 1_000),
    )
  }

  function accept(fresh: { token: string; expiresAt?: number }, share: boolean) {
    const { exp, iat } = decodeTokenTimes(fresh.token)
    receivedAt = now()
    if (iat !== undefined && !skewFromServer) skew = iat * 1000 - receivedAt
    const expMs =
      exp === undefined ? fresh.expiresAt : Math.min(exp * 1000, fresh.expiresAt ?? Infinity)
    token = fresh.token
    expiry = expMs
    lifetime =
      expMs === undefined ? 0 : expMs - (iat === undefined ? receivedAt + skew : iat * 1000)
    schedule()
    if (share && channel) channel.postMessage({ token: fresh.token, expiresAt: expMs })
    publish(flight ? 'refreshing' : 'fresh')
  }

  function fetchOnce(reason: FetchTokenReason, parent: AbortSignal) {
    return new Promise<{ token: string; expiresAt?: number }>((resolve, reject) => {
      const attempt = new AbortController()
      const stop = (error: unknown) => {
        attempt.abort(error)
        reject(error)
      }
      const onAbort = () => stop(parent.reason)
      parent.addEventListener('abort', onAbort)
      const timer = scheduler.setTimeout(
        () => stop(new InsetError('timeout', `fetchToken took longer than ${fetchTimeoutMs} ms`)),
        fetchTimeoutMs,
      )
      // Called synchronously (a throw becomes a rejection) so that a refresh starts at once.
      new Promise<FetchTokenResult>((start) =>
        start(fetchToken({ signal: attempt.signal, reason })),
      )
        .then(parseTokenResult)
        .then(resolve, (error) => reject(toTokenError(error)))
        .finally(() => {
          scheduler.clearTimeout(timer)
          parent.removeEventListener('abort', onAbort)
        })
    })
  }

  function sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = scheduler.setTimeout(() => {
        wake = undefined
        resolve()
      }, ms)
      wake = () => {
        scheduler.clearTimeout(timer)
        wake = undefined
        resolve()
      }
    })
  }

  async function run(reason: FetchTokenReason, signal: AbortSignal): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      try {
        const fresh = await fetchOnce(reason, signal)
        if (signal.aborted) throw signal.reason
        flight = undefined
        accept(fresh, true)
        return fresh.token
      } catch (caught) {
        if (signal.aborted) throw signal.reason
        const error = toTokenError(caught)
        // While the current token is still usable a background refresh keeps trying.
        if (!isTransientError(error) || (attempt + 1 >= maxAttempts && !usable())) throw error
        await sleep(backoffDelay(attempt, baseDelayMs, maxDelayMs, random))
        if (signal.aborted) throw signal.reason
      }
    }
  }

  function startFlight(reason: FetchTokenReason): Promise<string> {
    if (destroyed) return Promise.reject(new InsetError('auth', 'The token source was destroyed'))
    if (flight) return flight
    const abort = new AbortController()
    flightAbort = abort
    const current = run(nextReason ?? reason, abort.signal).catch((error: unknown) => {
      if (flight === current) flight = undefined
      // Aborted by invalidate(): the callers waiting here get the token fetched in its place.
      if (abort.signal.aborted && !destroyed) return getToken()
      token = expiry = undefined
      schedule()
      publish('error', error as InsetError)
      throw error
    })
    nextReason = undefined
    flight = current
    publish(token ? 'refreshing' : 'fetching')
    return current
  }

  function getToken(): Promise<string> {
    if (!destroyed && usable()) return Promise.resolve(token!)
    return startFlight(token ? 'expired' : 'initial')
  }

  function onResume() {
    if (destroyed) return
    if (flight) wake?.()
    else if (token && now() >= refreshAt) startFlight('resume').catch(noop)
  }

  function onShared(event: { data: unknown }) {
    const shared = event.data as { token?: unknown; expiresAt?: number } | null
    if (destroyed || typeof shared?.token !== 'string' || shared.token === token) return
    const times = decodeTokenTimes(shared.token)
    const sharedExpiry = times.exp ? times.exp * 1000 : shared.expiresAt
    if (sharedExpiry !== undefined && sharedExpiry > (expiry ?? 0)) {
      accept(
        { token: shared.token, ...(shared.expiresAt && { expiresAt: shared.expiresAt }) },
        false,
      )
    }
  }

  const environment = options.environment === undefined ? browserEnvironment() : options.environment
  const stopResume = environment?.onResume(onResume) ?? noop
  const ownChannel = typeof options.broadcast === 'string' && typeof BroadcastChannel === 'function'
  const channel: TokenChannel | undefined = ownChannel
    ? new BroadcastChannel(options.broadcast as string)
    : (options.broadcast as TokenChannel) || undefined
  channel?.addEventListener('message', onShared)

  return {
    getToken,
    invalidate() {
      if (destroyed) return
      token = expiry = undefined
      schedule()
      nextReason = 'invalidated'
      if (flight) {
        flight = undefined
        flightAbort?.abort(new InsetError('auth', 'The token was invalidated'))
      }
      publish('idle')
    },
    handleExpired(rejected) {
      if (rejected !== token) return getToken()
      token = expiry = undefined
      schedule()
      return startFlight('expired')
    },
    reportServerDate(date) {
      const serverNow = new Date(date).getTime()
      if (Number.isNaN(serverNow)) return
      // The header has whole seconds: take the middle of that second.
      const measured = serverNow + 500 - now()
      skewFromServer = true
      if (Math.abs(measured - skew) <= 2_000) return
      skew = measured
      schedule()
      publish(snapshot.status, snapshot.error)
    },
    subscribe: changes.subscribe,
    getSnapshot: () => snapshot,
    destroy() {
      if (destroyed) return
      destroyed = true
      schedule()
      flightAbort?.abort(new InsetError('auth', 'The token source was destroyed'))
      wake?.()
      flight = token = expiry = undefined
      stopResume()
      channel?.removeEventListener('message', onShared)
      if (ownChannel) channel?.close?.()
      changes.clear()
    },
  }
}
