import {
  createInset,
  type Inset,
  InsetError,
  type InsetOptions,
  type InsetThemeInput,
} from '@inset/core'
import { createContext, createElement, type ReactNode, useContext, useRef } from 'react'
import { useClientLayoutEffect, useOwned } from './use-owned'

const InsetContext = /* @__PURE__ */ createContext<Inset | null>(null)

interface ProviderCommon {
  /**
   * `light`, `dark`, `auto` or an `InsetTheme`: the default of every component below, set as the
   * instance's theme (`inset.setTheme`), the one theme channel every element follows.
   */
  theme?: InsetThemeInput
  children?: ReactNode
}

/** Either an instance made with `createInset()`, or what the provider needs to make one. */
export type InsetProviderProps = ProviderCommon &
  (
    | { inset: Inset; serverUrl?: never; fetchToken?: never; fetch?: never; timeoutMs?: never }
    | ({ inset?: never } & Pick<
        InsetOptions,
        'serverUrl' | 'fetch' | 'timeoutMs' | 'shareAcrossTabs'
      > &
        Required<Pick<InsetOptions, 'fetchToken'>>)
  )

/**
 * Shares one Inset configuration (one token source, one API client) with every component and hook
 * below. It makes the instance once per `serverUrl`; a new `fetchToken` function on each render is
 * fine (the latest one is called), and `fetch`/`timeoutMs` are read when the instance is made.
 * A given `inset` is used as is and not destroyed on unmount.
 *
 * @example
 * <InsetProvider serverUrl="https://inset.example.com" fetchToken={() => fetch('/api/inset-token')}>
 *   <InsetDashboard dashboardId="sales-overview" />
 * </InsetProvider>
 */
export function InsetProvider(props: InsetProviderProps): ReactNode {
  const { inset: given, serverUrl, fetchToken, fetch, timeoutMs, theme, children } = props
  const { shareAcrossTabs } = props as { shareAcrossTabs?: InsetOptions['shareAcrossTabs'] }
  const latestFetchToken = useRef(fetchToken)
  useClientLayoutEffect(() => {
    latestFetchToken.current = fetchToken
  })
  const owned = useOwned(
    () =>
      given
        ? undefined
        : createInset({
            serverUrl: serverUrl!,
            fetchToken:
              typeof fetchToken === 'function'
                ? (context) => latestFetchToken.current!(context)
                : undefined,
            theme,
            ...(fetch && { fetch }),
            ...(timeoutMs !== undefined && { timeoutMs }),
            ...(shareAcrossTabs && { shareAcrossTabs }),
          }),
    [given, given ? undefined : serverUrl],
  )
  const inset = (given ?? owned)!
  const themeKey = JSON.stringify(theme)
  // The theme's content is the dependency, not its identity.
  useClientLayoutEffect(() => {
    if (theme !== undefined) inset.setTheme(theme)
  }, [inset, themeKey])
  return createElement(InsetContext.Provider, { value: inset }, children)
}

/**
 * The Inset instance of the nearest `<InsetProvider>`, for direct use of core's API.
 *
 * @example
 * const inset = useInset()
 * useEffect(() => inset.tokens.subscribe((token) => console.log(token.status)), [inset])
 */
export function useInset(): Inset {
  const inset = useContext(InsetContext)
  if (!inset)
    throw new InsetError(
      'bad_request',
      'Inset components and hooks need an <InsetProvider> above them (serverUrl + fetchToken, or inset)',
    )
  return inset
}
