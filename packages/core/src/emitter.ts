/** A set of listeners; the one event primitive every Inset store is built on. */
export interface Emitter<T> {
  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: (value: T) => void): () => void
  emit(value: T): void
  /** The number of listeners. */
  readonly size: number
  /** Removes every listener without calling `onLast`. */
  clear(): void
}

/**
 * Creates a listener set. `onFirst` runs when the first listener arrives, `onLast` when the last
 * one leaves: stores start their work in one and stop it in the other.
 *
 * @example
 * const changes = createEmitter<number>({ onFirst: start, onLast: stop })
 * const off = changes.subscribe((n) => console.log(n))
 * changes.emit(1)
 * off()
 */
export function createEmitter<T = void>(
  hooks: { onFirst?: () => void; onLast?: () => void } = {},
): Emitter<T> {
  const listeners = new Set<(value: T) => void>()
  return {
    subscribe(listener) {
      // A wrapper per call, so that one function subscribed twice is also counted twice.
      const entry = (value: T) => listener(value)
      listeners.add(entry)
      if (listeners.size === 1) hooks.onFirst?.()
      return () => {
        if (listeners.delete(entry) && !listeners.size) hooks.onLast?.()
      }
    },
    emit(value) {
      for (const listener of [...listeners]) {
        try {
          listener(value)
        } catch (error) {
          // One failing listener must not starve the others; report it where errors go.
          queueMicrotask(() => {
            throw error
          })
        }
      }
    },
    get size() {
      return listeners.size
    },
    clear() {
      listeners.clear()
    },
  }
}
