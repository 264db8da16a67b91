import { Component, Injector, signal } from '@angular/core'
import { TestBed } from '@angular/core/testing'
import type { Filters } from '@inset/core'
import { createFakeServer, definition, type FakeServer } from '@inset/test-utils/fake-server'
import { describe, expect, it, vi } from 'vitest'
import { LOAD, provideFakeInset, TILES } from '../test/harness'
import { injectDashboard } from './index'

@Component({
  template: `<p>{{ sales.state() }}:{{ revenue() ?? '' }}</p>`,
})
class Report {
  readonly filters = signal<Filters | undefined>({ region: ['EU'] })
  readonly sales = injectDashboard('sales-overview', { filters: this.filters })
  readonly revenue = () => this.sales.tiles()['revenue']?.data?.rows[0]?.[0]
}

function mount(server: FakeServer) {
  TestBed.configureTestingModule({ providers: [provideFakeInset(server)] })
  const fixture = TestBed.createComponent(Report)
  fixture.autoDetectChanges()
  return { fixture, report: fixture.componentInstance }
}

const text = (fixture: { nativeElement: HTMLElement }) => fixture.nativeElement.textContent

describe('injectDashboard', () => {
  it('gives the states and then the data as signals, rendered zoneless, one request each', async () => {
    const server = createFakeServer()
    const { fixture, report } = mount(server)
    await vi.waitFor(() => expect(text(fixture)).toBe('ready:100'))
    expect(report.sales.definition()?.id).toBe('sales-overview')
    expect(report.sales.filters()).toEqual({ region: ['EU'] })
    expect(report.sales.error()).toBeUndefined()
    expect(server.tokenCalls).toHaveLength(1)
    // The definition with every tile's result: one request.
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${LOAD}`])
  })

  it('follows a filters signal by content, one query per tile for a change', async () => {
    const server = createFakeServer()
    const { fixture, report } = mount(server)
    await vi.waitFor(() => expect(text(fixture)).toBe('ready:100'))
    report.filters.set({ region: ['NA'] })
    await vi.waitFor(() => expect(text(fixture)).toBe('ready:200'))
    report.filters.set({ region: ['NA'] })
    await fixture.whenStable()
    // One load, then a query per tile for the change (none for the equal copy).
    expect(server.count(LOAD)).toBe(1)
    expect(server.count(TILES)).toBe(definition.tiles.length)
  })

  it('gives setFilters, resetFilters and refresh', async () => {
    const server = createFakeServer()
    const { fixture, report } = mount(server)
    await vi.waitFor(() => expect(text(fixture)).toBe('ready:100'))
    report.sales.setFilters({ region: ['EU', 'APAC'] })
    await vi.waitFor(() => expect(text(fixture)).toBe('ready:400'))
    report.sales.resetFilters()
    await vi.waitFor(() => expect(text(fixture)).toBe('ready:600'))
    server.hold()
    report.sales.refresh()
    await vi.waitFor(() => expect(text(fixture)).toBe('updating:600'))
    server.release()
    await vi.waitFor(() => expect(text(fixture)).toBe('ready:600'))
  })

  it('reports a dashboard that fails as an error state', async () => {
    const server = createFakeServer()
    TestBed.configureTestingModule({ providers: [provideFakeInset(server)] })
    const sales = injectDashboard('missing', { injector: TestBed.inject(Injector) })
    TestBed.tick()
    await vi.waitFor(() => expect(sales.state()).toBe('error'))
    expect(sales.error()?.code).toBe('not_found')
  })

  it('stops, aborts what is in flight and releases the controller when destroyed', async () => {
    const server = createFakeServer()
    server.hold()
    const { fixture, report } = mount(server)
    await vi.waitFor(() => expect(server.requests.length).toBeGreaterThan(0))
    const controller = report.sales.controller
    fixture.destroy()
    expect(controller.getSnapshot().state).toBe('destroyed')
    expect(server.requests.every((request) => request.signal?.aborted)).toBe(true)
    const sent = server.requests.length
    server.release()
    await Promise.resolve()
    expect(server.requests).toHaveLength(sent)
  })

  it('asserts its injection context', () => {
    expect(() => injectDashboard('sales-overview')).toThrow(/injection context/)
  })
})
