// `@inset/core/tabs`: a separate entry, so that hosts that do not share tokens across tabs never
// bundle it. `createInset({ shareAcrossTabs: shareAcrossTabs({ key }) })` turns it on.
import type { Timeline } from './timeline'

/** A fresh token as it travels between tabs: over a BroadcastChannel only, never storage. */
export interface SharedToken {
  token: string
  expiresAt?: number
}

/** The part of `BroadcastChannel` used here (a seam for tests). */
export interface TabChannel {
  postMessage(message: unknown): void
  onmessage: ((event: { data: unknown }) => void) | null
  close(): void
}

/** The part of the Web Locks API used here. */
export interface TabLocks {
  request(name: string, callback: () => Promise<void>): Promise<unknown>
}

/** What a token source gives the tab sharing it joins. */
export interface TabHost {
  /** This tab's token while it is not due for refresh and expires after `after` (issuer ms). */
  current(after: number): SharedToken | undefined
  /** A token another tab fetched; taken (true) when it outlives this tab's. */
  offer(fresh: SharedToken): boolean
  /** Refreshes now (single flight); the result is published. */
  refresh(): void
  record: Timeline['record']
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface ShareAcrossTabsOptions {
  /** Names the signed-in identity (e.g. your user id): two accounts never share a token. */
  key: string
  /** How long a follower waits for the leader before it fetches itself. Default 3 s. */
  waitMs?: number
  /** Defaults: the page's `BroadcastChannel` and `navigator.locks`. */
  channel?: (name: string) => TabChannel
  locks?: TabLocks | null
}

/** What `shareAcrossTabs()` returns and `createTokenSource({ shareAcrossTabs })` takes. */
export interface TabSharing {
  readonly key: string
  /** Joins this tab (a token source calls it once); `undefined` where tabs cannot talk. */
  join(host: TabHost): TabShare | undefined
}

export interface TabShare {
  /**
   * A token from the leader that expires after `after` (the expiry of the token to replace), or
   * `undefined` when this tab should fetch one itself.
   */
  request(signal: AbortSignal, after: number): Promise<SharedToken | undefined>
  /** Tells the other tabs about a token this tab fetched. */
  publish(fresh: SharedToken): void
  readonly leader: boolean
  /** Closes the channel and lets go of the lock (or its place in the queue for it). */
  destroy(): void
}

type Message = { type: 'token'; fresh: SharedToken } | { type: 'request'; after: number }

/**
 * One token refresh for this origin's tabs signed in as the same identity. The tab holding the
 * Web Lock leads and refreshes; the others ask it and receive its tokens over a BroadcastChannel
 * (never storage, cookies or URLs). Without Web Locks any tab with a token not yet due answers;
 * without BroadcastChannel each tab refreshes alone, as without this option.
 *
 * @example
 * import { shareAcrossTabs } from '@inset/core/tabs'
 * const inset = createInset({ serverUrl, fetchToken, shareAcrossTabs: shareAcrossTabs({ key: user.id }) })
 */
export function shareAcrossTabs(options: ShareAcrossTabsOptions): TabSharing {
  return { key: options.key, join: (host) => joinTabs(options, host) }
}

function joinTabs(options: ShareAcrossTabsOptions, host: TabHost): TabShare | undefined {
  const { key, waitMs = 3_000 } = options
  const { record } = host
  const open =
    options.channel ??
    (typeof BroadcastChannel === 'function'
      ? (name: string) => new BroadcastChannel(name) as unknown as TabChannel
      : undefined)
  if (!open) return undefined
  const locks =
    options.locks === undefined
      ? ((globalThis.navigator as { locks?: TabLocks } | undefined)?.locks ?? null)
      : options.locks
  const name = `inset-token:${key}`
  const channel = open(name)
  const waiting = new Set<(fresh: SharedToken | undefined) => void>()
  let leader = false
  let closed = false
  let letGo = () => {}
  const settleAll = (fresh: SharedToken | undefined) => {
    for (const resolve of [...waiting]) resolve(fresh)
  }

  channel.onmessage = ({ data }) => {
    const message = data as Message
    if (message?.type === 'token') {
      if (host.offer(message.fresh)) record('tabs', 'received')
      settleAll(message.fresh)
    } else if (message?.type === 'request') {
      // A token newer than the asker's goes back at once. Otherwise the leader refreshes (even
      // before its own timer: the asker's came first); without Web Locks a tab only shares.
      const fresh = host.current(message.after)
      if (fresh) channel.postMessage({ type: 'token', fresh } satisfies Message)
      else if (leader) host.refresh()
    }
  }

  locks
    ?.request(
      name,
      () =>
        new Promise<void>((resolve) => {
          if (closed) return resolve()
          leader = true
          letGo = resolve
          record('tabs', 'leader', { key: key.length })
          // Whoever was waiting for the old leader now asks the new one: this tab fetches.
          settleAll(undefined)
        }),
    )
    .catch(() => {})

  return {
    request(signal, after) {
      if (leader || closed) return Promise.resolve(undefined)
      return new Promise((resolve) => {
        const done = (fresh: SharedToken | undefined) => {
          waiting.delete(done)
          host.clearTimeout(timer)
          signal.removeEventListener('abort', onAbort)
          if (!fresh) record('tabs', 'alone', { leader })
          resolve(fresh)
        }
        const onAbort = () => done(undefined)
        const timer = host.setTimeout(() => done(undefined), locks ? waitMs : waitMs / 10)
        signal.addEventListener('abort', onAbort)
        waiting.add(done)
        record('tabs', 'request')
        channel.postMessage({ type: 'request', after } satisfies Message)
      })
    },
    publish(fresh) {
      if (!closed) channel.postMessage({ type: 'token', fresh } satisfies Message)
    },
    get leader() {
      return leader
    },
    destroy() {
      closed = true
      settleAll(undefined)
      channel.onmessage = null
      channel.close()
      letGo()
    },
  }
}
