// The Inset server at the fetch seam: verifies HS256 tokens against its own clock, answers the
// embed routes, and counts every request that arrived with an expired token.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { salesOverview } from './fake-api'

export interface FakeServerOptions {
  secret?: string
  /** The server's clock minus the local clock, in ms. */
  clockOffsetMs?: number
  latencyMs?: () => number
}

export function createFakeServer(options: FakeServerOptions = {}) {
  const { secret = 'test-secret', clockOffsetMs = 0 } = options
  const stats = { requests: 0, expired: 0, invalid: 0, byPath: new Map<string, number>() }
  const serverNow = () => Date.now() + clockOffsetMs

  function verify(token: string): 'ok' | 'expired' | 'invalid' {
    const [head, payload, signature] = token.split('.')
    if (!head || !payload || !signature) return 'invalid'
    const expected = createHmac('sha256', secret).update(`${head}.${payload}`).digest()
    const given = Buffer.from(signature, 'base64url')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid'
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    return claims.exp * 1000 <= serverNow() ? 'expired' : 'ok'
  }

  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', date: new Date(serverNow()).toUTCString() },
    })

  function answer(url: URL, authorization: string, body: string | null): Response {
    const verdict = verify(authorization.replace(/^Bearer /, ''))
    if (verdict === 'expired') {
      stats.expired++
      return json(401, { error: { code: 'token_expired', message: 'Token expired' } })
    }
    if (verdict === 'invalid') {
      stats.invalid++
      return json(401, { error: { code: 'invalid_token', message: 'Bad token' } })
    }
    if (url.pathname === '/v1/assistant') {
      const { question } = JSON.parse(body ?? '{}') as { question: string }
      const events = `event: text\ndata: ${JSON.stringify({ delta: `About ${question}` })}\n\nevent: done\ndata: {}\n\n`
      return new Response(events, {
        headers: { 'content-type': 'text/event-stream', date: new Date(serverNow()).toUTCString() },
      })
    }
    if (url.pathname.endsWith('/query')) {
      return json(200, { columns: [], rows: [[1]], meta: { rowCount: 1, durationMs: 1 } })
    }
    if (url.pathname === '/v1/assistant/suggestions')
      return json(200, { suggestions: ['Revenue?'] })
    if (url.pathname === `/v1/dashboards/${salesOverview.id}`) return json(200, salesOverview)
    return json(404, { error: { code: 'not_found', message: 'No such route' } })
  }

  const fetch = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input))
    stats.requests++
    stats.byPath.set(url.pathname, (stats.byPath.get(url.pathname) ?? 0) + 1)
    const authorization = String((init.headers as Record<string, string>)['authorization'] ?? '')
    const body = init.body as string | null
    const latency = options.latencyMs?.() ?? 0
    if (latency <= 0) return answer(url, authorization, body)
    return new Promise<Response>((resolve, reject) => {
      // The token is checked when the request arrives, as a real server would.
      const timer = setTimeout(() => resolve(answer(url, authorization, body)), latency)
      init.signal?.addEventListener('abort', () => {
        clearTimeout(timer)
        reject(init.signal!.reason)
      })
    })
  }) as typeof globalThis.fetch

  return { fetch, stats }
}
