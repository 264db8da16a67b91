import { type ComputedRef, computed } from 'vue'
import { type RouteLocationRaw, useRoute } from 'vue-router'
import { DEFAULT_USER, USERS, type UserId } from './users'

/**
 * The signed-in demo user, from the `user` query parameter: alice when absent, `null` when it
 * names nobody we know. It lives in the URL so that a reload or a shared link shows the same.
 */
export function useUser(): ComputedRef<UserId | null> {
  const route = useRoute()
  return computed(() => {
    const user = typeof route.query.user === 'string' ? route.query.user : DEFAULT_USER
    return Object.hasOwn(USERS, user) ? (user as UserId) : null
  })
}

/** A link to an in-app path that keeps the query (the signed-in user). */
export function useLinkTo(): (path: string) => RouteLocationRaw {
  const route = useRoute()
  return (path) => ({ path, query: route.query })
}
