import {
  createInset,
  type Inset,
  InsetError,
  type InsetOptions,
  type InsetThemeInput,
} from '@inset/core'
import {
  type App,
  type InjectionKey,
  inject,
  type MaybeRefOrGetter,
  onScopeDispose,
  provide,
  toValue,
  watchEffect,
} from 'vue'
import { plain } from './use-controller'

/** The key under which the plugin or `provideInset()` provides the Inset instance. */
export const INSET_KEY: InjectionKey<Inset> = Symbol('inset')

/** Either an instance made with `createInset()`, or what is needed to make one. */
export type InsetConfig = {
  /**
   * `light`, `dark`, `auto` or an `InsetTheme` (a ref or getter follows its changes): set as the
   * instance's theme (`inset.setTheme`), the one theme channel every element follows.
   */
  theme?: MaybeRefOrGetter<InsetThemeInput | undefined>
} & (
  | { inset: Inset }
  | ({ inset?: never } & Pick<
      InsetOptions,
      'serverUrl' | 'fetchToken' | 'tokens' | 'fetch' | 'timeoutMs'
    >)
)

/** Makes (or takes) the instance and follows the theme; the returned function ends both. */
function connect(config: InsetConfig): [Inset, () => void] {
  const { inset: given, theme, ...options } = config
  const inset = given ?? createInset({ ...(options as InsetOptions), theme: toValue(theme) })
  const stopTheme = watchEffect(() => {
    const value = plain(toValue(theme))
    if (value !== undefined) inset.setTheme(value)
  })
  return [
    inset,
    () => {
      stopTheme()
      if (!given) inset.destroy()
    },
  ]
}

/**
 * A Vue plugin sharing one Inset configuration (one token source, one API client) with every
 * component and composable of the app. The instance is destroyed when the app unmounts (Vue 3.5+);
 * a given `inset` is used as is and never destroyed.
 *
 * @example
 * createApp(App)
 *   .use(createInsetPlugin({ serverUrl: 'https://inset.example.com', fetchToken: () => fetch('/api/inset-token') }))
 *   .mount('#app')
 */
export function createInsetPlugin(config: InsetConfig): { install(app: App): void } {
  return {
    install(app) {
      const [inset, disconnect] = connect(config)
      app.provide(INSET_KEY, inset)
      // `onUnmount` arrived in Vue 3.5; on 3.4 the instance lives as long as the page.
      app.onUnmount?.(disconnect)
    },
  }
}

/**
 * Provides an Inset configuration to the components below the calling one, e.g. a layout of the
 * analytics pages; the instance it makes is destroyed when that component unmounts (a new `key`
 * gives a new user a fresh connection). Returns the instance.
 *
 * @example
 * // AnalyticsLayout.vue, <script setup>
 * provideInset({ serverUrl, fetchToken: ({ signal }) => fetch('/api/inset-token', { signal }) })
 */
export function provideInset(config: InsetConfig): Inset {
  const [inset, disconnect] = connect(config)
  onScopeDispose(disconnect)
  provide(INSET_KEY, inset)
  return inset
}

/**
 * The Inset instance of the nearest `provideInset()` or of the app's plugin, for direct use of
 * core's API. Throws a typed error when there is none.
 *
 * @example
 * const inset = useInset()
 * onScopeDispose(inset.tokens.subscribe((token) => console.log(token.status)))
 */
export function useInset(): Inset {
  const inset = inject(INSET_KEY, null)
  if (!inset)
    throw new InsetError('bad_request', 'Inset needs createInsetPlugin() or provideInset() above')
  return inset
}
