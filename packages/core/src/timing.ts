import { InsetError } from './errors'

/** The timer functions Inset uses; inject your own to control time in tests. */
export interface Scheduler {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

// Globals are looked up on each call, never at import: SSR-safe, and fake timers installed later work.
export const defaultScheduler: Scheduler = {
  setTimeout: (callback, ms) => setTimeout(callback, Math.min(ms, 2 ** 31 - 1)),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** Capped exponential backoff with full jitter: a random delay in `[0, min(max, base * 2^attempt))`. */
export const backoffDelay = (
  attempt: number,
  baseDelayMs: number,
  maxDelayMs: number,
  random: () => number,
): number => random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt)

/**
 * An abort controller that follows `parent` and aborts with a `timeout` error when `touch()` is
 * not called again within `ms`. `close()` stops both.
 */
export function timedAbort(scheduler: Scheduler, ms: number, parent?: AbortSignal) {
  const controller = new AbortController()
  const onAbort = () => controller.abort(parent!.reason)
  let timer: unknown
  parent?.aborted ? onAbort() : parent?.addEventListener('abort', onAbort)
  return {
    signal: controller.signal,
    touch() {
      scheduler.clearTimeout(timer)
      timer = scheduler.setTimeout(
        () => controller.abort(new InsetError('timeout', `No answer in ${ms} ms`)),
        ms,
      )
    },
    close() {
      scheduler.clearTimeout(timer)
      parent?.removeEventListener('abort', onAbort)
    },
  }
}

/** Settles with `promise`, or rejects with the signal's reason as soon as it aborts. */
export const abortable = <T>(promise: Promise<T>, signal: AbortSignal): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.aborted ? onAbort() : signal.addEventListener('abort', onAbort)
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })

/** Deep equality for JSON-like values (filters): key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false
  const keys = Object.keys(a)
  return (
    Array.isArray(a) === Array.isArray(b) &&
    keys.length === Object.keys(b).length &&
    keys.every((key) =>
      sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  )
}
