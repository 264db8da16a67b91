import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'

/**
 * Refuses request bodies over `maxBytes` with `onTooLarge`'s response. A body that declares its
 * length (`Content-Length`, no `Transfer-Encoding`) is judged by the header alone: Node's HTTP
 * parser never reads more bytes than it declares. Only a streamed (chunked) body is counted as it
 * arrives, by Hono's `bodyLimit`. Judging by the header keeps the body unread, so route handlers
 * read it straight from the socket instead of through a web `ReadableStream` (which cost about a
 * fifth of a cached tile request's CPU).
 */
export function limitBody(
  maxBytes: number,
  onTooLarge: (c: Context) => Response | Promise<Response>,
): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize: maxBytes, onError: onTooLarge })
  return async (c, next) => {
    const method = c.req.method
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next()
    const declared = c.req.header('content-length')
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined)
      return streamed(c, next)
    return Number(declared) > maxBytes ? onTooLarge(c) : next()
  }
}
