// The elements' view of the shared fake server: a one-tile `sales` dashboard whose KPI is 800 (vs
// 1000) with EU selected, else 1200 (vs 1000); no suggestions; the assistant streams `answer`.
import { createInset, type DashboardDefinition } from '@inset/core'
import {
  createFakeServer,
  type FakeServerOptions,
  kpi,
  salesDefinition as sharedDefinition,
  type TileBody,
} from '@inset/fake-server'
import { expect } from 'vitest'

export { kpi }

/** `sales` with a region filter (`default` optional) and the KPI tile `revenue`. */
export function salesDefinition(regionDefault?: string[]): DashboardDefinition {
  const shared = sharedDefinition(regionDefault, 'sales')
  return { ...shared, title: 'Sales', tiles: shared.tiles.filter((tile) => tile.id === 'revenue') }
}

const revenue = (body: TileBody) =>
  body.filters?.region?.includes('EU') ? kpi(800, 1000) : kpi(1200, 1000)

export function fakeServer(
  definition: DashboardDefinition = salesDefinition(),
  options: Omit<FakeServerOptions, 'definition'> = {},
) {
  const server = createFakeServer({
    definition,
    suggestions: [],
    answer: [],
    ...options,
    results: { revenue, ...options.results },
  })
  return { ...server, inset: () => createInset(server.options) }
}

/** Waits (real timers, up to 0.5 s) for a condition on the rendered element. */
export async function settle(element: HTMLElement, predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !predicate(); i++)
    await new Promise((resolve) => setTimeout(resolve, 5))
  expect(predicate(), element.shadowRoot?.innerHTML.slice(0, 400)).toBe(true)
}
