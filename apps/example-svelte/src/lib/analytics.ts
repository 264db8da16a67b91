import type { FetchTokenContext, InsetTheme } from '@inset/core'
import type { UserId } from './users'

/** Inset in our brand: indigo accents, the page's own font, rounder corners. */
export const THEME: InsetTheme = {
  mode: 'light',
  colors: { primary: '#4f46e5', background: '#ffffff', surface: '#f8fafc', border: '#e5e7eb' },
  palette: ['#4f46e5', '#0ea5e9', '#14b8a6', '#f59e0b', '#ec4899', '#84cc16'],
  radius: 12,
}

/**
 * Asks our own backend for the signed-in user's embed token; the backend decides what the user
 * may see, and the page only ever holds the token in memory.
 */
export const tokenFetcher =
  (user: UserId) =>
  ({ signal }: FetchTokenContext): Promise<Response> =>
    fetch(`/api/inset-token?user=${encodeURIComponent(user)}`, {
      signal,
      headers: { accept: 'application/json' },
      cache: 'no-store',
    })
