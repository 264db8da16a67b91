/**
 * A loader for a lazily imported chunk: the first call imports it, later calls share the promise,
 * and a failed import is tried again on the next call.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined
      throw error
    }))
}
