import type { QueryResult } from '@inset/core'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { fakeServer, kpi, settle } from '../../test/fixtures'
import { defineInsetElements } from '../register'
import { showDataAge } from './data-age'

const NOW = Date.parse('2026-12-01T10:45:30Z')
const READ = '2026-12-01T10:42:05Z'
const meta = (cache: QueryResult['meta']['cache'], dataAsOf = READ): QueryResult['meta'] => ({
  rowCount: 1,
  durationMs: 1,
  cache,
  dataAsOf,
})
const time = (iso: string, locale: string) =>
  new Date(iso).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' })

/** A tile's markup as TileView makes it: a section labelled by its title. */
function tile(): HTMLElement {
  const section = document.createElement('section')
  section.setAttribute('aria-labelledby', 'tile-7')
  section.innerHTML = '<header><h3 class="tile-title" id="tile-7">Revenue</h3></header>'
  return section
}
const hint = (section: HTMLElement) => section.querySelector<HTMLElement>('.as-of')

beforeAll(() => defineInsetElements())
afterEach(() => {
  vi.useRealTimers()
  document.body.replaceChildren()
})

describe('the "data as of" hint', () => {
  it('shows the local time of a cached result over a minute old, the full time in its tooltip', () => {
    const section = tile()
    showDataAge(section, meta('hit'), 'en-GB', NOW)
    expect(hint(section)?.hidden).toBe(false)
    expect(hint(section)?.textContent).toBe(`as of ${time(READ, 'en-GB')}`)
    expect(hint(section)?.title).toContain(
      new Date(READ).toLocaleDateString('en-GB', { dateStyle: 'long' }),
    )
    // The hint is part of the tile's accessible description.
    expect(section.getAttribute('aria-describedby')).toBe(hint(section)?.id)
    expect(section.querySelector(`#${hint(section)?.id}`)).toBe(hint(section))
  })

  it('stays quiet for fresh, missed, uncached or unreadable results, and hides again', () => {
    const section = tile()
    for (const quiet of [
      meta('hit', new Date(NOW - 59_000).toISOString()),
      meta('miss'),
      meta('off'),
      meta(undefined),
      meta('hit', 'yesterday'),
    ]) {
      showDataAge(section, quiet, 'en-GB', NOW)
      expect(hint(section)).toBeNull()
    }
    showDataAge(section, meta('hit'), 'en-GB', NOW)
    showDataAge(section, meta('miss'), 'en-GB', NOW)
    expect(hint(section)?.hidden).toBe(true)
    expect(section.hasAttribute('aria-describedby')).toBe(false)
  })

  it('appears on a dashboard tile whose result the server took from its cache (fixed clock)', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW })
    const cached = { ...kpi(1200, 1000), meta: meta('hit') }
    const server = fakeServer(undefined, { results: { revenue: cached } })
    const element = document.createElement('inset-dashboard')
    element.inset = server.inset()
    element.locale = 'en-US'
    element.dashboardId = 'sales'
    document.body.append(element)
    const section = () =>
      element.shadowRoot?.querySelector<HTMLElement>('section.tile') ??
      document.createElement('section')
    await settle(element, () => hint(section())?.hidden === false)
    expect(hint(section())?.textContent).toBe(`as of ${time(READ, 'en-US')}`)
    expect(section().getAttribute('aria-describedby')).toBe(hint(section())?.id)
  })
})
