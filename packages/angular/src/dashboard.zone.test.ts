import { Component, NgZone, signal } from '@angular/core'
import { TestBed } from '@angular/core/testing'
import { createFakeServer } from '@inset/test-utils/fake-server'
import { describe, expect, it, vi } from 'vitest'
import { dashboardElements, LOAD, ready, SERVER } from '../test/harness'
import { InsetDashboard, injectDashboard, provideInset } from './index'

// Under zone.js: handlers run in Angular's zone (a plain field shows without a signal), while the
// elements' and core's work (token fetches, requests and the timers after them) stays outside it,
// so it neither runs change detection for nothing nor keeps the app from being stable.
@Component({
  imports: [InsetDashboard],
  template: `
    <inset-dashboard dashboardId="sales-overview" (ready)="onReady()" />
    @if (second()) {
      <inset-dashboard dashboardId="sales-overview" [filters]="{ region: ['EU'] }" />
    }
    <p>{{ readies }}:{{ inZone }}</p>
  `,
})
class Dashboards {
  readonly second = signal(false)
  readies = 0
  inZone: boolean | undefined

  onReady(): void {
    this.readies++
    this.inZone = NgZone.isInAngularZone()
  }
}

@Component({ template: `<p>{{ sales.state() }}</p>` })
class Report {
  readonly sales = injectDashboard('sales-overview')
}

/** The fake server, recording whether each token fetch and request ran in Angular's zone. */
function setup() {
  const server = createFakeServer()
  const inZone: boolean[] = []
  TestBed.configureTestingModule({
    providers: [
      provideInset({
        serverUrl: SERVER,
        fetchToken: () => {
          inZone.push(NgZone.isInAngularZone())
          return server.fetchToken()
        },
        fetch: (input, init) => {
          inZone.push(NgZone.isInAngularZone())
          return server.fetch(input, init)
        },
      }),
    ],
  })
  const zone = TestBed.inject(NgZone)
  // A real NgZone, not zoneless's no-op one.
  expect(zone.run(() => NgZone.isInAngularZone())).toBe(true)
  return { server, zone, inZone }
}

describe('under zone.js', () => {
  it('components: outputs run in the zone, the elements’ work stays out of it', async () => {
    const { server, zone, inZone } = setup()
    const fixture = TestBed.createComponent(Dashboards)
    fixture.autoDetectChanges()
    // In the root template (connected before the component exists) and in an @if (created apart).
    fixture.componentInstance.second.set(true)
    await fixture.whenStable()
    const elements = dashboardElements()
    expect(elements).toHaveLength(2)
    await ready(elements[0])
    await ready(elements[1])
    await vi.waitFor(() =>
      expect(fixture.nativeElement.querySelector('p').textContent).toBe('1:true'),
    )
    expect(server.tokenCalls).toHaveLength(1)
    // 1 token + 2 × one load (definition and tiles), every one outside the zone.
    expect(server.requests.map((r) => r.path)).toEqual([LOAD, LOAD])
    expect(inZone).toEqual(Array(3).fill(false))
    await fixture.whenStable()
    expect(zone.isStable).toBe(true)
  })

  it('injectDashboard: signals render, its subscription and requests stay out of the zone', async () => {
    const { server, inZone } = setup()
    const fixture = TestBed.createComponent(Report)
    fixture.autoDetectChanges()
    await vi.waitFor(() => expect(fixture.nativeElement.textContent).toBe('ready'))
    expect(server.tokenCalls).toHaveLength(1)
    // 1 token + one load (definition and tiles).
    expect(server.requests.map((r) => r.path)).toEqual([LOAD])
    expect(inZone).toEqual(Array(2).fill(false))
  })
})
