import { getConnInfo } from '@hono/node-server/conninfo'
import type { AppContext } from './app-env'

/**
 * The address of the connection a request came on (the socket's peer; `X-Forwarded-For` is not
 * read, since any client can send it). Requests served in-process (`server.fetch`) have no socket:
 * they share the address `local`.
 */
export function clientAddress(c: AppContext): string {
  try {
    return getConnInfo(c).remote.address ?? 'local'
  } catch {
    return 'local'
  }
}
