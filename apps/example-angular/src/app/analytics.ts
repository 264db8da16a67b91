import { HttpClient } from '@angular/common/http'
import { inject } from '@angular/core'
import { provideInset } from '@inset/angular'
import type { InsetTheme } from '@inset/core'
import { PageConfig } from './page-config'
import type { UserId } from './users'

/** Inset in our brand: indigo accents, the page's own font, rounder corners. */
const THEME: InsetTheme = {
  mode: 'light',
  colors: { primary: '#4f46e5', background: '#ffffff', surface: '#f8fafc', border: '#e5e7eb' },
  palette: ['#4f46e5', '#0ea5e9', '#14b8a6', '#f59e0b', '#ec4899', '#84cc16'],
  radius: 12,
}

/**
 * The Inset connection of one user's analytics pages, as route providers. Tokens come from our own
 * backend, which decides what the user may see; the page only ever holds them in memory. The
 * router destroys the route's injector (and so the connection) when the user leaves these pages.
 */
export const provideAnalytics = (user: UserId) =>
  provideInset(() => ({
    serverUrl: inject(PageConfig).insetServerUrl(),
    fetchToken: () =>
      inject(HttpClient).get<{ token: string; expiresAt: number }>('/api/inset-token', {
        params: { user },
      }),
    theme: THEME,
  }))
