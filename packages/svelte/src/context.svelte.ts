import {
  createInset,
  type Inset,
  InsetError,
  type InsetOptions,
  type InsetThemeInput,
} from '@inset/core'
import { getContext, onDestroy, setContext, untrack } from 'svelte'

const KEY = Symbol('inset')

interface ContextCommon {
  /**
   * `light`, `dark`, `auto` or an `InsetTheme`: set as the instance's theme (`inset.setTheme`),
   * the one theme channel every element below follows.
   */
  theme?: InsetThemeInput
}

/** Either an instance made with `createInset()`, or what the context needs to make one. */
export type InsetContextOptions = ContextCommon &
  (
    | { inset: Inset; serverUrl?: never; fetchToken?: never; fetch?: never; timeoutMs?: never }
    | ({ inset?: never } & Pick<InsetOptions, 'serverUrl' | 'fetch' | 'timeoutMs'> &
        Required<Pick<InsetOptions, 'fetchToken'>>)
  )

/**
 * Shares one Inset connection (one token source, one API client) with every component and helper
 * below; call it while a component initialises. Pass the options as a function (or an object
 * with getters) and a changing `theme` restyles in place, and `fetchToken` is always the latest.
 * `serverUrl`, `fetch` and `timeoutMs` are read once: wrap the subtree in `{#key}` for another
 * server. The instance it makes is destroyed with the component; a given `inset` is not.
 *
 * @example
 * <script>
 *   let { children } = $props()
 *   setInsetContext({ serverUrl: 'https://inset.example.com', fetchToken: () => fetch('/api/inset-token') })
 * </script>
 * {@render children()}
 */
export function setInsetContext(options: InsetContextOptions | (() => InsetContextOptions)): Inset {
  const read = typeof options === 'function' ? options : () => options
  const initial = untrack(read)
  const inset =
    initial.inset ??
    createInset({
      ...(initial as InsetOptions),
      fetchToken: (context) => read().fetchToken!(context),
    })
  // Runs on the server too (after the render), where nothing else releases the instance.
  if (!initial.inset) onDestroy(() => inset.destroy())
  $effect.pre(() => {
    const { theme } = read()
    if (theme !== undefined) inset.setTheme(theme)
  })
  return setContext(KEY, inset)
}

/**
 * The Inset instance of the nearest `setInsetContext()`, for direct use of core's API; call it
 * while a component initialises.
 *
 * @example
 * const inset = getInsetContext()
 * $effect(() => inset.tokens.subscribe((token) => console.log(token.status)))
 */
export function getInsetContext(): Inset {
  const inset = getContext<Inset | undefined>(KEY)
  if (!inset) throw new InsetError('bad_request', 'No setInsetContext() in a parent component')
  return inset
}
