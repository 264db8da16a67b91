import { computed, Injectable, inject } from '@angular/core'
import { toSignal } from '@angular/core/rxjs-interop'
import { type CanMatchFn, NavigationEnd, Router } from '@angular/router'
import { filter, map } from 'rxjs'
import { type UserId, userFrom } from './users'

const userOf = (router: Router, url: string) =>
  userFrom(new URL(router.serializeUrl(router.parseUrl(url)), 'http://app'))

/**
 * The signed-in demo user: the `user` query parameter (a real app would read its session). It
 * lives in the URL so that a reload or a shared link shows the same thing.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  readonly #router = inject(Router)
  readonly #url = toSignal(
    this.#router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this.#router.url },
  )
  readonly user = computed(() => userOf(this.#router, this.#url()))
  readonly path = computed(() => this.#url().split(/[?#]/)[0] || '/')

  /** Signs in as another demo user: the same page, `?user=` changed. */
  signInAs(user: UserId): void {
    void this.#router.navigate([], { queryParams: { user }, queryParamsHandling: 'merge' })
  }
}

/** Matches while the navigation's URL names `user` (`null`: a user this demo does not know). */
export const signedInAs =
  (user: UserId | null): CanMatchFn =>
  () => {
    const router = inject(Router)
    const url = router.currentNavigation()?.extractedUrl ?? router.parseUrl(router.url)
    return userOf(router, router.serializeUrl(url)) === user
  }
