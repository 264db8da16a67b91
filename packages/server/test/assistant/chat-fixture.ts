// A small OpenAI-compatible chat-completions endpoint for tests: each request is answered by the
// next scripted handler, which writes streamed deltas (text, tool calls), JSON, errors or nothing.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ChatRequest {
  path: string
  headers: IncomingMessage['headers']
  // biome-ignore lint/suspicious/noExplicitAny: the body is whatever the engine sent; tests inspect it.
  body: any
  /** Resolves when the client closed the connection before the reply ended. */
  aborted: Promise<void>
}

export type ChatHandler = (request: ChatRequest, response: ServerResponse) => void | Promise<void>

export interface ChatFixture {
  /** Base URL, e.g. `http://127.0.0.1:41234/v1`. */
  url: string
  requests: ChatRequest[]
  /** The handlers of the next requests, in order. */
  script(...handlers: ChatHandler[]): void
  /** The handler of every request once the scripted ones are used up (none: a 500). */
  serve(handler: ChatHandler | undefined): void
  close(): Promise<void>
}

export async function startChatFixture(): Promise<ChatFixture> {
  const requests: ChatRequest[] = []
  let handlers: ChatHandler[] = []
  let fallback: ChatHandler | undefined
  const server = createServer(async (req, res) => {
    let text = ''
    for await (const chunk of req) text += chunk
    let closedEarly: () => void = () => {}
    const aborted = new Promise<void>((resolve) => {
      closedEarly = resolve
    })
    res.on('close', () => {
      if (!res.writableEnded) closedEarly()
    })
    const request: ChatRequest = {
      path: req.url ?? '',
      headers: req.headers,
      body: JSON.parse(text),
      aborted,
    }
    requests.push(request)
    const handler = handlers.shift() ?? fallback
    if (!handler) {
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end('{"error":{"message":"no script"}}')
      return
    }
    await handler(request, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    script(...next) {
      handlers = next
      requests.length = 0
    },
    serve(handler) {
      fallback = handler
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

const chunk = (delta: object, finish: string | null = null) => ({
  id: 'chatcmpl-fixture',
  object: 'chat.completion.chunk',
  created: 1_790_000_000,
  model: 'fixture-model',
  choices: [{ index: 0, delta, finish_reason: finish }],
})

/** Writes SSE events (`data: <json>`), then `[DONE]` unless `done: false`; ends unless `end: false`. */
export function writeEvents(
  response: ServerResponse,
  events: Array<object | string>,
  options: { done?: boolean; end?: boolean } = {},
): void {
  if (!response.headersSent) response.writeHead(200, { 'content-type': 'text/event-stream' })
  for (const event of events)
    response.write(`data: ${typeof event === 'string' ? event : JSON.stringify(event)}\n\n`)
  if (options.done !== false) response.write('data: [DONE]\n\n')
  if (options.end !== false) response.end()
}

/** The deltas of a streamed text reply, in `pieces` parts. */
export function textChunks(text: string, pieces: string[] = [text]): object[] {
  return [
    chunk({ role: 'assistant', content: '' }),
    ...pieces.map((piece) => chunk({ content: piece })),
    chunk({}, 'stop'),
  ]
}

/** The deltas of a streamed tool call whose arguments arrive in three parts. */
export function toolCallChunks(args: unknown, name = 'run_query', id = 'call_1'): object[] {
  const json = typeof args === 'string' ? args : JSON.stringify(args)
  const third = Math.ceil(json.length / 3)
  return [
    chunk({
      role: 'assistant',
      content: null,
      tool_calls: [{ index: 0, id, type: 'function', function: { name, arguments: '' } }],
    }),
    ...[0, 1, 2].map((i) =>
      chunk({
        tool_calls: [{ index: 0, function: { arguments: json.slice(i * third, (i + 1) * third) } }],
      }),
    ),
    chunk({}, 'tool_calls'),
  ]
}

/** A handler that streams a tool call. */
export const callTool =
  (args: unknown, name?: string): ChatHandler =>
  (_request, response) =>
    writeEvents(response, toolCallChunks(args, name))

/** A handler that streams text in parts. */
export const say =
  (...pieces: string[]): ChatHandler =>
  (_request, response) =>
    writeEvents(response, textChunks(pieces.join(''), pieces))
