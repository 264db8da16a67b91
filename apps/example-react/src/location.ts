// A tiny client router: the path picks the page, the `user` query parameter the demo user. Both
// live in the URL so that a reload or a shared link shows the same thing.
import { useSyncExternalStore } from 'react'

const CHANGE = 'acme:locationchange'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(CHANGE, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(CHANGE, onChange)
  }
}

const currentHref = () => window.location.pathname + window.location.search

/** The current path and query, re-rendering on every navigation. */
export function useLocation(): URL {
  const href = useSyncExternalStore(subscribe, currentHref)
  return new URL(href, window.location.origin)
}

/** Goes to `path` keeping the query (the signed-in user), as a new history entry. */
export function navigate(path: string, query?: Record<string, string>): void {
  const url = new URL(path, window.location.href)
  const params = new URLSearchParams(window.location.search)
  for (const [name, value] of Object.entries(query ?? {})) params.set(name, value)
  url.search = params.toString()
  if (url.href === window.location.href) return
  window.history.pushState(null, '', url)
  window.dispatchEvent(new Event(CHANGE))
  window.scrollTo(0, 0)
}

/** The href of an in-app path, keeping the query (the signed-in user) so a new tab opens the same. */
export function hrefFor(path: string): string {
  return path + window.location.search
}
