// A pass-through proxy in front of the demo server that counts what reaches it, by method and
// path: CORS preflights (OPTIONS) are answered by the network stack before the page sees them, so
// they are counted where they arrive.
import { createServer, request as forward, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface CountingProxy {
  readonly url: string
  /** `OPTIONS /v1/dashboards/sales-overview/load` → how many arrived since the last `reset()`. */
  readonly counts: Map<string, number>
  reset(): void
  close(): Promise<void>
}

/** Starts a proxy to `target` on a random local port. */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const counts = new Map<string, number>()
  const upstream = new URL(target)
  const server: Server = createServer((incoming, outgoing) => {
    const key = `${incoming.method} ${new URL(incoming.url ?? '/', target).pathname}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
    const proxied = forward(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(outgoing)
      },
    )
    proxied.on('error', () => outgoing.destroy())
    incoming.pipe(proxied)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    reset: () => counts.clear(),
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
