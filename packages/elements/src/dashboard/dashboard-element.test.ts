import { createInset, type DashboardDefinition, type QueryResult } from '@inset/core'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { defineInsetElements } from '../register'
import type { InsetDashboardElement } from './dashboard-element'

// The seam is `fetch`: real core (token source, API client, controller) and the real element.
const definition: DashboardDefinition = {
  id: 'sales',
  title: 'Sales',
  filters: [
    {
      id: 'region',
      type: 'select',
      label: 'Region',
      dimension: 'region',
      multiple: true,
      options: ['EU', 'NA'],
    },
  ],
  tiles: [{ id: 'revenue', title: 'Revenue', kind: 'kpi', layout: { w: 6, h: 1 }, compare: true }],
}
const kpi = (value: number, previous: number | null): QueryResult => ({
  columns: [
    { name: 'value', label: 'Revenue', type: 'number', role: 'measure', format: 'currency' },
    { name: 'previous', label: 'Previous', type: 'number', role: 'measure', format: 'currency' },
  ],
  rows: [[value, previous]],
  meta: { rowCount: 1, durationMs: 1 },
})

function token(): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
  const now = Math.floor(Date.now() / 1000)
  return `${encode({ alg: 'HS256' })}.${encode({ iat: now, exp: now + 600 })}.sig`
}

function fakeServer() {
  const bodies: unknown[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input)
    if (url.endsWith('/v1/dashboards/sales')) return Response.json(definition)
    if (url.includes('/tiles/revenue/query')) {
      const body = JSON.parse(String(init?.body ?? '{}')) as { filters?: { region?: string[] } }
      bodies.push(body)
      return Response.json(body.filters?.region?.includes('EU') ? kpi(800, 1000) : kpi(1200, 1000))
    }
    return Response.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 })
  }
  return { fetch: fetch as typeof globalThis.fetch, bodies }
}

async function settle(element: HTMLElement, predicate: () => boolean) {
  for (let i = 0; i < 100 && !predicate(); i++)
    await new Promise((resolve) => setTimeout(resolve, 5))
  expect(predicate(), element.shadowRoot?.innerHTML.slice(0, 400)).toBe(true)
}

beforeAll(() => defineInsetElements())
afterEach(() => {
  document.body.replaceChildren()
})

describe('<inset-dashboard>', () => {
  it('renders the definition and a KPI with its delta, and sends ready and state events', async () => {
    const server = fakeServer()
    const inset = createInset({
      serverUrl: 'https://inset.test',
      fetchToken: async () => token(),
      fetch: server.fetch,
    })
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
    const inset = createInset({
      serverUrl: 'https://inset.test',
      fetchToken: async () => token(),
      fetch: server.fetch,
    })
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
