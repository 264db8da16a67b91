import type { IncomingMessage, ServerResponse } from 'node:http'
import type { DashboardSummary } from '@inset/core'
import { afterEach, describe, expect, it } from 'vitest'
import { listen, type TestServer } from '../test/listen'
import { createInsetClient } from './admin-client'

// A stand-in for the admin routes, for behaviour the real server does not show on demand
// (a cursor handed out twice); the round trip against @inset/server is in test/server.test.ts.
const dashboards: DashboardSummary[] = Array.from({ length: 7 }, (_, i) => ({
  id: `dash-${i}`,
  title: `Dashboard ${i}`,
}))

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

function pages(requests: string[], options: { repeatCursor?: boolean } = {}) {
  return (req: IncomingMessage, res: ServerResponse) => {
    requests.push(req.url ?? '')
    if (req.headers.authorization !== 'Bearer admin-key') {
      return send(res, 401, { error: { code: 'auth', message: 'Bad API key' } })
    }
    const url = new URL(req.url ?? '/', 'http://x')
    const limit = Number(url.searchParams.get('limit') ?? 3)
    const start = Number(url.searchParams.get('cursor') ?? 0)
    const end = start + limit
    const nextCursor = end < dashboards.length ? String(options.repeatCursor ? limit : end) : null
    send(res, 200, { items: dashboards.slice(start, end), nextCursor })
  }
}

describe('createInsetClient against a fixture over HTTP', () => {
  it('iterates every item across pages, one request per page', async () => {
    const requests: string[] = []
    server = await listen(pages(requests))
    const inset = createInsetClient({ serverUrl: server.url, apiKey: 'admin-key' })
    const ids: string[] = []
    for await (const dashboard of inset.dashboards.iterate({ limit: 3 })) ids.push(dashboard.id)
    expect(ids).toEqual(dashboards.map((d) => d.id))
    expect(requests).toEqual([
      '/v1/dashboards?limit=3',
      '/v1/dashboards?limit=3&cursor=3',
      '/v1/dashboards?limit=3&cursor=6',
    ])
  })

  it('fetches no further page when the caller stops early', async () => {
    const requests: string[] = []
    server = await listen(pages(requests))
    const inset = createInsetClient({ serverUrl: server.url, apiKey: 'admin-key' })
    for await (const dashboard of inset.dashboards.iterate({ limit: 3 })) {
      if (dashboard.id === 'dash-1') break
    }
    expect(requests).toHaveLength(1)
  })

  it('refuses to loop on a cursor handed out twice', async () => {
    server = await listen(pages([], { repeatCursor: true }))
    const inset = createInsetClient({ serverUrl: server.url, apiKey: 'admin-key' })
    const seen: string[] = []
    await expect(async () => {
      for await (const dashboard of inset.dashboards.iterate({ limit: 3 })) seen.push(dashboard.id)
    }).rejects.toThrow(/returned the cursor "3" twice/)
    expect(seen).toHaveLength(6)
  })

  it('reports a wrong API key as auth', async () => {
    server = await listen(pages([]))
    const inset = createInsetClient({ serverUrl: server.url, apiKey: 'wrong' })
    await expect(inset.dashboards.list()).rejects.toMatchObject({ code: 'auth', status: 401 })
  })

  it('reports a server that is not there as network', async () => {
    const gone = await listen(() => {})
    await gone.close()
    const inset = createInsetClient({ serverUrl: gone.url, apiKey: 'k', retry: false })
    await expect(inset.dashboards.list()).rejects.toMatchObject({ code: 'network' })
  })
})
