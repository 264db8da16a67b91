// Shared test helpers: real HS256 embed tokens, a controllable token endpoint, a seeded PRNG.
import { signToken } from '@inset/fake-server'
import type { FetchTokenContext, FetchTokenReason } from '../src/index'

export { signToken }

/** The secret the issuer signs with and the fake server verifies. */
export const SECRET = 'test-secret'

/** Seconds-resolution `exp` of a token minted by `signToken`. */
export function expiryOf(token: string): number {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).exp * 1000
}

/** Mulberry32: deterministic `Math.random` stand-in. */
export function seededRandom(seed = 1): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface IssuerOptions {
  /** Token lifetime in seconds. Default 600. */
  lifetime?: number
  /** The issuer's clock minus the local clock, in ms. */
  clockOffsetMs?: number
  /** Latency of each answer in ms (may be a function). */
  latencyMs?: number | (() => number)
  /** Fails a call when it returns an error to throw. */
  failWith?: (call: number) => unknown
}

/** A fake host token endpoint that mints real tokens on the issuer's clock. */
export function createIssuer(options: IssuerOptions = {}) {
  const { lifetime = 600, clockOffsetMs = 0 } = options
  const calls: Array<{ reason: FetchTokenReason; signal: AbortSignal }> = []
  const issued: string[] = []
  let serial = 0
  const fetchToken = (context: FetchTokenContext): Promise<string> => {
    calls.push(context)
    const call = calls.length
    const latency =
      typeof options.latencyMs === 'function' ? options.latencyMs() : (options.latencyMs ?? 0)
    return new Promise((resolve, reject) => {
      const answer = () => {
        const failure = options.failWith?.(call)
        if (failure) return reject(failure)
        const iat = Math.floor((Date.now() + clockOffsetMs) / 1000)
        const token = signToken({ sub: 'alice', iat, exp: iat + lifetime, jti: `t${++serial}` })
        issued.push(token)
        resolve(token)
      }
      if (latency <= 0) return queueMicrotask(answer)
      // A well-behaved endpoint: the abort signal cancels the call.
      const timer = setTimeout(answer, latency)
      context.signal.addEventListener('abort', () => {
        clearTimeout(timer)
        reject(context.signal.reason)
      })
    })
  }
  return { fetchToken, calls, issued }
}

/** A stand-in for the page's visibility/online events. */
export function createEnvironment() {
  const listeners = new Set<() => void>()
  return {
    onResume(callback: () => void) {
      listeners.add(callback)
      return () => listeners.delete(callback)
    },
    resume: () => {
      for (const listener of listeners) listener()
    },
    get listeners() {
      return listeners.size
    },
  }
}

/** A scheduler whose time moves only when `advance()` is called: for tests that also do real I/O. */
export function createManualScheduler() {
  let now = 0
  let serial = 0
  const timers = new Map<number, { at: number; callback: () => void }>()
  return {
    setTimeout(callback: () => void, ms: number) {
      timers.set(++serial, { at: now + ms, callback })
      return serial
    },
    clearTimeout(handle: unknown) {
      timers.delete(handle as number)
    },
    advance(ms: number) {
      now += ms
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > now) break
        timers.delete(id)
        timer.callback()
      }
    },
    get pending() {
      return timers.size
    },
  }
}
