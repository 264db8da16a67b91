import { createInset, type Inset, InsetError, type InsetOptions } from '@inset/core'
import type { InsetThemeInput } from '@inset/elements'
import { createContext, createElement, type ReactNode, useContext, useMemo, useRef } from 'react'
import { useClientLayoutEffect, useOwned } from './use-owned'

interface InsetContextValue {
  inset: Inset
  theme: InsetThemeInput | undefined
}

const InsetContext = /* @__PURE__ */ createContext<InsetContextValue | null>(null)

interface ProviderCommon {
  /** `light`, `dark`, `auto` or an `InsetTheme`: the default of every component below. */
  theme?: InsetThemeInput
  children?: ReactNode
}

/** Either an instance made with `createInset()`, or what the provider needs to make one. */
export type InsetProviderProps = ProviderCommon &
  (
    | { inset: Inset; serverUrl?: never; fetchToken?: never; fetch?: never; timeoutMs?: never }
    | ({ inset?: never } & Pick<InsetOptions, 'serverUrl' | 'fetch' | 'timeoutMs'> &
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
            ...(fetch && { fetch }),
            ...(timeoutMs !== undefined && { timeoutMs }),
          }),
    [given, given ? undefined : serverUrl],
  )
  const inset = (given ?? owned)!
  const value = useMemo(() => ({ inset, theme }), [inset, theme])
  return createElement(InsetContext.Provider, { value }, children)
}

/** The provider's instance and theme; throws when there is no provider. */
export function useInsetContext(): InsetContextValue {
  const value = useContext(InsetContext)
  if (!value)
    throw new InsetError(
      'bad_request',
      'Inset components and hooks need an <InsetProvider> above them (serverUrl + fetchToken, or inset)',
    )
  return value
}

/**
 * The Inset instance of the nearest `<InsetProvider>`, for direct use of core's API.
 *
 * @example
 * const inset = useInset()
 * useEffect(() => inset.tokens.subscribe((token) => console.log(token.status)), [inset])
 */
export function useInset(): Inset {
  return useInsetContext().inset
}
