/** A small time-bounded cache of promises (concurrent misses share one load). */
export class TtlCache<T> {
  readonly #entries = new Map<string, { value: Promise<T>; expires: number }>()
  readonly #ttlMs: number
  readonly #maxEntries: number
  readonly #now: () => number

  constructor(options: { ttlMs: number; maxEntries: number; now?: () => number }) {
    this.#ttlMs = options.ttlMs
    this.#maxEntries = options.maxEntries
    this.#now = options.now ?? Date.now
  }

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.#now()
    const hit = this.#entries.get(key)
    if (hit && hit.expires > now) return hit.value
    if (this.#entries.size >= this.#maxEntries) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.#entries.keys().next().value
      if (oldest !== undefined) this.#entries.delete(oldest)
    }
    const value = load()
    this.#entries.set(key, { value, expires: now + this.#ttlMs })
    // A failed load is not cached.
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key)
    })
    return value
  }

  clear(): void {
    this.#entries.clear()
  }
}
