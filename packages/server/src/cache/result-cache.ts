/** Counters and sizes of a {@link ResultCache}, as `GET /v1/cache` reports them. */
export interface ResultCacheStats {
  /** Results kept now (some may have expired and not been looked at since). */
  entries: number
  /** Estimated bytes of the kept results. */
  bytes: number
  maxEntries: number
  maxBytes: number
  /** Answered from memory. */
  hits: number
  /** Ran the load (nothing kept, or it had expired). */
  misses: number
  /** Joined an identical load already running instead of starting one. */
  coalesced: number
  /** Dropped to stay within `maxEntries` / `maxBytes` (least recently used first). */
  evictions: number
  /** Found expired and dropped. */
  expirations: number
  /** Dropped by `purge()`. */
  purged: number
  /** Loaded but not kept: larger than `maxBytes` on its own. */
  oversized: number
  /** Reloads started in the background by a hit on a result near the end of its TTL. */
  refreshes: number
  /** Loads running now. */
  inFlight: number
}

/** How one `get` was answered. */
export type CacheOutcome = 'hit' | 'miss' | 'coalesced'

export interface CacheRead<V> {
  value: V
  /** When the load that produced the value started (epoch ms): the age of the data. */
  readAt: number
  outcome: CacheOutcome
}

export interface CacheGetOptions<V> {
  /** What `purge(tag)` removes by, e.g. the dataset. */
  tag: string
  /** How long a loaded value is served, counted from the start of its load. */
  ttlMs: number
  /** Runs the query. Its signal aborts once every caller waiting for it has gone. */
  load: (signal: AbortSignal) => Promise<V>
  /** Estimated bytes of a value. */
  sizeOf: (value: V) => number
  /** This caller's signal: aborting it rejects this caller only, never the others waiting. */
  signal?: AbortSignal
}

export interface ResultCacheOptions {
  maxEntries: number
  maxBytes: number
  /** Clock (epoch ms); `Date.now` follows vitest's fake timers. */
  now?: () => number
}

interface Entry<V> {
  value: V
  tag: string
  readAt: number
  expiresAt: number
  /** A hit from this time on reloads it in the background (the last fifth of its TTL). */
  refreshAt: number
  bytes: number
}

interface Flight<V> {
  tag: string
  readAt: number
  ttlMs: number
  promise: Promise<V>
  controller: AbortController
  waiters: number
  /** Purged while running: its value is handed to its waiters but not kept. */
  stale: boolean
}

/** Share of the TTL after which a hit reloads the result in the background. */
const REFRESH_AHEAD = 0.8

/** Bytes of bookkeeping per entry besides its key and value (map slot, entry object). */
const ENTRY_OVERHEAD_BYTES = 160

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError')
}

/**
 * An in-memory LRU cache of query results with single flight: callers asking for a key whose load
 * is running wait for that load instead of starting another. Bounded by entries and by estimated
 * bytes; failed loads are never kept; a caller that aborts leaves the others waiting, and the load
 * itself is aborted only when nobody waits for it any more. A hit in the last fifth of a result's
 * TTL reloads it in the background (refresh ahead): no result is served past its TTL, and one in
 * steady use is replaced before it expires.
 *
 * @example
 * const cache = new ResultCache<Row[]>({ maxEntries: 1000, maxBytes: 64 << 20 })
 * const { value, readAt, outcome } = await cache.get(key, {
 *   tag: 'orders', ttlMs: 60_000, sizeOf: estimateRowsBytes, signal,
 *   load: (signal) => source.query(sql, params, { signal }),
 * })
 */
