// What the component and inject-function tests share: the fake server's URL, a provider of it,
// and waiting for an element to load.
import type { InsetDashboardElement } from '@inset/elements'
import type { FakeServer } from '@inset/test-utils/fake-server'
import { expect, vi } from 'vitest'
import type { InsetConfig } from '../src/context'
import { provideInset } from '../src/index'

export const SERVER = 'https://inset.test'
/** Path prefix of the tile queries of `sales-overview`. */
export const TILES = '/v1/dashboards/sales-overview/tiles/'
/** `sales-overview`'s definition with its tiles' first results, in one request. */
export const LOAD = '/v1/dashboards/sales-overview/load'

export const provideFakeInset = (server: FakeServer, theme?: InsetConfig['theme']) =>
  provideInset({ serverUrl: SERVER, fetchToken: server.fetchToken, fetch: server.fetch, theme })

export const dashboardElements = (): InsetDashboardElement[] => [
  ...document.querySelectorAll('inset-dashboard'),
]

/** Waits until the `<inset-dashboard>` has loaded everything. */
export async function ready(element: Element | null | undefined): Promise<void> {
  await vi.waitFor(() => expect((element as InsetDashboardElement).snapshot?.state).toBe('ready'))
}
