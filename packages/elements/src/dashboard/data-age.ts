// Lazily loaded with the first result of a server that has a result cache (`meta.cache` set):
// the tile's quiet "as of 10:42" when its data was read over a minute ago.
import type { QueryResult } from '@inset/core'
import { h } from '../dom'
import { t } from '../strings'

/** Cached data older than this gets its hint. */
const QUIET_AGE_MS = 60_000

/**
 * Shows "as of 10:42" in a tile's header (the viewer's local time; the full timestamp in its
 * tooltip; the hint is the tile's accessible description) when the result came from the server's
 * cache and was read over a minute before `now`; hides it otherwise.
 *
 * @example showDataAge(tile.element, result.meta, 'en-GB')
 */
export function showDataAge(
  tile: HTMLElement,
  meta: QueryResult['meta'] | undefined,
  locale: string | undefined,
  now = Date.now(),
): void {
  const at = new Date(meta?.cache === 'hit' ? (meta.dataAsOf ?? '') : '')
  // An absent or unreadable time is NaN: never old.
  const old = now - at.getTime() > QUIET_AGE_MS
  let hint = tile.querySelector<HTMLElement>('.as-of')
  if (old && !hint) {
    hint = h('span', {
      class: 'as-of',
      part: 'tile-as-of',
      id: `${tile.getAttribute('aria-labelledby')}-as-of`,
      style: 'font-size:12px;color:var(--inset-color-muted);white-space:nowrap',
    })
    tile.querySelector('.tile-title')?.after(hint)
  }
  if (!hint) return
  hint.hidden = !old
  if (old) {
    const s = t()
    hint.textContent = s.asOf(at.toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' }))
    hint.title = s.asOf(at.toLocaleString(locale, { dateStyle: 'long', timeStyle: 'long' }))
    tile.setAttribute('aria-describedby', hint.id)
  } else tile.removeAttribute('aria-describedby')
}
