import { afterEach, describe, expect, it, vi } from 'vitest'
import { type Handler, sendJson, sseEvent, startServer } from '../test/server'
import { createIssuer, createManualScheduler } from '../test/support'
import { createApiClient } from './api'
import { InsetError } from './errors'
import { createTokenSource } from './token-source'
import type { DashboardDefinition } from './wire'

const definition: DashboardDefinition = {
  id: 'sales-overview',
  title: 'Sales overview',
  filters: [],
  tiles: [{ id: 'revenue', title: 'Revenue', kind: 'kpi', layout: { w: 3, h: 1 } }],
}

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function setup(handler: Handler, options: { timeoutMs?: number } = {}) {
  const server = await startServer(handler)
  const issuer = createIssuer()
  const tokens = createTokenSource({ fetchToken: issuer.fetchToken, environment: null })
  const scheduler = createManualScheduler()
  const api = createApiClient({ serverUrl: `${server.url}/`, tokens, scheduler, ...options })
  cleanups.push(server.close, tokens.destroy)
  return { server, issuer, tokens, scheduler, api }
}

describe('createApiClient: JSON routes', () => {
  it('fetches a dashboard with the bearer token', async () => {
    const { api, server, issuer } = await setup((_, response) =>
      sendJson(response, 200, definition),
    )
    expect(await api.getDashboard('sales-overview')).toEqual(definition)
    expect(server.requests).toEqual([
      {
        method: 'GET',
        url: '/v1/dashboards/sales-overview',
        authorization: `Bearer ${issuer.issued[0]}`,
        accept: 'application/json',
        body: undefined,
      },
    ])
  })

  it('posts tile queries with their filters, and encodes ids', async () => {
    const result = { columns: [], rows: [[1, 2]], meta: { rowCount: 1, durationMs: 3 } }
    const { api, server } = await setup((_, response) => sendJson(response, 200, result))
    const filters = { region: ['EU'], date: { from: '2025-01-01' } }
    expect(await api.queryTile('sales/overview', 'a b', { filters })).toEqual(result)
    expect(await api.queryTile('d', 't')).toEqual(result)
    expect(server.requests.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      {
        method: 'POST',
        url: '/v1/dashboards/sales%2Foverview/tiles/a%20b/query',
        body: { filters },
      },
      { method: 'POST', url: '/v1/dashboards/d/tiles/t/query', body: { filters: {} } },
    ])
  })

  it('refuses an empty id before sending anything', async () => {
    const { api, server } = await setup((_, response) => sendJson(response, 200, {}))
    await expect(api.getDashboard('')).rejects.toMatchObject({ code: 'bad_request' })
    await expect(api.queryTile('d', undefined as never)).rejects.toMatchObject({
      code: 'bad_request',
    })
    expect(server.requests).toHaveLength(0)
  })

  it('fetches suggestions, for a dashboard or in general', async () => {
    const { api, server } = await setup((_, response) =>
      sendJson(response, 200, { suggestions: ['Revenue by region'] }),
    )
    expect(await api.getSuggestions('sales-overview')).toEqual({
      suggestions: ['Revenue by region'],
    })
    await api.getSuggestions()
    expect(server.requests.map((request) => request.url)).toEqual([
      '/v1/assistant/suggestions?dashboardId=sales-overview',
      '/v1/assistant/suggestions',
    ])
  })

  it('reports the server Date header to the token source', async () => {
    const { api, tokens } = await setup((_, response) => sendJson(response, 200, definition))
    const report = vi.spyOn(tokens, 'reportServerDate')
    await api.getDashboard('d')
    expect(report).toHaveBeenCalledWith(expect.stringMatching(/GMT$/))
  })
})

