import {
  assertInInjectionContext,
  DestroyRef,
  type EnvironmentProviders,
  effect,
  InjectionToken,
  Injector,
  inject,
  isSignal,
  makeEnvironmentProviders,
  runInInjectionContext,
  type Signal,
} from '@angular/core'
import {
  createInset,
  type FetchTokenContext,
  type FetchTokenResult,
  type Inset,
  InsetError,
  type InsetOptions,
  type InsetThemeInput,
} from '@inset/core'

/** What `subscribe()` gives: an RxJS `Observable` such as `HttpClient.get()` returns. */
export interface TokenSubscribable<T> {
  subscribe(observer: { next: (value: T) => void; error: (error: unknown) => void }): {
    unsubscribe(): void
  }
}

/** Configuration of `provideInset()`. */
export interface InsetConfig extends Pick<InsetOptions, 'serverUrl' | 'fetch' | 'timeoutMs'> {
  /**
   * Calls your backend for an embed token. It runs in the providers' injection context, so it may
   * `inject(HttpClient)` and return its observable (unsubscribed when core aborts the call).
   */
  fetchToken: (
    context: FetchTokenContext,
  ) => Promise<FetchTokenResult> | TokenSubscribable<FetchTokenResult>
  /**
   * `light`, `dark`, `auto` or an `InsetTheme`, or a signal of one: the instance's theme
   * (`inset.setTheme`), the one theme channel every element follows.
   */
  theme?: InsetThemeInput | Signal<InsetThemeInput | undefined>
}

/** Inset's one error class (from core): `code` says what failed. */
export { InsetError }

/** The Inset instance of the nearest `provideInset()`. */
export const INSET = new InjectionToken<Inset>('Inset')

/** The first value of an observable as a promise; core's abort unsubscribes (cancels the request). */
const firstValue = <T>(source: TokenSubscribable<T>, signal: AbortSignal): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const subscription = source.subscribe({
      next: resolve,
      // HttpClient reports "no response at all" (offline, refused) as status 0: a network failure
      // to retry, not a refusal.
      error: (error) =>
        reject(
          (error as { status?: unknown } | null)?.status === 0
            ? new InsetError('network', 'No response', { cause: error })
            : error,
        ),
    })
    signal.addEventListener(
      'abort',
      () => {
        subscription.unsubscribe()
        reject(signal.reason)
      },
      { once: true },
    )
  })

/**
 * Environment providers of one Inset connection (one token source, one API client) for every
 * component and `inject*()` function below them: in `bootstrapApplication`, or in a route's
 * `providers` for one part of the app. The instance is made when first injected (a function
 * `config` runs then, in the injection context) and destroyed with its injector.
 *
 * @example
 * bootstrapApplication(App, {
 *   providers: [
 *     provideHttpClient(),
 *     provideInset({
 *       serverUrl: 'https://inset.example.com',
 *       fetchToken: () => inject(HttpClient).get<{ token: string }>('/api/inset-token'),
 *     }),
 *   ],
 * })
 */
export function provideInset(config: InsetConfig | (() => InsetConfig)): EnvironmentProviders {
  return makeEnvironmentProviders([
    {
      provide: INSET,
      useFactory: () => {
        const injector = inject(Injector)
        const { fetchToken, theme, ...options } = typeof config === 'function' ? config() : config
        const inset = createInset({
          ...options,
          fetchToken: (context) =>
            runInInjectionContext(injector, () => {
              const result = fetchToken(context)
              return typeof (result as Partial<TokenSubscribable<unknown>>).subscribe === 'function'
                ? firstValue(result as TokenSubscribable<FetchTokenResult>, context.signal)
                : (result as Promise<FetchTokenResult>)
            }),
        })
        // The one theme channel; a signal is followed.
        effect(() => inset.setTheme(isSignal(theme) ? theme() : theme), { injector })
        injector.get(DestroyRef).onDestroy(() => inset.destroy())
        return inset
      },
    },
  ])
}

/**
 * The Inset instance of the nearest `provideInset()`, for direct use of core's API.
 *
 * @example
 * const inset = injectInset()
 * inject(DestroyRef).onDestroy(inset.tokens.subscribe((token) => console.log(token.status)))
 */
export function injectInset(): Inset {
  assertInInjectionContext(injectInset)
  const inset = inject(INSET, { optional: true })
  if (!inset) throw new InsetError('bad_request', 'provideInset() is missing')
  return inset
}
