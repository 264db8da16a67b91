// Ports for the bench's servers: the first free one in 7000-7299 (this workspace's range), never
// one this process already handed out.
import { createServer } from 'node:net'

const handedOut = new Set()
const isFree = (port) =>
  new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
      server.close(() => resolve(true)),
    )
  })

/**
 * A free TCP port on 127.0.0.1 between 7000 and 7299.
 * @example const port = await freePort()
 */
export async function freePort() {
  for (let port = 7000; port < 7300; port++) {
    if (handedOut.has(port)) continue
    if (await isFree(port)) {
      handedOut.add(port)
      return port
    }
  }
  throw new Error('no free port in 7000-7299')
}
