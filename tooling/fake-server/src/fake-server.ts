// The one fake Inset server of the unit tests, behind core's `fetch` seam: it answers the embed
// routes of one dashboard and the assistant, records every request, and (given a `secret`) checks
// HS256 tokens against its own clock as the real server does. Core, elements and every binding
// run their real code on top of it; the browser suites use the real server instead.
import { createHmac, timingSafeEqual } from 'node:crypto'
// Types only, by path: a package edge to @inset/core would make core -> fake-server -> core a cycle.
import type { DashboardDefinition, QueryResult } from '../../../packages/core/src/wire'

/** `sales-overview`: a multi-select `region` filter and two KPI tiles. */
export const definition: DashboardDefinition = salesDefinition()

/**
 * A dashboard with a region filter (`default` optional) and the KPI tiles `revenue` and `orders`.
 *
 * @example fakeServer({ definition: salesDefinition(['EU']) })
 */
export function salesDefinition(
  regionDefault?: string[],
  id = 'sales-overview',
): DashboardDefinition {
  return {
    id,
    title: 'Sales overview',
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
      { id: 'revenue', title: 'Revenue', kind: 'kpi', layout: { w: 3, h: 1 }, compare: true },
      { id: 'orders', title: 'Orders', kind: 'kpi', layout: { w: 3, h: 1 } },
    ],
  }
}

/** A KPI result `[value, previous]`. */
export const kpi = (value: number, previous: number | null): QueryResult => ({
  columns: [
    { name: 'value', label: 'Value', type: 'number', role: 'measure', format: 'currency' },
    { name: 'previous', label: 'Previous', type: 'number', role: 'measure', format: 'currency' },
  ],
  rows: [[value, previous]],
  meta: { rowCount: 1, durationMs: 1 },
})

/** Revenue per region in the fake data: a tile's answer is the sum over the selected regions. */
export const REVENUE: Readonly<Record<string, number>> = { EU: 100, NA: 200, APAC: 300 }

export type TileBody = { filters?: { region?: string[] } }

function defaultResult(body: TileBody, tileId: string): QueryResult {
  const regions = body.filters?.region ?? Object.keys(REVENUE)
  const revenue = regions.reduce((sum, region) => sum + (REVENUE[region] ?? 0), 0)
  return kpi(tileId === 'revenue' ? revenue : regions.length, null)
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url')

/** A real HS256 JWT, as `@inset/node` mints them. */
export function signToken(claims: Record<string, unknown>, secret = 'test-secret'): string {
  const head = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: 'demo' }))}.${base64url(JSON.stringify(claims))}`
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`
}

export interface RecordedRequest {
  method: string
  path: string
  body: unknown
  authorization: string | null
  signal: AbortSignal | undefined
}

export interface FakeServerOptions {
  /** The one dashboard it serves. Default `definition` (`sales-overview`). */
  definition?: DashboardDefinition
  /** Answers by tile id, fixed or computed from the body; else the sum of `REVENUE`. */
  results?: Record<string, QueryResult | ((body: TileBody) => QueryResult)>
  /** The definition is answered once this settles. */
  definitionGate?: Promise<unknown>
  /** The assistant's stream: `[event, data]` pairs, or made from the question. */
  answer?: AnswerFrames | ((question: string) => AnswerFrames)
  suggestions?: string[]
  /** Verify tokens: HS256 with this secret, `exp` against the server's clock (else any token). */
  secret?: string
  /** The server's clock minus the local clock, in ms. */
  clockOffsetMs?: number
  /** Latency of each answer in ms; the token is checked on arrival, as a real server does. */
  latencyMs?: () => number
}

export type AnswerFrames = Array<[event: string, data: unknown]>

const DEFAULT_ANSWER: AnswerFrames = [
  ['text', { delta: 'Revenue is ' }],
  ['text', { delta: '600.' }],
  ['done', {}],
]

/**
 * The fake server's `fetch`, a token endpoint's `fetchToken`, and what each received.
 *
 * @example
 * const server = createFakeServer()
 * const inset = createInset(server.options) // serverUrl, fetchToken and fetch of this server
 * expect(server.count('/v1/dashboards/sales-overview/tiles')).toBe(2)
 */
