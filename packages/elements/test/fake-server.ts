// The unit tests' seam: `fetch`. Real core (token source, API client, controllers) runs on top.
import { createInset, type DashboardDefinition, type Inset, type QueryResult } from '@inset/core'
import { expect } from 'vitest'

/** One dashboard with a region filter (`default` optional) and a KPI tile. */
export function salesDefinition(regionDefault?: string[]): DashboardDefinition {
  return {
    id: 'sales',
    title: 'Sales',
    filters: [
      {
        id: 'region',
        type: 'select',
        label: 'Region',
        dimension: 'region',
        multiple: true,
        options: ['EU', 'NA', 'APAC'],
        ...(regionDefault && { default: regionDefault }),
      },
    ],
    tiles: [
      { id: 'revenue', title: 'Revenue', kind: 'kpi', layout: { w: 6, h: 1 }, compare: true },
    ],
  }
}

/** A KPI result `[value, previous]`. */
export const kpi = (value: number, previous: number | null): QueryResult => ({
  columns: [
    { name: 'value', label: 'Revenue', type: 'number', role: 'measure', format: 'currency' },
    { name: 'previous', label: 'Previous', type: 'number', role: 'measure', format: 'currency' },
  ],
  rows: [[value, previous]],
  meta: { rowCount: 1, durationMs: 1 },
})

/** An unsigned token with `iat`/`exp`: the browser reads only those. */
export function token(): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
  const now = Math.floor(Date.now() / 1000)
  return `${encode({ alg: 'HS256' })}.${encode({ iat: now, exp: now + 600 })}.sig`
}

export interface FakeServer {
  fetch: typeof globalThis.fetch
  /** Bodies of the tile queries, in order. */
  bodies: unknown[]
  inset(): Inset
}

type Body = { filters?: { region?: string[] } }

export interface FakeServerOptions {
  /** Answers by tile id, fixed or computed from the request's body. */
  results?: Record<string, QueryResult | ((body: Body) => QueryResult)>
  /** The definition is answered once this settles. */
  definitionGate?: Promise<unknown>
  /** Events the assistant route streams, in order. */
  answer?: Array<[event: string, data: unknown]>
}

/**
 * Answers the dashboard routes of `definition`: the KPI is 800 (vs 1000) when EU is selected, else
 * 1200 (vs 1000); tiles answer `results[tileId]` when given. Suggestions are empty; the assistant
 * streams `answer`.
 */
export function fakeServer(
  definition: DashboardDefinition = salesDefinition(),
  { results = {}, definitionGate, answer = [] }: FakeServerOptions = {},
): FakeServer {
  const bodies: unknown[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input)
    if (url.endsWith(`/v1/dashboards/${definition.id}`)) {
      await definitionGate
      return Response.json(definition)
    }
    if (url.includes('/v1/assistant/suggestions')) return Response.json({ suggestions: [] })
    if (url.endsWith('/v1/assistant'))
      return new Response(
        answer
          .map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
          .join(''),
        { headers: { 'content-type': 'text/event-stream' } },
      )
    const tile = /\/tiles\/([^/]+)\/query$/.exec(url)?.[1]
    if (tile) {
      const body = JSON.parse(String(init?.body ?? '{}')) as Body
      bodies.push(body)
      const fixed = results[tile]
      if (fixed) return Response.json(typeof fixed === 'function' ? fixed(body) : fixed)
      return Response.json(body.filters?.region?.includes('EU') ? kpi(800, 1000) : kpi(1200, 1000))
    }
    return Response.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 })
  }
  return {
    fetch: fetch as typeof globalThis.fetch,
    bodies,
    inset: () =>
      createInset({
        serverUrl: 'https://inset.test',
        fetchToken: async () => token(),
        fetch: fetch as typeof globalThis.fetch,
      }),
  }
}

/** Waits (real timers, up to 0.5 s) for a condition on the rendered element. */
export async function settle(element: HTMLElement, predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !predicate(); i++)
    await new Promise((resolve) => setTimeout(resolve, 5))
  expect(predicate(), element.shadowRoot?.innerHTML.slice(0, 400)).toBe(true)
}
