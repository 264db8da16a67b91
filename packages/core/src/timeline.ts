import { createEmitter } from './emitter'

/** What a timeline entry is about. */
export type TimelineSource = 'token' | 'tabs' | 'api' | 'dashboard' | 'assistant'

/** One thing that happened; never a token or any other secret, only codes, times and counts. */
export interface TimelineEntry {
  /** Epoch ms on this machine's clock. */
  at: number
  source: TimelineSource
  /** E.g. `fetch`, `fetched`, `failed`, `scheduled`, `skew`, `replay`, `leader`. */
  event: string
  detail?: Readonly<Record<string, string | number | boolean | undefined>>
}

/** A bounded in-memory log of what a configuration did, for `inset.debug()` and `debug` elements. */
export interface Timeline {
  record(source: TimelineSource, event: string, detail?: TimelineEntry['detail']): void
  /** The latest entries, oldest first (at most `limit`). */
  entries(): TimelineEntry[]
  /** Calls `listener` with each new entry; returns the unsubscribe. */
  subscribe(listener: (entry: TimelineEntry) => void): () => void
}

/**
 * Creates a timeline that keeps the last `limit` entries.
 *
 * @example
 * const timeline = createTimeline()
 * timeline.record('token', 'fetch', { reason: 'initial', attempt: 1 })
 */
export function createTimeline(limit = 200, now: () => number = Date.now): Timeline {
  const kept: TimelineEntry[] = []
  const added = createEmitter<TimelineEntry>()
  return {
    record(source, event, detail) {
      const entry: TimelineEntry = { at: now(), source, event, ...(detail && { detail }) }
      kept.push(entry)
      if (kept.length > limit) kept.shift()
      added.emit(entry)
    },
    entries: () => kept.slice(),
    subscribe: added.subscribe,
  }
}

/**
 * One line per entry, for the console: `+1.234s token fetched expiresIn=600s`.
 *
 * @example timeline.subscribe((entry) => console.debug(formatTimelineEntry(entry, start)))
 */
export function formatTimelineEntry(entry: TimelineEntry, since = entry.at): string {
  const detail = Object.entries(entry.detail ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${value}`)
  return [`+${((entry.at - since) / 1000).toFixed(3)}s`, entry.source, entry.event, ...detail].join(
    ' ',
  )
}