export function createFakeServer(options: FakeServerOptions = {}) {
  const { definition: served = definition, results = {}, secret, clockOffsetMs = 0 } = options
  const requests: RecordedRequest[] = []
  const bodies: unknown[] = []
  const tokenCalls: string[] = []
  const stats = { requests: 0, expired: 0, invalid: 0 }
  let answer = options.answer ?? DEFAULT_ANSWER
  let tokenSerial = 0
  let held: Promise<void> | undefined
  let release = () => {}
  const serverNow = () => Date.now() + clockOffsetMs

  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', date: new Date(serverNow()).toUTCString() },
    })

  function verify(authorization: string | null): 'ok' | 'expired' | 'invalid' {
    if (!secret) return 'ok'
    const [head, payload, signature] = (authorization ?? '').replace(/^Bearer /, '').split('.')
    if (!head || !payload || !signature) return 'invalid'
    const expected = createHmac('sha256', secret).update(`${head}.${payload}`).digest()
    const given = Buffer.from(signature, 'base64url')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid'
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    return claims.exp * 1000 <= serverNow() ? 'expired' : 'ok'
  }

  async function answerRequest(url: URL, request: RecordedRequest): Promise<Response> {
    const verdict = verify(request.authorization)
    if (verdict !== 'ok') {
      stats[verdict]++
      const code = verdict === 'expired' ? 'token_expired' : 'invalid_token'
      return json({ error: { code, message: `Token ${verdict}` } }, 401)
    }
    if (url.pathname === `/v1/dashboards/${served.id}`) {
      await options.definitionGate
      return json(served)
    }
    const resultOf = (tileId: string, body: TileBody) => {
      bodies.push(body)
      const fixed = results[tileId]
      return typeof fixed === 'function' ? fixed(body) : (fixed ?? defaultResult(body, tileId))
    }
    const tile = url.pathname.match(/^\/v1\/dashboards\/([^/]+)\/tiles\/([^/]+)\/query$/)
    if (tile?.[1] === served.id) return json(resultOf(tile[2]!, (request.body ?? {}) as TileBody))
    // The definition and every tile in one answer, as `POST …/load` does. Like the real server,
    // a filter left out of the request has its definition's default.
    if (url.pathname === `/v1/dashboards/${served.id}/load`) {
      await options.definitionGate
      const { filters = {}, drill = {} } = (request.body ?? {}) as TileBody & {
        drill?: Record<string, unknown[]>
      }
      const applied = { ...filters }
      for (const filter of served.filters)
        if (!Object.hasOwn(applied, filter.id) && filter.default !== undefined)
          Object.assign(applied, { [filter.id]: filter.default })
      const tiles = Object.fromEntries(
        served.tiles.map((entry) => [
          entry.id,
          {
            data: resultOf(entry.id, {
              filters: applied,
              ...(drill[entry.id]?.length && { drill: drill[entry.id] }),
            } as TileBody),
          },
        ]),
      )
      return json({ definition: served, tiles })
    }
    if (url.pathname === '/v1/assistant/suggestions')
      return json({ suggestions: options.suggestions ?? ['Revenue by region'] })
    if (url.pathname === '/v1/assistant') {
      const { question = '' } = (request.body ?? {}) as { question?: string }
      const frames = typeof answer === 'function' ? answer(question) : answer
      return new Response(
        frames
          .map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
          .join(''),
        { headers: { 'content-type': 'text/event-stream' } },
      )
    }
    return json({ error: { code: 'not_found', message: `No route ${url.pathname}` } }, 404)
  }

  const fetch = async (
    input: string | URL | Request,
    init: RequestInit = {},
  ): Promise<Response> => {
    const url = new URL(String(input instanceof Request ? input.url : input))
    const headers = new Headers(init.headers)
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      path: url.pathname + url.search,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      authorization: headers.get('authorization'),
      signal: init.signal ?? undefined,
    }
    requests.push(request)
    stats.requests++
    await held
    if (init.signal?.aborted) throw init.signal.reason
    const latency = options.latencyMs?.() ?? 0
    if (latency <= 0) return answerRequest(url, request)
    return new Promise<Response>((resolve, reject) => {
      const response = answerRequest(url, request)
      const timer = setTimeout(() => resolve(response), latency)
      init.signal?.addEventListener('abort', () => {
        clearTimeout(timer)
        reject(init.signal!.reason)
      })
    })
  }

  /** Mints a token for 10 minutes: `token-<n>`, or a signed JWT when the server verifies. */
  const fetchToken = async () => {
    tokenCalls.push('token')
    const now = Math.floor(serverNow() / 1000)
    const claims = { sub: 'alice', iat: now, exp: now + 600, jti: String(++tokenSerial) }
    const token = secret ? signToken(claims, secret) : `token-${tokenSerial}`
    return { token, expiresAt: claims.exp * 1000 }
  }

  return {
    fetch: fetch as typeof globalThis.fetch,
    fetchToken,
    requests,
    /** Bodies of the tile queries, in order. */
    bodies,
    tokenCalls,
    /** Requests, and those refused for an expired or invalid token. */
    stats,
    /** Requests to a path (prefix), e.g. `count('/v1/dashboards/sales-overview/tiles')`. */
    count: (prefix: string, method?: string) =>
      requests.filter((r) => r.path.startsWith(prefix) && (!method || r.method === method)).length,
    /** What `createInset` needs to talk to this server: `createInset(server.options)`. */
    options: {
      serverUrl: 'https://inset.test',
      fetchToken,
      fetch: fetch as typeof globalThis.fetch,
    },
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
    setAnswer(next: AnswerFrames | ((question: string) => AnswerFrames)) {
      answer = next
    },
  }
}

export type FakeServer = ReturnType<typeof createFakeServer>
