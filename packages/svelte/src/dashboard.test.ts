import { dispatchInsetEvent, InsetDashboardElement } from '@inset/elements'
import { createFakeServer, definition } from '@inset/test-utils/fake-server'
import { render, screen, waitFor } from '@testing-library/svelte'
import { flushSync, tick } from 'svelte'
import { describe, expect, it, vi } from 'vitest'
import Dashboard from '../test/Dashboard.svelte'
import Provider from '../test/Provider.svelte'
import { dashboardElements, LOAD, ready, SERVER, TILES } from '../test/render'

function setup(props: Record<string, unknown> = {}) {
  const server = createFakeServer()
  const view = render(Provider, { props: { server, child: Dashboard, ...props } })
  const element = dashboardElements()[0] as InsetDashboardElement
  return { server, element, ...view }
}

const boundFilters = () => JSON.parse(screen.getByTestId('filters').textContent!)

describe('<InsetDashboard>', () => {
  it('renders one element that loads once: one token fetch, one request for the definition and its tiles', async () => {
    const onready = vi.fn()
    const { server, element } = setup({ onready })
    await ready(element)
    expect(dashboardElements()).toHaveLength(1)
    expect(server.tokenCalls).toHaveLength(1)
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${LOAD}`])
    expect(Object.keys(element.snapshot!.tiles)).toEqual(definition.tiles.map((tile) => tile.id))
    expect(onready).toHaveBeenCalledTimes(1)
    expect(onready.mock.calls[0]![0].detail.definition.title).toBe('Sales overview')
  })

  it('writes properties, not attributes, with the context instance; bind:element is the element', async () => {
    const onelement = vi.fn()
    const { element } = setup({ onelement, locale: 'de-DE', currency: 'EUR' })
    flushSync()
    expect(element).toBeInstanceOf(InsetDashboardElement)
    expect(onelement).toHaveBeenLastCalledWith(element)
    expect(element.dashboardId).toBe('sales-overview')
    expect(element.locale).toBe('de-DE')
    expect(element.currency).toBe('EUR')
    expect(element.inset?.serverUrl).toBe(SERVER)
    expect(element.getAttributeNames().filter((name) => name !== 'data-scheme')).toEqual([])
    await ready(element)
  })

  it('passes host attributes (id, class, style, aria, data) to the element', async () => {
    const { element } = setup({
      id: 'sales',
      class: ['wide', { tall: true }],
      style: 'min-height: 400px',
      'aria-label': 'Sales',
      'data-testid': 'dash',
    })
    expect(element.id).toBe('sales')
    expect(element.getAttribute('class')).toBe('wide tall')
    expect(element.style.minHeight).toBe('400px')
    expect(element.getAttribute('aria-label')).toBe('Sales')
    expect(element.dataset.testid).toBe('dash')
    expect(element.hasAttribute('dashboard-id')).toBe(false)
    await ready(element)
  })

  it('changes filters in place: same element, one query per tile, nothing for equal filters', async () => {
    const { server, element, rerender } = setup({ filters: { region: ['EU'] } })
    await ready(element)
    expect(element.snapshot!.tiles.revenue!.data!.rows[0]![0]).toBe(100)
    const before = server.requests.length

    const onfilterchange = vi.fn()
    await rerender({ filters: { region: ['NA', 'APAC'] }, onfilterchange })
    expect(onfilterchange).toHaveBeenCalledTimes(1)
    expect(onfilterchange.mock.calls[0]![0].detail).toMatchObject({
      filters: { region: ['NA', 'APAC'] },
      origin: 'api',
    })
    await waitFor(() => expect(element.snapshot!.tiles.revenue!.data!.rows[0]![0]).toBe(500))
    await ready(element)
    expect(dashboardElements()).toEqual([element])
    const after = server.requests.slice(before)
    expect(after.map((r) => r.path).sort()).toEqual([
      `${TILES}orders/query`,
      `${TILES}revenue/query`,
    ])
    expect(
      after.every((r) => JSON.stringify(r.body) === '{"filters":{"region":["NA","APAC"]}}'),
    ).toBe(true)

    // The same filters as a new object: nothing is sent.
    await rerender({ filters: { region: ['NA', 'APAC'] } })
    await tick()
    expect(server.requests.length).toBe(before + 2)
    expect(server.tokenCalls).toHaveLength(1)
  })

  it('bind:filters follows the filters chosen on the element, and sends the host’s back', async () => {
    const { server, element, rerender } = setup()
    await ready(element)
    expect(boundFilters()).toBeNull()

    // As the filter bar does for the person using it.
    element.setFilters({ region: ['APAC'] })
    await waitFor(() => expect(boundFilters()).toEqual({ region: ['APAC'] }))
    await ready(element)
    const before = server.requests.length
    // Writing the bound value back to the element changes nothing.
    await tick()
    expect(server.requests.length).toBe(before)
    expect(element.snapshot!.tiles.revenue!.data!.rows[0]![0]).toBe(300)

    await rerender({ filters: { region: ['EU'] } })
    await waitFor(() => expect(element.snapshot!.tiles.revenue!.data!.rows[0]![0]).toBe(100))
    expect(boundFilters()).toEqual({ region: ['EU'] })
    expect(server.requests.length).toBe(before + 2)

    // Svelte code changes bound state in place: that is a change too.
    screen.getByRole('button', { name: 'Only NA' }).click()
    await waitFor(() => expect(element.snapshot!.tiles.revenue!.data!.rows[0]![0]).toBe(200))
    expect(element.filters).toEqual({ region: ['NA'] })
    expect(server.requests.length).toBe(before + 4)
  })

  it('shows another dashboard in the same element when dashboardId changes', async () => {
    const { server, element, rerender } = setup()
    await ready(element)
    await rerender({ dashboardId: 'missing' })
    expect(dashboardElements()).toEqual([element])
    await waitFor(() => expect(element.snapshot?.error?.code).toBe('not_found'))
    expect(server.tokenCalls).toHaveLength(1)
  })

  it('changes its own theme in place without a request', async () => {
    const { server, element, rerender } = setup({ theme: 'light', contextTheme: 'dark' })
    await ready(element)
    expect(element.dataset.scheme).toBe('light')
    const before = server.requests.length
    await rerender({ theme: 'dark' })
    expect(dashboardElements()).toEqual([element])
    expect(element.theme).toBe('dark')
    expect(element.dataset.scheme).toBe('dark')
    await tick()
    expect(server.requests.length).toBe(before)
  })

  it('sends each event to the latest callback, once', async () => {
    const early = vi.fn()
    const late = vi.fn()
    const { element, rerender } = setup({ onfilterchange: early })
    await ready(element)
    // Defaults applied at load are not a filter change.
    expect(early).not.toHaveBeenCalled()
    await rerender({ onfilterchange: late })
    element.setFilters({ region: ['EU'] })
    await ready(element)
    expect(early).not.toHaveBeenCalled()
    expect(late).toHaveBeenCalledTimes(1)
    const event = late.mock.calls[0]![0] as CustomEvent
    expect(event.type).toBe('inset-filter-change')
    expect(event.detail).toMatchObject({ filters: { region: ['EU'] }, origin: 'api' })
  })

  it('maps every dashboard event of the table to its callback', async () => {
    const callbacks = {
      onready: vi.fn(),
      onerror: vi.fn(),
      onstatechange: vi.fn(),
      onfilterchange: vi.fn(),
      ondatapointclick: vi.fn(),
      onaskabout: vi.fn(),
    }
    const { element } = setup({ dashboardId: 'missing', ...callbacks })
    await waitFor(() => expect(callbacks.onerror).toHaveBeenCalledTimes(1))
    expect(callbacks.onerror.mock.calls[0]![0].detail.error.code).toBe('not_found')
    expect(callbacks.onstatechange.mock.calls.map(([event]) => event.detail.state)).toContain(
      'error',
    )
    dispatchInsetEvent(element, 'inset-data-point-click', {
      source: 'dashboard',
      columns: [],
      row: ['EU', 100],
      value: 100,
    })
    dispatchInsetEvent(element, 'inset-ready', {
      source: 'dashboard',
      dashboardId: 'missing',
      definition,
    })
    dispatchInsetEvent(element, 'inset-ask-about', {
      dashboardId: 'missing',
      tileId: 'revenue',
      title: 'Revenue',
      filters: {},
    })
    expect(callbacks.ondatapointclick.mock.calls[0]![0].detail.value).toBe(100)
    expect(callbacks.onaskabout.mock.calls[0]![0].detail.tileId).toBe('revenue')
    expect(callbacks.onready).toHaveBeenCalledTimes(1)
    expect(callbacks.onfilterchange).not.toHaveBeenCalled()
  })

  it('stops listening and loading when destroyed', async () => {
    const onfilterchange = vi.fn()
    const { server, element, unmount } = setup({ onfilterchange })
    await ready(element)
    unmount()
    await tick()
    const before = server.requests.length
    dispatchInsetEvent(element, 'inset-filter-change', {
      dashboardId: 'sales-overview',
      filters: {},
      origin: 'user',
    })
    element.refresh()
    await tick()
    expect(onfilterchange).not.toHaveBeenCalled()
    expect(server.requests.length).toBe(before)
    expect(element.snapshot).toBeUndefined()
  })

  it('loads once per mount when shown again, on the same token, with nothing left behind', async () => {
    const { server, element, rerender } = setup()
    await ready(element)
    await rerender({ show: false })
    expect(dashboardElements()).toEqual([])
    await rerender({ show: true })
    const [again] = dashboardElements()
    expect(again).not.toBe(element)
    await ready(again)
    expect(server.tokenCalls).toHaveLength(1)
    expect(server.count(LOAD, 'POST')).toBe(2)
    expect(server.requests).toHaveLength(2)
    expect(element.snapshot).toBeUndefined()
  })
})
