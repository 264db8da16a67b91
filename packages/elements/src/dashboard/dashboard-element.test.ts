import type { QueryResult } from '@inset/core'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fakeServer, kpi, salesDefinition, settle } from '../../test/fixtures'
import type { InsetFilterChangeDetail } from '../events'
import { defineInsetElements } from '../register'
import type { InsetDashboardElement } from './dashboard-element'

beforeAll(() => defineInsetElements())
afterEach(() => {
  document.body.replaceChildren()
})

describe('<inset-dashboard>', () => {
  it('renders the definition and a KPI with its delta, and sends ready and state events', async () => {
    const server = fakeServer()
    const inset = server.inset()
    const element = document.createElement('inset-dashboard')
    const seen: string[] = []
    for (const type of ['inset-ready', 'inset-state-change'] as const)
      element.addEventListener(type, (event) =>
        seen.push(`${type}:${'state' in event.detail ? event.detail.state : event.detail.source}`),
      )
    element.inset = inset
    element.locale = 'en-US'
    element.setAttribute('dashboard-id', 'sales')
    document.body.append(element)
    const root = element.shadowRoot!
    await settle(element, () => root.querySelector('.kpi-value')?.textContent === '$1,200')
    expect(root.querySelector('.dash-title')?.textContent).toBe('Sales')
    expect(root.querySelector('.delta')?.className).toBe('delta up')
    expect(root.querySelector('.delta span[aria-hidden]')?.textContent).toBe('+20.0%')
    expect(root.querySelector('section.tile')?.getAttribute('aria-busy')).toBe('false')
    expect(seen).toContain('inset-ready:dashboard')
    expect(seen.at(-1)).toBe('inset-state-change:ready')
  })

  it('takes properties set before it was defined, and maps filters to the controller', async () => {
    const server = fakeServer()
    const inset = server.inset()
    // Simulates a framework writing properties on an element that is not upgraded yet.
    const early = document.createElement('inset-dashboard-early')
    Object.assign(early, { inset, dashboardId: 'sales', filters: { region: ['EU'] } })
    customElements.define(
      'inset-dashboard-early',
      class extends (customElements.get('inset-dashboard') as typeof InsetDashboardElement) {},
    )
    customElements.upgrade(early)
    const changes: unknown[] = []
    early.addEventListener('inset-filter-change', (event) =>
      changes.push((event as CustomEvent).detail),
    )
    document.body.append(early)
    const root = early.shadowRoot!
    await settle(
      early,
      () =>
        root.querySelector('.kpi-value')?.textContent !== undefined &&
        root.querySelector('.delta.down') !== null,
    )
    expect(server.bodies.at(-1)).toEqual({ filters: { region: ['EU'] } })
    ;(early as unknown as InsetDashboardElement).filters = { region: ['NA'] }
    await settle(early, () => root.querySelector('.delta.up') !== null)
    expect(server.bodies.at(-1)).toEqual({ filters: { region: ['NA'] } })
    expect(changes.at(-1)).toEqual({
      dashboardId: 'sales',
      filters: { region: ['NA'] },
      origin: 'api',
    })
  })

  it('sends inset-filter-change for changes after load, never for the defaults applied at load', async () => {
    const server = fakeServer(salesDefinition(['EU', 'NA']))
    const element = document.createElement('inset-dashboard')
    const changes: InsetFilterChangeDetail[] = []
    element.addEventListener('inset-filter-change', (event) => changes.push(event.detail))
    element.inset = server.inset()
    element.dashboardId = 'sales'
    document.body.append(element)
    const root = element.shadowRoot!
    await settle(element, () => root.querySelector('.delta.down') !== null)
    // The defaults replaced the (empty) filters it started with: in effect, but nobody changed them.
    expect(element.filters).toEqual({ region: ['EU', 'NA'] })
    expect(server.bodies).toEqual([{ filters: { region: ['EU', 'NA'] } }])
    // The definition with its tile's result: one request (the server applied the default).
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /v1/dashboards/sales/load',
    ])
    element.refresh()
    await settle(element, () => server.bodies.length === 2 && element.snapshot?.state === 'ready')
    element.setFilters({ region: ['EU', 'NA'] })
    expect(changes).toEqual([])

    // The user unticks EU in the filter bar.
    const box = () => root.querySelector<HTMLInputElement>('.popover input[value="EU"]')
    await settle(element, () => box()?.checked === true)
    const eu = box()!
    eu.checked = false
    eu.dispatchEvent(new Event('change'))
    expect(changes).toEqual([{ dashboardId: 'sales', filters: { region: ['NA'] }, origin: 'user' }])
    await settle(element, () => root.querySelector('.delta.up') !== null)

    element.setFilters({ region: ['APAC'] })
    element.filters = { region: ['EU'] }
    expect(changes.slice(1)).toEqual([
      { dashboardId: 'sales', filters: { region: ['APAC'] }, origin: 'api' },
      { dashboardId: 'sales', filters: { region: ['EU'] }, origin: 'api' },
    ])
    await settle(element, () => element.snapshot?.state === 'ready')
    expect(changes).toHaveLength(3)
  })

  it('keeps one filter bar through refresh() and a change of dashboard', async () => {
    const server = fakeServer(salesDefinition(['EU']))
    const element = document.createElement('inset-dashboard')
    element.inset = server.inset()
    element.dashboardId = 'sales'
    document.body.append(element)
    const root = element.shadowRoot!
    const bars = () => root.querySelectorAll('[part="filter-bar"]')
    await settle(element, () => bars().length === 1 && element.snapshot?.state === 'ready')
    element.refresh()
    await settle(element, () => server.bodies.length === 2 && element.snapshot?.state === 'ready')
    expect(bars()).toHaveLength(1)
    element.dashboardId = 'missing'
    await settle(element, () => element.snapshot?.state === 'error')
    expect(bars()).toHaveLength(0)
    element.dashboardId = 'sales'
    await settle(element, () => element.snapshot?.state === 'ready' && bars().length > 0)
    expect(bars()).toHaveLength(1)
  })

  it('says "Showing the first N rows" under a table whose result was truncated', async () => {
    const top = (rows: Array<[string, number]>, truncated: boolean): QueryResult => ({
      columns: [
        { name: 'product', label: 'Product', type: 'string', role: 'dimension' },
        { name: 'revenue', label: 'Revenue', type: 'number', role: 'measure' },
      ],
      rows,
      meta: { rowCount: rows.length, durationMs: 1, ...(truncated && { truncated }) },
    })
    const definition = salesDefinition()
    definition.tiles.push({ id: 'top', title: 'Top', kind: 'table', layout: { w: 12, h: 3 } })
    const revenue = kpi(1200, 1000)
    const server = fakeServer(definition, {
      results: {
        revenue: { ...revenue, meta: { ...revenue.meta, truncated: true } },
        top: (body) =>
          body.filters?.region
            ? top([['Suite', 5]], false)
            : top(
                [
                  ['Suite', 9],
                  ['Router', 7],
                ],
                true,
              ),
      },
    })
    const element = document.createElement('inset-dashboard')
    element.inset = server.inset()
    element.dashboardId = 'sales'
    document.body.append(element)
    const root = element.shadowRoot!
    const note = () => root.querySelector<HTMLElement>('[data-tile="top"] .note')
    await settle(element, () => root.querySelectorAll('[data-tile="top"] tbody tr').length === 2)
    expect(note()?.hidden).toBe(false)
    expect(note()?.textContent).toBe('Showing the first 2 rows')
    // A KPI has no such line, whatever its meta says.
    expect(root.querySelector<HTMLElement>('[data-tile="revenue"] .note')?.hidden ?? true).toBe(
      true,
    )

    element.setFilters({ region: ['EU'] })
    await settle(element, () => root.querySelectorAll('[data-tile="top"] tbody tr').length === 1)
    expect(note()?.hidden).toBe(true)
  })

  it('resolves the theme attribute to a colour scheme on the host', async () => {
    const element = document.createElement('inset-dashboard')
    element.setAttribute('theme', 'dark')
    document.body.append(element)
    await Promise.resolve()
    expect(element.dataset.scheme).toBe('dark')
    element.theme = { mode: 'light', colors: { primary: '#7c3aed' } }
    expect(element.dataset.scheme).toBe('light')
  })

  it('says how to connect when it has neither inset nor serverUrl + fetchToken', async () => {
    const element = document.createElement('inset-dashboard')
    element.dashboardId = 'sales'
    document.body.append(element)
    await settle(element, () => (element.shadowRoot?.textContent ?? '').includes('serverUrl'))
  })
})
