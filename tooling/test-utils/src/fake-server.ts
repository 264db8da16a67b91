// A fake Inset server behind core's `fetch` seam: it answers the embed routes and records every
// request, so tests count what the binding makes core send.
import type { DashboardDefinition, QueryResult } from '@inset/core'

export const definition: DashboardDefinition = {
  id: 'sales-overview',
  title: 'Sales overview',
  filters: [
    {
      id: 'region',
      type: 'select',
      label: 'Region',
      dimension: 'region',
      multiple: true,
      options: ['EU', 'NA', 'APAC'],
    },
  ],
  tiles: [
    { id: 'revenue', title: 'Revenue', kind: 'kpi', layout: { w: 3, h: 1 } },
    { id: 'orders', title: 'Orders', kind: 'kpi', layout: { w: 3, h: 1 } },
  ],
}

/** Revenue per region in the fake data. */
const REVENUE: Record<string, number> = { EU: 100, NA: 200, APAC: 300 }

function kpi(filters: { region?: string[] }, tileId: string): QueryResult {
  const regions = filters.region ?? Object.keys(REVENUE)
  const revenue = regions.reduce((sum, region) => sum + (REVENUE[region] ?? 0), 0)
  return {
    columns: [
      { name: 'value', label: 'Value', type: 'number', role: 'measure' },
      { name: 'previous', label: 'Previous', type: 'number', role: 'measure' },
    ],
    rows: [[tileId === 'revenue' ? revenue : regions.length, null]],
    meta: { rowCount: 1, durationMs: 1 },
  }
}

export interface RecordedRequest {
  method: string
  path: string
  body: unknown
  authorization: string | null
  signal: AbortSignal | undefined
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** The fake server's `fetch`, the token endpoint's `fetchToken`, and what each received. */
export function createFakeServer() {
  const requests: RecordedRequest[] = []
  const tokenCalls: string[] = []
  let tokenSerial = 0
  let held: Promise<void> | undefined
  let release = () => {}
  /** Answers of the assistant route, as SSE frames. */
  let answer = [
    'event: text\ndata: {"delta":"Revenue is "}\n\n',
    'event: text\ndata: {"delta":"600."}\n\n',
    'event: done\ndata: {}\n\n',
  ]

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input))
    const headers = new Headers(init.headers)
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined
    requests.push({
      method: init.method ?? 'GET',
      path: url.pathname + url.search,
      body,
      authorization: headers.get('authorization'),
      signal: init.signal ?? undefined,
    })
    await (held ?? Promise.resolve())
    if (init.signal?.aborted) throw init.signal.reason
    const tile = url.pathname.match(/^\/v1\/dashboards\/sales-overview\/tiles\/([^/]+)\/query$/)
    if (url.pathname === '/v1/dashboards/sales-overview') return json(definition)
    if (tile) return json(kpi(body.filters, tile[1]!))
    if (url.pathname === '/v1/assistant/suggestions')
      return json({ suggestions: ['Revenue by region'] })
    if (url.pathname === '/v1/assistant')
      return new Response(answer.join(''), { headers: { 'content-type': 'text/event-stream' } })
    return json({ error: { code: 'not_found', message: `No route ${url.pathname}` } }, 404)
  }

  const fetchToken = async () => {
    tokenCalls.push('token')
    return { token: `token-${++tokenSerial}`, expiresAt: Date.now() + 600_000 }
  }

  return {
    fetch: fetch as typeof globalThis.fetch,
    fetchToken,
    requests,
    tokenCalls,
    /** Requests to a path (prefix), e.g. `count('/v1/dashboards/sales-overview/tiles')`. */
    count: (prefix: string, method?: string) =>
      requests.filter((r) => r.path.startsWith(prefix) && (!method || r.method === method)).length,
    /** Holds every answer until `release()`. */
    hold() {
      held = new Promise((resolve) => {
        release = () => {
          held = undefined
          resolve()
        }
      })
    },
    release: () => release(),
    setAnswer(frames: string[]) {
      answer = frames
    },
  }
}

export type FakeServer = ReturnType<typeof createFakeServer>
