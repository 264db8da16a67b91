import { Component, reflectComponentType, signal } from '@angular/core'
import { TestBed } from '@angular/core/testing'
import type { Filters } from '@inset/core'
import {
  dispatchInsetEvent,
  elementProperties,
  eventKey,
  INSET_ELEMENTS,
  InsetDashboardElement,
  type InsetEvent,
} from '@inset/elements'
import { createFakeServer, definition, type FakeServer } from '@inset/test-utils/fake-server'
import { describe, expect, it, vi } from 'vitest'
import { dashboardElements, LOAD, provideFakeInset, ready, SERVER, TILES } from '../test/harness'
import { InsetDashboard } from './index'

@Component({
  imports: [InsetDashboard],
  template: `
    @if (shown()) {
      <inset-dashboard
        id="sales"
        class="wide"
        aria-label="Sales"
        [dashboardId]="dashboardId()"
        [(filters)]="filters"
        [theme]="theme()"
        [locale]="locale()"
        (ready)="seen.push($event)"
        (filterChange)="seen.push($event)"
        (dataPointClick)="seen.push($event)"
        (askAbout)="seen.push($event)"
      />
    }
  `,
})
class Host {
  readonly shown = signal(true)
  readonly dashboardId = signal('sales-overview')
  readonly filters = signal<Filters | undefined>(undefined)
  readonly theme = signal<'light' | 'dark' | undefined>(undefined)
  readonly locale = signal<string | undefined>(undefined)
  readonly seen: Event[] = []
}

function mount(server: FakeServer) {
  TestBed.configureTestingModule({ providers: [provideFakeInset(server)] })
  const fixture = TestBed.createComponent(Host)
  fixture.detectChanges()
  return { fixture, host: fixture.componentInstance }
}

const revenue = (element: InsetDashboardElement) =>
  element.snapshot?.tiles['revenue']?.data?.rows[0]?.[0]

