import type { QueryResult } from '@inset/core'
import { afterEach, describe, expect, it } from 'vitest'
import { testConfig } from '../test/servers'
import { demoToken } from '../test/tokens'
import type { DataSource } from './data/data-source'
import { openDuckDBSource } from './data/duckdb-source'
import { createInsetServer, type InsetServer } from './server'

/** A real DuckDB source whose queries wait for `release()` once armed: the seam to hold a request in flight. */
async function gatedSource(): Promise<DataSource & { arm(): Promise<void>; release(): void }> {
  const source = await openDuckDBSource({ name: 'main', path: ':memory:', poolSize: 2 })
  let gate: Promise<void> | undefined
  let open = () => {}
  let entered = () => {}
  let enteredPromise: Promise<void> = Promise.resolve()
  return {
    ...source,
    async query(sql, params, options) {
      if (gate) {
        entered()
        await gate
      }
      return source.query(sql, params, options)
    },
    arm() {
      gate = new Promise((resolve) => {
        open = resolve
      })
      enteredPromise = new Promise((resolve) => {
        entered = resolve
      })
      return enteredPromise
    },
    release() {
      open()
      gate = undefined
    },
  }
}

describe('createInsetServer', () => {
  let server: InsetServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it('finishes in-flight requests on close, refuses new connections and flushes the audit log', async () => {
    const source = await gatedSource()
    server = await createInsetServer(testConfig({ name: 'duckdb' }, '', 2_000), {
      dataSources: { main: source },
    })
    const { url } = await server.listen({ port: 0, host: '127.0.0.1' })
    const token = await demoToken('alice')
    const entered = source.arm()
    const inFlight = fetch(`${url}/v1/dashboards/sales-overview/tiles/orders/query`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    })
    await entered
    const closing = server.close()
    let closed = false
    closing.then(() => {
      closed = true
    })
    await new Promise((resolve) => setImmediate(resolve))
    expect(closed).toBe(false)
    await expect(fetch(`${url}/healthz`)).rejects.toThrow()
    source.release()
    const response = await inFlight
    expect(response.status).toBe(200)
    expect(((await response.json()) as QueryResult).rows[0]?.[0]).toBeGreaterThan(0)
    await closing
    expect(closed).toBe(true)
    // The audit entry of the in-flight request is written; the caller-owned source stays open.
    const [[entries]] = (await source.query(
      `SELECT COUNT(*) FROM inset_audit WHERE kind = 'query'`,
    )) as [[number]]
    expect(entries).toBe(1)
    await source.close()
  })

  it('serves in-process through fetch() without listening', async () => {
    server = await createInsetServer(testConfig({ name: 'duckdb' }, '', 500))
    const response = await server.fetch(new Request('http://inset.local/healthz'))
    expect(await response.json()).toEqual({ status: 'ok' })
  })

  it('reports a taken port', async () => {
    server = await createInsetServer(testConfig({ name: 'duckdb' }, '', 500))
    const { port } = await server.listen({ port: 0, host: '127.0.0.1' })
    const second = await createInsetServer(testConfig({ name: 'duckdb' }, '', 500))
    try {
      await expect(second.listen({ port, host: '127.0.0.1' })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      })
    } finally {
      await second.close()
    }
  })
})
