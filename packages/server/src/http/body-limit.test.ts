import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../test/servers'
import { demoToken } from '../../test/tokens'

// Over real HTTP (the limit is 65,536 bytes): a body that declares its length is judged by the
// header, a streamed (chunked) one by counting; either way the route still reads a body under it.
describe('request body limit', () => {
  let server: TestServer
  let alice: string
  beforeAll(async () => {
    server = await startTestServer({ name: 'duckdb' })
    alice = await demoToken('alice')
  })
  afterAll(async () => {
    await server?.close()
  })

  const post = (body: string, streamed: boolean) => {
    const bytes = new TextEncoder().encode(body)
    return fetch(`${server.url}/v1/dashboards/sales-overview/tiles/orders/query`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice}`, 'content-type': 'application/json' },
      ...(streamed
        ? {
            // Two chunks and no Content-Length: sent with Transfer-Encoding: chunked.
            body: new ReadableStream({
              start(controller) {
                controller.enqueue(bytes.slice(0, 10))
                controller.enqueue(bytes.slice(10))
                controller.close()
              },
            }),
            duplex: 'half',
          }
        : { body: bytes }),
    } as RequestInit)
  }
  const small = JSON.stringify({ filters: { region: ['EU'] } })
  const large = JSON.stringify({ filters: {}, pad: 'y'.repeat(70_000) })

  for (const streamed of [false, true]) {
    const how = streamed ? 'streamed' : 'with its length'
    it(`reads a body under the limit sent ${how}`, async () => {
      const response = await post(small, streamed)
      expect(response.status).toBe(200)
      const result = (await response.json()) as { rows: unknown[][] }
      expect(result.rows).toHaveLength(1)
    })
    it(`refuses a body over the limit sent ${how} with a typed 413`, async () => {
      const response = await post(large, streamed)
      expect(response.status).toBe(413)
      expect(await response.json()).toMatchObject({
        error: { code: 'bad_request', message: expect.stringContaining('65536 bytes') },
      })
    })
  }
})
