import { createEmitter } from './emitter'
import { InsetError, type InsetErrorDetails, isTransientError } from './errors'
import { decodeTokenTimes } from './jwt'
import type { SharedToken, TabShare, TabSharing } from './tabs'
import type { Timeline } from './timeline'
import { abortable, backoffDelay, defaultScheduler, type Scheduler, timedAbort } from './timing'
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
  /** Where to record what happens (never the token); `createInset` passes its own. */
  timeline?: Timeline
  /**
   * Share one refresh among this origin's tabs signed in as the same identity: `key` names it
   * (e.g. your user id), so two accounts never share a token. One tab leads (Web Locks, else a
   * BroadcastChannel fallback) and refreshes; the others get its tokens over a BroadcastChannel,
   * never through storage, cookies or URLs. From the separate entry `@inset/core/tabs`, so hosts
   * that do not use it never bundle it.
   *
   * @example createTokenSource({ fetchToken, shareAcrossTabs: shareAcrossTabs({ key: user.id }) })
   */
  shareAcrossTabs?: TabSharing
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
    retry: { maxAttempts = 4, baseDelayMs = 500, maxDelayMs = 30_000 } = {},
    timeline,
  } = options
  const log: NonNullable<Timeline['record']> = (source, event, detail) =>
    timeline?.record(source, event, detail)
  const seconds = (ms: number) => Math.round(ms / 100) / 10
  if (typeof fetchToken !== 'function') {
    throw new InsetError('bad_request', 'fetchToken is required')
  }

  let token: string | undefined
  /** Expiry on the issuer's clock (`Infinity` for none), the token's lifetime, and when it arrived here, in ms. */
  let expiry = Infinity
  let lifetime = 0
  let receivedAt = 0
  /** Issuer clock minus local clock, in ms. */
  let skew = 0
  let skewFromServer = false
  let refreshAt = Infinity
  let refreshTimer: unknown
  let flight: Promise<string> | undefined
  let flightAbort: AbortController | undefined
  let nextReason: FetchTokenReason | undefined
  /** Ends the current backoff wait early. */
  let wake = noop
  /** Set by `destroy()`: what every later call rejects with. */
  let destroyed: InsetError | undefined
  let snapshot: TokenSnapshot = { status: 'idle' }
  const changes = createEmitter<TokenSnapshot>()
  /** The other tabs, joined with the first fetch. */
  let share: TabShare | undefined
  let joined = false

  const expiresAt = () => expiry - skew
  // The lifetime this machine can use: shorter than `exp - iat` when the server's clock is ahead.
  const span = () => Math.max(0, Math.min(lifetime, expiresAt() - receivedAt))
  // A token is used only while it has a few seconds left: the request must reach the server in time.
  const usable = () => !!token && expiresAt() - now() > Math.min(5_000, span() / 10)

  function publish(status: TokenStatus, error?: InsetError) {
    const at = expiresAt()
    const next: TokenSnapshot = {
      status,
      ...(at < Infinity && { expiresAt: at }),
      ...(error && { error }),
    }
    if (
      status !== snapshot.status ||
      next.expiresAt !== snapshot.expiresAt ||
      error !== snapshot.error
    ) {
      snapshot = next
      changes.emit(next)
    }
  }

  function schedule() {
    scheduler.clearTimeout(refreshTimer)
    const at = expiresAt()
    const life = span()
    refreshAt =
      at -
      Math.min(Math.max(refreshLeadMs, life * minLifetimeFraction), life / 2) -
      random() * life * 0.05
    if (at < Infinity) {
      const delay = Math.max(refreshAt - now(), 1_000)
      refreshTimer = scheduler.setTimeout(() => refresh('refresh'), delay)
      log('token', 'scheduled', { refreshInS: seconds(delay), expiresInS: seconds(at - now()) })
    }
  }

  function drop() {
    token = undefined
    expiry = Infinity
    schedule()
  }

  /** `relayed`: another tab fetched it a while ago, so its `iat` says nothing of the skew. */
  function accept(fresh: { token: string; expiresAt?: number }, relayed = false) {
    const { exp, iat } = decodeTokenTimes(fresh.token)
    receivedAt = now()
    if (iat !== undefined && !skewFromServer && !relayed) skew = iat * 1000 - receivedAt
    expiry = Math.min((exp ?? Infinity) * 1000, fresh.expiresAt ?? Infinity)
    lifetime = expiry - (iat === undefined ? receivedAt + skew : iat * 1000)
    token = fresh.token
    log('token', 'fetched', {
      expiresInS: seconds(expiresAt() - receivedAt),
      lifetimeS: seconds(lifetime),
      skewMs: Math.round(skew),
    })
    schedule()
    publish('fresh')
  }

  /** Expiry (issuer clock, ms) of a token as `accept` would compute it. */
  const expiryOf = (fresh: SharedToken) =>
    Math.min((decodeTokenTimes(fresh.token).exp ?? Infinity) * 1000, fresh.expiresAt ?? Infinity)

  function joinTabs() {
    if (joined) return
    joined = true
    share = options.shareAcrossTabs?.join({
      current: (after) =>
        usable() && expiry > after && now() < refreshAt
          ? { token: token!, expiresAt: expiry }
          : undefined,
      offer(fresh) {
        const newer = !destroyed && (!token || expiryOf(fresh) > expiry)
        if (newer) accept(fresh, true)
        return newer
      },
      refresh: () => refresh('refresh'),
      record: log,
      setTimeout: scheduler.setTimeout,
      clearTimeout: scheduler.clearTimeout,
    })
  }

  async function run(reason: FetchTokenReason, signal: AbortSignal): Promise<string> {
    // Another tab may lead: ask it first (once per flight), and fetch only when it cannot help.
    if (share) {
      const had = token ? expiry : -Infinity
      const relayed = await share.request(signal, had)
      signal.throwIfAborted()
      // Only a token newer than the one this tab asked to replace will do (the broadcast that
      // brought it may have been taken already).
      if (relayed && expiryOf(relayed) > had) {
        flight = undefined
        if (relayed.token !== token) accept(relayed, true)
        return relayed.token
      }
    }
    for (let attempt = 0; ; attempt++) {
      let delay = 0
      // One call of `fetchToken`, aborted on timeout and when the flight is cancelled.
      const call = timedAbort(scheduler, fetchTimeoutMs, signal)
      try {
        signal.throwIfAborted()
        call.touch()
        log('token', 'fetch', { reason, attempt: attempt + 1 })
        // Called before the first await (a throw becomes a rejection) so that a refresh starts at once.
        const fresh = await abortable(
          (async () => parseTokenResult(await fetchToken({ signal: call.signal, reason })))(),
          call.signal,
        )
        signal.throwIfAborted()
        flight = undefined
        accept(fresh)
        share?.publish(fresh)
        return fresh.token
      } catch (caught) {
        signal.throwIfAborted()
        const error = toTokenError(caught)
        const details: InsetErrorDetails = {
          attempts: attempt + 1,
          skewMs: Math.round(skew),
          ...(token && { tokenExpiresAt: expiresAt() }),
        }
        // While the current token is still usable a background refresh keeps trying.
        if (!isTransientError(error) || (attempt + 1 >= maxAttempts && !usable())) {
          log('token', 'failed', { code: error.code, status: error.status, attempt: attempt + 1 })
          Object.assign(error, { details: { ...error.details, ...details } })
          throw error
        }
        delay = backoffDelay(attempt, baseDelayMs, maxDelayMs, random)
        log('token', 'failed', {
          code: error.code,
          status: error.status,
          attempt: attempt + 1,
          retryInMs: Math.round(delay),
        })
      } finally {
        call.close()
      }
      // The backoff wait; `wake()` (network back, destroy) ends it early.
      let timer: unknown
      await new Promise<void>((resolve) => {
        wake = resolve
        timer = scheduler.setTimeout(resolve, delay)
      })
      scheduler.clearTimeout(timer)
    }
  }

  function startFlight(reason: FetchTokenReason): Promise<string> {
    if (destroyed) return Promise.reject(destroyed)
    listenForResume()
    joinTabs()
    if (!flight) {
      const abort = new AbortController()
      const current: Promise<string> = run(nextReason ?? reason, abort.signal).catch((error) => {
        if (flight === current) flight = undefined
        // Cancelled by invalidate(): the callers waiting here get the token fetched in its place.
        if (abort.signal.aborted && !destroyed) return getToken()
        drop()
        publish('error', error)
        throw error
      })
      flight = current
      flightAbort = abort
      nextReason = undefined
      publish(token ? 'refreshing' : 'fetching')
    }
    return flight
  }

  const refresh = (reason: FetchTokenReason) => {
    startFlight(reason).catch(noop)
  }

  const getToken = (): Promise<string> =>
    usable() ? Promise.resolve(token!) : startFlight(token ? 'expired' : 'initial')

  // Listening starts with the first fetch, so a source that is created and dropped unused (React
  // StrictMode's discarded render) leaves no listener behind.
  let stopResume: (() => void) | undefined
  const listenForResume = () => {
    stopResume ??= (
      options.environment === undefined ? browserEnvironment() : options.environment
    )?.onResume(() => {
      log('token', 'resume', { due: token ? now() >= refreshAt : false })
      if (flight) wake()
      else if (token && now() >= refreshAt) refresh('resume')
    })
  }

  return {
    getToken,
    invalidate() {
      if (destroyed) return
      log('token', 'invalidated')
      drop()
      nextReason = 'invalidated'
      if (flight) {
        flight = undefined
        flightAbort!.abort()
      }
      publish('idle')
    },
    handleExpired(rejected) {
      log('token', 'expired', { current: rejected === token })
      if (rejected !== token) return getToken()
      drop()
      return startFlight('expired')
    },
    reportServerDate(date) {
      // The header has whole seconds: take the middle of that second.
      const measured = +new Date(date) + 500 - now()
      if (Number.isNaN(measured)) return
      skewFromServer = true
      if (Math.abs(measured - skew) > 2_000) {
        log('token', 'skew', { ms: Math.round(measured), from: 'server' })
        skew = measured
        schedule()
        publish(snapshot.status, snapshot.error)
      }
    },
    subscribe: changes.subscribe,
    getSnapshot: () => snapshot,
    destroy() {
      if (destroyed) return
      destroyed = new InsetError('auth', 'Token source destroyed')
      drop()
      flightAbort?.abort(destroyed)
      wake()
      flight = undefined
      stopResume?.()
      share?.destroy()
      changes.clear()
    },
  }
}
