import { useEffect, useLayoutEffect, useReducer, useRef } from 'react'

/** `useLayoutEffect` in the browser, `useEffect` on the server (where neither runs). */
export const useClientLayoutEffect: typeof useLayoutEffect =
  typeof document === 'undefined' ? useEffect : useLayoutEffect

interface Owned<T> {
  value: T
  deps: readonly unknown[]
  users: number
  destroyed: boolean
}

const changed = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length !== b.length || a.some((value, index) => !Object.is(value, b[index]))

/**
 * Keeps `create()`'s result while `deps` stay the same and destroys it once no mounted component
 * uses it. The destroy waits a microtask: StrictMode's simulated unmount is followed at once by a
 * remount, which keeps the value (and its requests) instead of starting over.
 */
export function useOwned<T extends { destroy(): void } | undefined>(
  create: () => T,
  deps: readonly unknown[],
): T {
  const owned = useRef<Owned<T> | null>(null)
  const [, rerender] = useReducer((count: number) => count + 1, 0)
  let current = owned.current
  if (!current || current.destroyed || changed(current.deps, deps)) {
    current = { value: create(), deps, users: 0, destroyed: false }
    owned.current = current
  }
  const held = current
  useEffect(() => {
    // Shown again after being hidden long enough to be destroyed (e.g. `<Activity>`): make anew.
    if (held.destroyed) return rerender()
    held.users++
    return () => {
      held.users--
      queueMicrotask(() => {
        if (held.users || held.destroyed) return
        held.destroyed = true
        held.value?.destroy()
      })
    }
  }, [held])
  return held.value
}
