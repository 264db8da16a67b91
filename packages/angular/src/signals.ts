import { isPlatformBrowser } from '@angular/common'
import {
  assertInInjectionContext,
  computed,
  DestroyRef,
  effect,
  Injector,
  inject,
  isSignal,
  NgZone,
  PLATFORM_ID,
  runInInjectionContext,
  type Signal,
  signal,
} from '@angular/core'

/** A value, or a signal of one that the inject function follows. */
export type MaybeSignal<T> = T | Signal<T>

export const read = <T>(value: MaybeSignal<T>): T => (isSignal(value) ? value() : value)

/** What every `inject*()` function takes; `injector` lets one run outside an injection context. */
export interface InjectOptions {
  /** Runs the function in this injector's context instead of the current one. */
  injector?: Injector
}

interface Controller<S> {
  subscribe(listener: (snapshot: S) => void): () => void
  getSnapshot(): S
  destroy(): void
}

type Method = (...args: never[]) => unknown

/**
 * The one bridge behind `injectDashboard` and `injectAssistant`, run in the caller's injection
 * context (asserted) or in `injector`'s: makes core's controller, mirrors its snapshot into a
 * signal (one computed per field), and in the browser only subscribes and applies `follow` (the
 * options as they change) outside Angular's zone. Actions run outside the zone too; the controller
 * is destroyed with the injection context.
 */
export function controllerSignals<S, C extends Controller<S>, F extends keyof S, A extends keyof C>(
  fn: (...args: never[]) => unknown,
  injector: Injector | undefined,
  create: () => C,
  fields: F[],
  actions: A[],
  follow: (controller: C) => void,
) {
  if (!injector) assertInInjectionContext(fn)
  return runInInjectionContext(injector ?? inject(Injector), () => {
    const controller = create()
    inject(DestroyRef).onDestroy(() => controller.destroy())
    const zone = inject(NgZone)
    const snapshot = signal(controller.getSnapshot())
    if (isPlatformBrowser(inject(PLATFORM_ID))) {
      effect((onCleanup) =>
        onCleanup(zone.runOutsideAngular(() => controller.subscribe((next) => snapshot.set(next)))),
      )
      effect(() => zone.runOutsideAngular(() => follow(controller)))
    }
    const result: Record<PropertyKey, unknown> = { snapshot, controller }
    for (const field of fields) result[field] = computed(() => snapshot()[field])
    for (const action of actions)
      result[action] = (...args: never[]) =>
        zone.runOutsideAngular(() => (controller[action] as Method)(...args))
    return result as { readonly snapshot: Signal<S>; readonly controller: C } & {
      readonly [K in F]-?: Signal<S[K]>
    } & Pick<C, A>
  })
}
