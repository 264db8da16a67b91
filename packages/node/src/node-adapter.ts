import type { IncomingMessage, ServerResponse } from 'node:http'

/** The context {@link toNodeHandler} passes to a Web handler: the original Node request and response. */
export interface NodeHandlerContext<
  Req extends IncomingMessage = IncomingMessage,
  Res extends ServerResponse = ServerResponse,
> {
  req: Req
  res: Res
}

/** A Node `http` / Express middleware: `(req, res, next?)`. */
export type NodeHandler<
  Req extends IncomingMessage = IncomingMessage,
  Res extends ServerResponse = ServerResponse,
> = (req: Req, res: Res, next?: (error?: unknown) => void) => void

const MAX_BODY_BYTES = 64 * 1024

/**
 * Serves a Web-standard handler from Express or `node:http`. The handler gets `{ req, res }` as its
 * context, so `authenticate` can read what session middleware put on `req`.
 *
 * @example
 * app.get('/api/inset-token', toNodeHandler(handler))               // Express
 * http.createServer(toNodeHandler(handler)).listen(3000)            // node:http
 */
export function toNodeHandler<
  Req extends IncomingMessage = IncomingMessage,
  Res extends ServerResponse = ServerResponse,
>(
  handler: (request: Request, context: NodeHandlerContext<Req, Res>) => Promise<Response>,
): NodeHandler<Req, Res> {
  return (req, res, next) => {
    serve(handler, req, res).catch((error: unknown) => {
      if (next) return next(error)
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
      }
      res.end(JSON.stringify({ error: { code: 'server', message: 'Internal error' } }))
    })
  }
}

async function serve<Req extends IncomingMessage, Res extends ServerResponse>(
  handler: (request: Request, context: NodeHandlerContext<Req, Res>) => Promise<Response>,
  req: Req,
  res: Res,
): Promise<void> {
  let request: Request
  try {
    request = await toWebRequest(req)
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error
    res.writeHead(413, { 'content-type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify({ error: { code: 'bad_request', message: error.message } }))
    return
  }
  const response = await handler(request, { req, res })
  res.statusCode = response.status
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value)
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)
  res.end(Buffer.from(await response.arrayBuffer()))
}

async function toWebRequest(req: IncomingMessage): Promise<Request> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else headers.set(name, value)
  }
  const encrypted = (req.socket as { encrypted?: boolean } | null)?.encrypted === true
  // Express rewrites req.url inside a mounted router; originalUrl is what the client asked for.
  const path = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '/'
  const url = new URL(path, `${encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`)
  const method = req.method ?? 'GET'
  const init: RequestInit = { method, headers }
  if (method !== 'GET' && method !== 'HEAD') {
    const body = await readBody(req)
    if (body !== undefined) init.body = body
  }
  return new Request(url, init)
}

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage): Promise<Uint8Array | string | undefined> {
  // A body parser (express.json()) ran before us: the stream is spent, the result is on req.body.
  const parsed = (req as { body?: unknown }).body
  if (parsed !== undefined) {
    if (typeof parsed === 'string' || parsed instanceof Uint8Array) return parsed
    return JSON.stringify(parsed)
  }
  if (req.readableEnded) return undefined
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += buffer.length
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError(`Body over ${MAX_BODY_BYTES} bytes`)
    chunks.push(buffer)
  }
  return chunks.length > 0 ? Buffer.concat(chunks) : undefined
}