describe('createApiClient: errors', () => {
  const cases: Array<[number, unknown, string]> = [
    [400, { error: { code: 'bad_request', message: 'Unknown filter: colour' } }, 'bad_request'],
    [401, { error: { code: 'invalid_token', message: 'Bad signature' } }, 'invalid_token'],
    [403, { error: { code: 'forbidden', message: 'Not in scope' } }, 'forbidden'],
    [404, { error: { code: 'not_found', message: 'No such dashboard' } }, 'not_found'],
    [413, 'Payload Too Large', 'bad_request'],
    [422, { error: { code: 'query', message: 'Division by zero' } }, 'query'],
    [500, { error: { code: 'server', message: 'Boom' } }, 'server'],
    [502, '<html>Bad gateway</html>', 'server'],
    [403, { error: { code: 'teapot', message: 'Odd' } }, 'forbidden'],
  ]
  for (const [status, body, code] of cases) {
    it(`maps ${status} ${JSON.stringify(body).slice(0, 40)} to ${code}`, async () => {
      const { api } = await setup((_, response) => {
        if (typeof body === 'string') response.writeHead(status).end(body)
        else sendJson(response, status, body)
      })
      const error = await api.getDashboard('d').catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(InsetError)
      expect(error).toMatchObject({ code, status })
      if (typeof body === 'object')
        expect((error as Error).message).toBe(
          (body as { error: { message: string } }).error.message,
        )
    })
  }

  it('maps 429 to rate_limited with Retry-After in milliseconds', async () => {
    const { api } = await setup((_, response) =>
      sendJson(
        response,
        429,
        { error: { code: 'rate_limited', message: 'Slow down' } },
        { 'retry-after': '7' },
      ),
    )
    await expect(api.getDashboard('d')).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfter: 7_000,
    })
  })

  it('refreshes the token once and replays once on token_expired', async () => {
    let answered = 0
    const { api, server, issuer } = await setup((_, response) => {
      if (answered++ === 0) {
        sendJson(response, 401, { error: { code: 'token_expired', message: 'Token expired' } })
      } else sendJson(response, 200, definition)
    })
    expect(await api.getDashboard('d')).toEqual(definition)
    expect(issuer.calls.map((call) => call.reason)).toEqual(['initial', 'expired'])
    expect(server.requests.map((request) => request.authorization)).toEqual(
      issuer.issued.map((token) => `Bearer ${token}`),
    )
  })

  it('gives up after one replay', async () => {
    const { api, server } = await setup((_, response) =>
      sendJson(response, 401, { error: { code: 'token_expired', message: 'Token expired' } }),
    )
    await expect(api.getDashboard('d')).rejects.toMatchObject({
      code: 'token_expired',
      status: 401,
    })
    expect(server.requests).toHaveLength(2)
  })

  it('reports an unreachable server as network', async () => {
    const { api, server } = await setup(() => {})
    await server.close()
    await expect(api.getDashboard('d')).rejects.toMatchObject({ code: 'network' })
  })

  it('reports malformed JSON as server', async () => {
    const { api } = await setup((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":')
    })
    await expect(api.getDashboard('d')).rejects.toMatchObject({ code: 'server' })
  })

  it('times out a request the server does not answer', async () => {
    let arrived!: () => void
    const arrival = new Promise<void>((resolve) => {
      arrived = resolve
    })
    const { api, scheduler } = await setup(() => arrived(), { timeoutMs: 5_000 })
    const request = api.getDashboard('d')
    await arrival
    scheduler.advance(4_999)
    scheduler.advance(1)
    await expect(request).rejects.toMatchObject({ code: 'timeout' })
    expect(scheduler.pending).toBe(0)
  })

  it('rejects with the abort reason when the caller aborts', async () => {
    let arrived!: () => void
    const arrival = new Promise<void>((resolve) => {
      arrived = resolve
    })
    const { api, scheduler } = await setup(() => arrived())
    const controller = new AbortController()
    const request = api.getDashboard('d', { signal: controller.signal })
    await arrival
    controller.abort()
    await expect(request).rejects.toMatchObject({ name: 'AbortError' })
    expect(scheduler.pending).toBe(0)
    const early = new AbortController()
    early.abort(new Error('gone'))
    await expect(api.getDashboard('d', { signal: early.signal })).rejects.toThrow('gone')
  })
})

