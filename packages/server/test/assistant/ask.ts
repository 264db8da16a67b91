// Helpers of the assistant suites: a demo server over real HTTP and a reader of the answer stream.
import type { AssistantEventMap, AssistantRequest, CellValue } from '@inset/core'
import { createSseParser } from '@inset/core'
import type { InsetConfigInput } from '../../src/config/schema'
import { demoConfig } from '../../src/demo/demo-config'
import { createInsetServer, type InsetServer } from '../../src/server'
import { type Backend, dropSchema, freshSchemaName } from '../backends'
import { assertRowsInScope, scopeOfToken } from '../scope'

/** "Today" of every assistant suite: the demo data runs from 2024-11-01 to 2026-10-31. */
export const TODAY = '2026-11-21'

export type AssistantEvent = {
  [Name in keyof AssistantEventMap]: { event: Name; data: AssistantEventMap[Name] }
}[keyof AssistantEventMap]

export interface AssistantServer {
  url: string
  server: InsetServer
  /** Runs SQL written by a test directly on the demo database (no compiler, no RLS). */
  sql(text: string, params?: Array<string | number>): Promise<CellValue[][]>
  close(): Promise<void>
}

/**
 * The demo server (50,000 sample orders, DuckDB unless another backend is given) with "today"
 * pinned, on a random port.
 */
export async function startAssistantServer(
  adjust: (config: InsetConfigInput) => InsetConfigInput = (config) => config,
  rows = 50_000,
  backend: Backend = { name: 'duckdb' },
): Promise<AssistantServer> {
  const schema = freshSchemaName()
  const base = demoConfig({
    rows,
    dataSource: backend.name === 'duckdb' ? 'duckdb' : { postgresUrl: backend.url, schema },
  })
  const server = await createInsetServer(adjust({ ...base, assistant: { referenceDate: TODAY } }))
  const { port } = await server.listen({ port: 0, host: '127.0.0.1' })
  const source = server.runtime.dataSources.get('main')
  if (!source) throw new Error('no main data source')
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    sql: (text, params = []) => source.query(text, params),
    async close() {
      await server.close()
      if (backend.name === 'postgres') await dropSchema(backend.url, schema)
    },
  }
}

export interface Answer {
  status: number
  contentType: string
  events: AssistantEvent[]
  /** The error body when the server answered with JSON instead of a stream. */
  body?: { error: { code: string; message: string } }
  text: string
  of<Name extends keyof AssistantEventMap>(name: Name): AssistantEventMap[Name] | undefined
}

/** POSTs a question (or any raw body) to `/v1/assistant` and reads the whole answer. */
export async function ask(
  url: string,
  token: string | undefined,
  request: AssistantRequest | string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${url}/v1/assistant`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: typeof request === 'string' ? request : JSON.stringify(request),
  })
  const contentType = response.headers.get('content-type') ?? ''
  const events: AssistantEvent[] = []
  let body: Answer['body']
  if (contentType.includes('text/event-stream')) {
    const feed = createSseParser((event, data) => {
      events.push({ event, data: JSON.parse(data) } as AssistantEvent)
    })
    feed(await response.text())
    // Every answer's rows pass the hard row-level-security check of the asker's token.
    for (const event of events)
      if (event.event === 'result' && token)
        assertRowsInScope(
          event.data,
          scopeOfToken(token),
          `assistant answer to ${JSON.stringify(request)}`,
        )
  } else {
    body = (await response.json()) as Answer['body']
  }
  return {
    status: response.status,
    contentType,
    events,
    ...(body && { body }),
    text: events
      .filter((e) => e.event === 'text')
      .map((e) => (e.data as { delta: string }).delta)
      .join(''),
    of(name) {
      return events.find((e) => e.event === name)?.data as never
    },
  }
}