describe('InsetDashboard', () => {
  it('is the custom element itself: one element, one token fetch, one request per tile', async () => {
    const server = createFakeServer()
    const { fixture, host } = mount(server)
    const [element] = dashboardElements()
    expect(element).toBeInstanceOf(InsetDashboardElement)
    expect(fixture.nativeElement.children[0]).toBe(element)
    await ready(element)

    expect(dashboardElements()).toHaveLength(1)
    expect(element!.inset?.serverUrl).toBe(SERVER)
    expect(element!.dashboardId).toBe('sales-overview')
    expect(server.tokenCalls).toHaveLength(1)
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${LOAD}`])
    expect(Object.keys(element!.snapshot!.tiles)).toEqual(definition.tiles.map((tile) => tile.id))
    expect(host.seen.map((event) => event.type)).toEqual(['inset-ready'])
    // Host attributes land on the element; inputs are properties, never stringified attributes.
    expect(element!.id).toBe('sales')
    expect(element!.className).toBe('wide')
    expect(element!.getAttribute('aria-label')).toBe('Sales')
    expect(element!.hasAttribute('dashboard-id')).toBe(false)
  })

  it('writes inputs to the element in place: filters, theme and locale without a new element', async () => {
    const server = createFakeServer()
    const { fixture, host } = mount(server)
    const [element] = dashboardElements()
    await ready(element)
    expect(revenue(element!)).toBe(600)
    const before = server.requests.length

    host.filters.set({ region: ['NA', 'APAC'] })
    host.theme.set('dark')
    host.locale.set('de-DE')
    fixture.detectChanges()
    expect(element!.theme).toBe('dark')
    expect(element!.locale).toBe('de-DE')
    await vi.waitFor(() => expect(revenue(element!)).toBe(500))
    await ready(element)
    expect(dashboardElements()).toEqual([element])
    const after = server.requests.slice(before)
    expect(after.map((request) => request.path).sort()).toEqual([
      `${TILES}orders/query`,
      `${TILES}revenue/query`,
    ])
    expect(
      after.every((r) => JSON.stringify(r.body) === '{"filters":{"region":["NA","APAC"]}}'),
    ).toBe(true)

    // The same filters as a new object: nothing is sent.
    host.filters.set({ region: ['NA', 'APAC'] })
    fixture.detectChanges()
    await fixture.whenStable()
    expect(server.requests.length).toBe(before + 2)
    expect(server.tokenCalls).toHaveLength(1)
  })

  it("sends 'Ask about this' to the template's (askAbout) handler, typed by the table", async () => {
    const server = createFakeServer()
    const { host } = mount(server)
    const [element] = dashboardElements()
    await ready(element)
    host.seen.length = 0
    const detail = {
      dashboardId: 'sales-overview',
      tileId: 'revenue',
      title: 'Revenue',
      filters: {},
    }
    dispatchInsetEvent(element!, 'inset-ask-about', detail)
    const [asked] = host.seen as InsetEvent<'inset-ask-about'>[]
    expect(asked?.type).toBe('inset-ask-about')
    expect(asked?.detail).toEqual(detail)
  })

  it('binds filters two ways: a change in the element reaches the host through [(filters)]', async () => {
    const server = createFakeServer()
    const { fixture, host } = mount(server)
    const [element] = dashboardElements()
    await ready(element)
    host.seen.length = 0

    element!.setFilters({ region: ['EU'] })
    expect(host.filters()).toEqual({ region: ['EU'] })
    const [change] = host.seen as InsetEvent<'inset-filter-change'>[]
    expect(change?.type).toBe('inset-filter-change')
    expect(change?.detail).toEqual({
      dashboardId: 'sales-overview',
      filters: { region: ['EU'] },
      origin: 'api',
    })
    // The value coming back in as an input sends nothing more.
    fixture.detectChanges()
    await vi.waitFor(() => expect(revenue(element!)).toBe(100))
    await fixture.whenStable()
    // One load, then a query per tile for the change.
    expect(server.count(LOAD)).toBe(1)
    expect(server.count(TILES)).toBe(definition.tiles.length)
    expect(host.seen).toHaveLength(1)
  })

  it('shows another dashboard in the same element when dashboardId changes', async () => {
    const server = createFakeServer()
    const { fixture, host } = mount(server)
    const [element] = dashboardElements()
    await ready(element)
    host.dashboardId.set('other')
    fixture.detectChanges()
    await vi.waitFor(() => expect(server.count('/v1/dashboards/other', 'GET')).toBe(1))
    expect(dashboardElements()).toEqual([element])
    expect(element!.dashboardId).toBe('other')
  })

  it('maps every event of the table to its output, typed by the table', () => {
    const server = createFakeServer()
    TestBed.configureTestingModule({ providers: [provideFakeInset(server)] })
    const fixture = TestBed.createComponent(InsetDashboard)
    fixture.componentRef.setInput('dashboardId', 'sales-overview')
    const emitted: string[] = []
    for (const name of INSET_ELEMENTS['inset-dashboard'].events)
      (
        fixture.componentInstance[eventKey(name)] as { subscribe(fn: (e: Event) => void): void }
      ).subscribe((event) => emitted.push(`${eventKey(name)}:${event.type}`))
    for (const name of INSET_ELEMENTS['inset-dashboard'].events)
      fixture.nativeElement.dispatchEvent(new CustomEvent(name, { detail: {} }))
    expect(emitted).toEqual(
      INSET_ELEMENTS['inset-dashboard'].events.map((name) => `${eventKey(name)}:${name}`),
    )
  })

  it('declares exactly the inputs and outputs of the elements table', () => {
    const mirror = reflectComponentType(InsetDashboard)!
    expect(mirror.selector).toBe('inset-dashboard')
    expect(mirror.inputs.map((input) => input.propName).sort()).toEqual(
      elementProperties('inset-dashboard', { connection: false }).sort(),
    )
    expect(mirror.outputs.map((output) => output.templateName).sort()).toEqual(
      [...INSET_ELEMENTS['inset-dashboard'].events.map(eventKey), 'filtersChange'].sort(),
    )
  })

  it('stops listening and loading when destroyed, and aborts what is in flight', async () => {
    const server = createFakeServer()
    server.hold()
    const { fixture, host } = mount(server)
    const [element] = dashboardElements()
    await vi.waitFor(() => expect(server.count(LOAD, 'POST')).toBe(1))
    const pending = server.requests.filter((request) => request.signal)
    host.shown.set(false)
    fixture.detectChanges()
    await fixture.whenStable()
    expect(dashboardElements()).toEqual([])
    expect(pending.length).toBeGreaterThan(0)
    expect(pending.every((request) => request.signal!.aborted)).toBe(true)

    const seen = host.seen.length
    const requests = server.requests.length
    server.release()
    element!.dispatchEvent(new CustomEvent('inset-ready', { detail: {} }))
    await fixture.whenStable()
    expect(host.seen).toHaveLength(seen)
    expect(server.requests).toHaveLength(requests)
  })

  it('sends nothing twice when re-created: one token, and the first element never loads', async () => {
    const server = createFakeServer()
    const { fixture, host } = mount(server)
    // Destroyed and created again in the same turn, as an @if flipping back and forth does.
    host.shown.set(false)
    fixture.detectChanges()
    host.shown.set(true)
    fixture.detectChanges()
    const [element] = dashboardElements()
    await ready(element)
    expect(dashboardElements()).toHaveLength(1)
    expect(server.tokenCalls).toHaveLength(1)
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${LOAD}`])

    // Created again later: a new element loads once, with the same token.
    host.shown.set(false)
    fixture.detectChanges()
    host.shown.set(true)
    fixture.detectChanges()
    await ready(dashboardElements()[0])
    expect(server.tokenCalls).toHaveLength(1)
    expect(server.count(LOAD, 'POST')).toBe(2)
    expect(server.requests).toHaveLength(2)
  })
})