describe('createApiClient: assistant stream', () => {
  const events = [
    sseEvent('text', { delta: 'Revenue ' }),
    sseEvent('text', { delta: 'by region:' }),
    sseEvent('query', {
      query: { dataset: 'orders', measures: ['revenue'], dimensions: ['region'] },
      description: 'Revenue by region',
    }),
    sseEvent('result', { columns: [], rows: [['EU', 10]], meta: { rowCount: 1, durationMs: 2 } }),
    sseEvent('chart', { kind: 'breakdown', x: 'region', y: ['revenue'] }),
    ': a comment\n\n',
    sseEvent('future-event', { ignored: true }),
    sseEvent('done', { suggestions: ['And by channel?'] }),
  ].join('')

  it('parses the events as they arrive, whatever the chunking', async () => {
    const { api, server } = await setup(async (_, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      for (let at = 0; at < events.length; at += 17) {
        response.write(events.slice(at, at + 17))
        await new Promise((resolve) => setImmediate(resolve))
      }
      response.end()
    })
    const request = { question: 'Revenue by region?', context: { dashboardId: 'sales-overview' } }
    const received = []
    for await (const event of api.ask(request)) received.push(event)
    expect(received.map((event) => event.event)).toEqual([
      'text',
      'text',
      'query',
      'result',
      'chart',
      'done',
    ])
    expect(received[0]).toEqual({ event: 'text', data: { delta: 'Revenue ' } })
    expect(received.at(-1)).toEqual({ event: 'done', data: { suggestions: ['And by channel?'] } })
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      url: '/v1/assistant',
      body: request,
      accept: 'text/event-stream',
    })
  })

  it('yields an error event and replays on token_expired', async () => {
    let answered = 0
    const { api, issuer } = await setup((_, response) => {
      if (answered++ === 0) {
        return sendJson(response, 401, { error: { code: 'token_expired', message: 'Expired' } })
      }
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.end(sseEvent('error', { code: 'query', message: 'No such measure' }))
    })
    const received = []
    for await (const event of api.ask({ question: 'Margin?' })) received.push(event)
    expect(received).toEqual([
      { event: 'error', data: { code: 'query', message: 'No such measure' } },
    ])
    expect(issuer.calls).toHaveLength(2)
  })

  it('throws an error answer before the stream', async () => {
    const { api } = await setup((_, response) =>
      sendJson(response, 403, { error: { code: 'forbidden', message: 'No assistant scope' } }),
    )
    const stream = api.ask({ question: 'Margin?' })
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: 'forbidden' })
    await expect(api.ask({ question: ' ' })[Symbol.asyncIterator]().next()).rejects.toMatchObject({
      code: 'bad_request',
    })
  })

  it('times out a stream that stalls, counting from the last chunk', async () => {
    const { api, scheduler } = await setup(
      (_, response) => {
        response.writeHead(200, { 'content-type': 'text/event-stream' })
        response.write(sseEvent('text', { delta: 'Hi' }))
      },
      { timeoutMs: 5_000 },
    )
    const stream = api.ask({ question: 'Hello?' })[Symbol.asyncIterator]()
    scheduler.advance(4_000)
    expect(await stream.next()).toEqual({
      done: false,
      value: { event: 'text', data: { delta: 'Hi' } },
    })
    const next = stream.next()
    scheduler.advance(4_999)
    scheduler.advance(1)
    await expect(next).rejects.toMatchObject({ code: 'timeout' })
    expect(scheduler.pending).toBe(0)
  })

  it('stops reading when the consumer breaks out', async () => {
    let closed!: () => void
    const closing = new Promise<void>((resolve) => {
      closed = resolve
    })
    const { api, scheduler } = await setup((_, response, raw) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write(sseEvent('text', { delta: 'Hi' }))
      raw.socket.on('close', () => closed())
    })
    for await (const event of api.ask({ question: 'Hello?' })) {
      expect(event.event).toBe('text')
      break
    }
    await closing
    expect(scheduler.pending).toBe(0)
  })
})
