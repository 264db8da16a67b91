import { createInset, type Inset, type InsetOptions } from '@inset/core'

type FetchToken = NonNullable<InsetOptions['fetchToken']>

/** One element's hold on a shared connection. */
export interface ConnectionLease {
  readonly inset: Inset
  readonly serverUrl: string
  readonly source: string | FetchToken
  /** Lets go; the last holder's release destroys the connection (and its token source). */
  release(): void
}

// serverUrl → token source (a `token-url` string or a `fetchToken` function) → the connection.
const pool = new Map<string, Map<string | FetchToken, { inset: Inset; holders: number }>>()

/** Fetches from the host's token endpoint: same-origin cookies included, `@inset/node`'s shape. */
const fetchFromUrl =
  (url: string): FetchToken =>
  ({ signal }) =>
    fetch(url, { signal, credentials: 'same-origin', headers: { accept: 'application/json' } })

/**
 * The connection of every element on the page with the same `serverUrl` and token source (the
 * same `token-url`, or the same `fetchToken` function): one token source, one refresh, for all.
 *
 * @example const lease = leaseConnection('https://inset.example.com', '/api/inset-token')
 */
export function leaseConnection(serverUrl: string, source: string | FetchToken): ConnectionLease {
  const key = typeof source === 'string' ? new URL(source, document.baseURI).href : source
  let byServer = pool.get(serverUrl)
  if (!byServer) {
    byServer = new Map()
    pool.set(serverUrl, byServer)
  }
  let entry = byServer.get(key)
  if (!entry) {
    const fetchToken = typeof key === 'string' ? fetchFromUrl(key) : key
    entry = { inset: createInset({ serverUrl, fetchToken }), holders: 0 }
    byServer.set(key, entry)
  }
  entry.holders++
  const held = entry
  let released = false
  return {
    inset: held.inset,
    serverUrl,
    source,
    release() {
      if (released) return
      released = true
      if (--held.holders > 0) return
      held.inset.destroy()
      byServer.delete(key)
      if (!byServer.size) pool.delete(serverUrl)
    },
  }
}