export class ResultCache<V> {
  readonly #entries = new Map<string, Entry<V>>()
  readonly #flights = new Map<string, Flight<V>>()
  readonly #maxEntries: number
  readonly #maxBytes: number
  readonly #now: () => number
  #bytes = 0
  readonly #counts = {
    hits: 0,
    misses: 0,
    coalesced: 0,
    evictions: 0,
    expirations: 0,
    purged: 0,
    oversized: 0,
    refreshes: 0,
  }

  constructor(options: ResultCacheOptions) {
    this.#maxEntries = options.maxEntries
    this.#maxBytes = options.maxBytes
    this.#now = options.now ?? Date.now
  }

  /** The kept value of `key` while fresh, else the running load's, else a new load's. */
  async get(key: string, options: CacheGetOptions<V>): Promise<CacheRead<V>> {
    if (options.signal?.aborted) throw abortError(options.signal)
    const now = this.#now()
    const entry = this.#entries.get(key)
    if (entry) {
      if (entry.expiresAt > now) {
        // Most recently used last: Maps iterate in insertion order.
        this.#entries.delete(key)
        this.#entries.set(key, entry)
        this.#counts.hits++
        if (now >= entry.refreshAt && !this.#flights.has(key)) {
          // Refresh ahead: reload while the kept result still serves, so that a result in steady
          // use never expires and its callers never all wait for the database at once.
          this.#counts.refreshes++
          this.#start(key, now, options)
        }
        return { value: entry.value, readAt: entry.readAt, outcome: 'hit' }
      }
      this.#remove(key, entry)
      this.#counts.expirations++
    }
    let flight = this.#flights.get(key)
    let outcome: CacheOutcome = 'coalesced'
    if (flight) this.#counts.coalesced++
    else {
      this.#counts.misses++
      outcome = 'miss'
      flight = this.#start(key, now, options)
    }
    const value = await this.#wait(key, flight, options.signal)
    return { value, readAt: flight.readAt, outcome }
  }

  /** Drops the kept results with this tag (every result without one); returns how many. */
  purge(tag?: string): number {
    let dropped = 0
    for (const [key, entry] of this.#entries) {
      if (tag !== undefined && entry.tag !== tag) continue
      this.#remove(key, entry)
      dropped++
    }
    // Loads running now read data from before the purge: new callers start their own.
    for (const [key, flight] of this.#flights) {
      if (tag !== undefined && flight.tag !== tag) continue
      flight.stale = true
      this.#flights.delete(key)
    }
    this.#counts.purged += dropped
    return dropped
  }

  stats(): ResultCacheStats {
    return {
      entries: this.#entries.size,
      bytes: this.#bytes,
      maxEntries: this.#maxEntries,
      maxBytes: this.#maxBytes,
      ...this.#counts,
      inFlight: this.#flights.size,
    }
  }

  #start(key: string, now: number, options: CacheGetOptions<V>): Flight<V> {
    const controller = new AbortController()
    const promise = (async () => options.load(controller.signal))().then(
      (value) => {
        this.#land(key, flight)
        if (!flight.stale && !controller.signal.aborted)
          this.#keep(key, flight, value, options.sizeOf(value) + key.length * 2)
        return value
      },
      (error: unknown) => {
        // A failure is handed to the callers waiting now and forgotten.
        this.#land(key, flight)
        throw error
      },
    )
    // Callers that gave up no longer listen: the rejection must not go unhandled.
    promise.catch(() => {})
    const flight: Flight<V> = {
      tag: options.tag,
      readAt: now,
      ttlMs: options.ttlMs,
      promise,
      controller,
      waiters: 0,
      stale: false,
    }
    this.#flights.set(key, flight)
    return flight
  }

  #land(key: string, flight: Flight<V>): void {
    if (this.#flights.get(key) === flight) this.#flights.delete(key)
  }

  async #wait(key: string, flight: Flight<V>, signal: AbortSignal | undefined): Promise<V> {
    flight.waiters++
    if (!signal) return flight.promise
    let leave: (() => void) | undefined
    const left = new Promise<never>((_resolve, reject) => {
      leave = () => {
        flight.waiters--
        if (flight.waiters === 0) {
          // Nobody waits any more: stop the statement, and let the next caller start afresh.
          this.#land(key, flight)
          flight.controller.abort(abortError(signal))
        }
        reject(abortError(signal))
      }
      signal.addEventListener('abort', leave, { once: true })
    })
    try {
      return await Promise.race([flight.promise, left])
    } finally {
      if (leave) signal.removeEventListener('abort', leave)
    }
  }

  #keep(key: string, flight: Flight<V>, value: V, valueBytes: number): void {
    const bytes = valueBytes + ENTRY_OVERHEAD_BYTES
    if (bytes > this.#maxBytes) {
      this.#counts.oversized++
      return
    }
    const previous = this.#entries.get(key)
    if (previous) this.#remove(key, previous)
    this.#entries.set(key, {
      value,
      tag: flight.tag,
      readAt: flight.readAt,
      expiresAt: flight.readAt + flight.ttlMs,
      refreshAt: flight.readAt + flight.ttlMs * REFRESH_AHEAD,
      bytes,
    })
    this.#bytes += bytes
    for (const [oldKey, oldest] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break
      this.#remove(oldKey, oldest)
      this.#counts.evictions++
    }
  }

  #remove(key: string, entry: Entry<V>): void {
    this.#entries.delete(key)
    this.#bytes -= entry.bytes
  }
}
