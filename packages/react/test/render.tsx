// Shared by the component and hook tests: the fake server's URL and a StrictMode provider for it.
import type { InsetDashboardElement } from '@inset/elements'
import type { FakeServer } from '@inset/fake-server'
import { waitFor } from '@testing-library/react'
import { type ReactNode, StrictMode } from 'react'
import { expect } from 'vitest'
import { InsetProvider } from '../src/index'

export const SERVER = 'https://inset.test'
/** Path prefix of the tile queries of `sales-overview`. */
export const TILES = '/v1/dashboards/sales-overview/tiles/'
/** `sales-overview`'s definition with its tiles' first results, in one request. */
export const LOAD = '/v1/dashboards/sales-overview/load'

/** A `wrapper` for Testing Library: the tree inside StrictMode and a provider of `server`. */
export function providerFor(server: FakeServer) {
  return ({ children }: { children: ReactNode }) => (
    <StrictMode>
      <InsetProvider serverUrl={SERVER} fetchToken={server.fetchToken} fetch={server.fetch}>
        {children}
      </InsetProvider>
    </StrictMode>
  )
}

export function dashboardElements(): Element[] {
  return [...document.querySelectorAll('inset-dashboard')]
}

/** Waits until the `<inset-dashboard>` has loaded everything. */
export async function ready(element: Element | null | undefined): Promise<void> {
  await waitFor(() => expect((element as InsetDashboardElement).snapshot?.state).toBe('ready'))
}
