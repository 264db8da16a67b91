import { afterEach, describe, expect, it, vi } from 'vitest'
import { listen, type TestServer } from '../test/listen'
import { toNodeHandler } from './node-adapter'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('toNodeHandler', () => {
  it('hands the Web handler the full URL, method, headers and body', async () => {
    let seen: { url: string; method: string; header: string | null; body: string } | undefined
    server = await listen(
      toNodeHandler(async (request) => {
        seen = {
          url: request.url,
          method: request.method,
          header: request.headers.get('x-tenant'),
          body: await request.text(),
        }
        return new Response('ok')
      }),
    )
    await fetch(`${server.url}/api/token?dashboard=sales`, {
      method: 'POST',
      headers: { 'x-tenant': 'acme' },
      body: 'hello',
    })
    expect(seen).toEqual({
      url: `${server.url}/api/token?dashboard=sales`,
      method: 'POST',
      header: 'acme',
      body: 'hello',
    })
  })

  it('writes status, headers, every Set-Cookie and the body back', async () => {
    server = await listen(
      toNodeHandler(async () => {
        const headers = new Headers({ 'x-answer': '42', 'content-type': 'text/plain' })
        headers.append('set-cookie', 'a=1; Path=/')
        headers.append('set-cookie', 'b=2; Path=/')
        return new Response('created', { status: 201, headers })
      }),
    )
    const response = await fetch(server.url)
    expect(response.status).toBe(201)
    expect(response.headers.get('x-answer')).toBe('42')
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/'])
    expect(await response.text()).toBe('created')
  })

  it('passes a failure to next() when there is one, else answers 500', async () => {
    const failure = new Error('boom')
    const next = vi.fn()
    const middleware = toNodeHandler(() => Promise.reject(failure))
    server = await listen((req, res) => {
      if (req.url === '/with-next') {
        middleware(req, res, (error) => {
          next(error)
          res.statusCode = 502
          res.end()
        })
      } else {
        middleware(req, res)
      }
    })
    expect((await fetch(`${server.url}/with-next`)).status).toBe(502)
    expect(next).toHaveBeenCalledWith(failure)
    const response = await fetch(`${server.url}/without`)
    expect(response.status).toBe(500)
    expect(await response.json()).toEqual({ error: { code: 'server', message: 'Internal error' } })
  })
})
