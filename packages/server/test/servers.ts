import type { InsetConfigInput } from '../src/config/schema'
import { demoConfig } from '../src/demo/demo-config'
import { createInsetServer, type InsetServer } from '../src/server'
import { type Backend, dropSchema, freshSchemaName } from './backends'
import { TEST_ROWS } from './runtimes'
import { assertRowsInScope, scopeOfToken } from './scope'

export const API_KEY = 'test-admin-api-key-0123'

/** The demo configuration plus an `rls-probe` dashboard whose tile shows tenant and region per row. */
export function testConfig(backend: Backend, schema: string, rows = TEST_ROWS): InsetConfigInput {
  const config = demoConfig({
    rows,
    apiKey: API_KEY,
    dataSource: backend.name === 'duckdb' ? 'duckdb' : { postgresUrl: backend.url, schema },
  })
  const sales = config.dashboards?.['sales-overview']
  return {
    ...config,
    dashboards: {
      ...config.dashboards,
      'rls-probe': {
        title: 'RLS probe',
        dataset: 'orders',
        filters: [
          ...(sales?.filters ?? []),
          { id: 'tenant', type: 'select', dimension: 'tenant', multiple: true },
          { id: 'country', type: 'select', dimension: 'country', multiple: false },
        ],
        tiles: [
          {
            id: 'by-tenant-region',
            title: 'Orders by tenant and region',
            kind: 'table',
            dimensions: ['tenant', 'region', 'channel'],
            measures: ['orders', 'revenue'],
            limit: 100,
          },
        ],
      },
    },
  }
}

export interface TestServer {
  url: string
  server: InsetServer
  close(): Promise<void>
  /**
   * `fetch` relative to the server with an optional bearer token and JSON body. Every successful
   * query result fetched with a token passes the hard row-level-security check of ./scope.ts.
   */
  request(
    path: string,
    init?: { token?: string; method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>
}

/** A real server over real HTTP on a random port, on DuckDB or a fresh PostgreSQL schema. */
export async function startTestServer(
  backend: Backend,
  adjust: (config: InsetConfigInput) => InsetConfigInput = (config) => config,
): Promise<TestServer> {
  const schema = freshSchemaName()
  const server = await createInsetServer(adjust(testConfig(backend, schema)))
  const { port } = await server.listen({ port: 0, host: '127.0.0.1' })
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    server,
    async close() {
      await server.close()
      if (backend.name === 'postgres') await dropSchema(backend.url, schema)
    },
    async request(path, init = {}) {
      const headers: Record<string, string> = { ...init.headers }
      if (init.token) headers.authorization = `Bearer ${init.token}`
      if (init.body !== undefined) headers['content-type'] = 'application/json'
      const response = await fetch(`${url}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers,
        ...(init.body !== undefined && {
          body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
        }),
      })
      await checkScope(response, path, init.token)
      return response
    },
  }
}

async function checkScope(response: Response, path: string, token: string | undefined) {
  if (!token || !response.ok) return
  if (!response.headers.get('content-type')?.includes('application/json')) return
  const body = (await response.clone().json()) as { columns?: unknown; rows?: unknown }
  if (Array.isArray(body.columns) && Array.isArray(body.rows))
    assertRowsInScope(body as Parameters<typeof assertRowsInScope>[0], scopeOfToken(token), path)
}
