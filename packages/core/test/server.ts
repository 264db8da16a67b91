// A real HTTP server on 127.0.0.1:0 whose answers each test scripts.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  url: string
  authorization: string | undefined
  accept: string | undefined
  body: unknown
}

export type Handler = (
  request: RecordedRequest,
  response: ServerResponse,
  raw: IncomingMessage,
) => void | Promise<void>

export async function startServer(handler: Handler) {
  const requests: RecordedRequest[] = []
  const server = createServer(async (raw, response) => {
    let text = ''
    for await (const chunk of raw) text += chunk
    const request: RecordedRequest = {
      method: raw.method ?? '',
      url: raw.url ?? '',
      authorization: raw.headers.authorization,
      accept: raw.headers.accept,
      body: text ? JSON.parse(text) : undefined,
    }
    requests.push(request)
    await handler(request, response, raw)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers })
  response.end(JSON.stringify(body))
}

export function sseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
}
