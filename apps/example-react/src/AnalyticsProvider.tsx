import type { FetchTokenContext, InsetTheme } from '@inset/core'
import { InsetProvider } from '@inset/react'
import { type ReactNode, useCallback } from 'react'
import type { UserId } from './users'

/** Inset in our brand: indigo accents, the page's own font, rounder corners. */
const THEME: InsetTheme = {
  mode: 'light',
  colors: { primary: '#4f46e5', background: '#ffffff', surface: '#f8fafc', border: '#e5e7eb' },
  palette: ['#4f46e5', '#0ea5e9', '#14b8a6', '#f59e0b', '#ec4899', '#84cc16'],
  radius: 12,
}

/**
 * The Inset connection of the signed-in user's analytics pages. Tokens come from our own backend,
 * which decides what the user may see; the page only ever holds them in memory.
 */
export function AnalyticsProvider(props: { user: UserId; serverUrl: string; children: ReactNode }) {
  const { user, serverUrl, children } = props
  const fetchToken = useCallback(
    ({ signal }: FetchTokenContext) =>
      fetch(`/api/inset-token?user=${encodeURIComponent(user)}`, {
        signal,
        headers: { accept: 'application/json' },
        cache: 'no-store',
      }),
    [user],
  )
  return (
    <InsetProvider serverUrl={serverUrl} fetchToken={fetchToken} theme={THEME}>
      {children}
    </InsetProvider>
  )
}
