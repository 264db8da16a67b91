// Shared by the component and helper tests: the fake server's URL and waiting for a dashboard.
import type { InsetDashboardElement } from '@inset/elements'
import { waitFor } from '@testing-library/svelte'
import { expect } from 'vitest'

export const SERVER = 'https://inset.test'
/** Path prefix of the tile queries of `sales-overview`. */
export const TILES = '/v1/dashboards/sales-overview/tiles/'
/** `sales-overview`'s definition with its tiles' first results, in one request. */
export const LOAD = '/v1/dashboards/sales-overview/load'

export function dashboardElements(): InsetDashboardElement[] {
  return [...document.querySelectorAll('inset-dashboard')]
}

/** Waits until the `<inset-dashboard>` has loaded everything. */
export async function ready(element: Element | null | undefined): Promise<void> {
  await waitFor(() => expect((element as InsetDashboardElement).snapshot?.state).toBe('ready'))
}
