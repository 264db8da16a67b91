import { error } from '@sveltejs/kit'
import type { PageConfig } from '$lib/config'
import type { LayoutLoad } from './$types'

// A single-page app: the backend serves index.html for every route, and every page shows the
// signed-in user's own data, fetched in the browser with their token.
export const ssr = false
export const prerender = false

/**
 * Where the Inset server is comes from the backend at run time (INSET_SERVER_URL), so that one
 * build serves every environment. Loaded once: it reads nothing of the URL.
 */
export const load: LayoutLoad = async ({ fetch }) => {
  const response = await fetch('/config.json', { headers: { accept: 'application/json' } })
  if (!response.ok) error(503, `/config.json answered ${response.status}`)
  return { config: (await response.json()) as PageConfig }
}
