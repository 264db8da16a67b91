// The signed-in demo user lives in the URL (`?user=`), so that a reload or a shared link shows the
// same thing; every in-app link and navigation keeps it.
import { goto } from '$app/navigation'
import { page } from '$app/state'

/** The href of an in-app path, keeping the query (the signed-in user). */
export const hrefFor = (path: string): string => path + page.url.search

/** Signs in as another demo user on the same page (a real app would use a session). */
export function switchUser(user: string): Promise<void> {
  const url = new URL(page.url)
  url.searchParams.set('user', user)
  return goto(url)
}
