import { isPlatformBrowser } from '@angular/common'
import {
  assertInInjectionContext,
  Injector,
  inject,
  isSignal,
  NgZone,
  PLATFORM_ID,
  runInInjectionContext,
  type Signal,
} from '@angular/core'

/** A value, or a signal of one that the inject function follows. */
export type MaybeSignal<T> = T | Signal<T>

export const read = <T>(value: MaybeSignal<T>): T => (isSignal(value) ? value() : value)

/** What every `inject*()` function needs; `injector` lets one run outside an injection context. */
export interface InjectOptions {
  /** Runs the function in this injector's context instead of the current one. */
  injector?: Injector
}

/**
 * Runs `setup` in the caller's injection context (asserting there is one) or in `injector`'s,
 * with the zone (to keep core's work outside) and whether this is a browser (no work on a server).
 */
export function inInjectionContext<T>(
  fn: (...args: never[]) => unknown,
  injector: Injector | undefined,
  setup: (env: { outside: <R>(work: () => R) => R; browser: boolean }) => T,
): T {
  if (!injector) assertInInjectionContext(fn)
  return runInInjectionContext(injector ?? inject(Injector), () => {
    const zone = inject(NgZone)
    return setup({
      outside: (work) => zone.runOutsideAngular(work),
      browser: isPlatformBrowser(inject(PLATFORM_ID)),
    })
  })
}
