import type { IncomingMessage, ServerResponse } from 'node:http'
import { InsetError } from '@inset/core'
import { afterEach, describe, expect, it } from 'vitest'
import { listen, type TestServer } from '../test/listen'
import { createInsetClient } from './admin-client'

// A stand-in for the data API, for failures the real server does not produce on demand (503,
// 429 with Retry-After, a stream cut mid-way); the round trip against @inset/server lives in
// packages/server/test/data-api-node.test.ts.
let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const BOB = { user: 'bob', tenant: 'globex', attributes: { region: ['EU'] } }
const QUERY = { dataset: 'orders', measures: ['orders'], dimensions: ['region'] }

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = ''
  for await (const chunk of req) text += chunk
  return JSON.parse(text) as Record<string, unknown>
}

function json(res: ServerResponse, status: number, body: unknown, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

/** Pages of 2 over rows 0..4; fails first with each status in `failures` (Retry-After: 0). */
function dataApi(log: Array<Record<string, unknown>>, failures: number[] = []) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req)
    log.push(body)
    const failure = failures.shift()
    if (failure === 400)
      return json(res, 400, {
        error: { code: 'bad_request', message: 'query.dimensions[0]: unknown' },
      })
    if (failure)
      return json(
        res,
        failure,
        { error: { code: failure === 429 ? 'rate_limited' : 'server', message: 'later' } },
        { 'retry-after': '0' },
      )
    const start = Number(body.cursor ?? 0)
    const rows = [0, 1, 2, 3, 4].slice(start, start + 2).map((i) => [`r${i}`, i])
    json(res, 200, {
      columns: [{ name: 'region' }, { name: 'orders' }],
      rows,
      meta: { rowCount: rows.length, durationMs: 1, pagination: 'keyset' },
      nextCursor: start + 2 < 5 ? String(start + 2) : null,
    })
  }
}

const client = (url: string) =>
  createInsetClient({
    serverUrl: url,
    apiKey: 'k',
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 50 },
  })

describe('the data API client', () => {
  it('pages() follows nextCursor to the end; every request carries the query and onBehalfOf', async () => {
    const log: Array<Record<string, unknown>> = []
    server = await listen(dataApi(log))
    const rows = []
    for await (const page of client(server.url).pages({ query: QUERY, onBehalfOf: BOB, limit: 2 }))
      rows.push(...page.rows)
    expect(rows.map((row) => row[1])).toEqual([0, 1, 2, 3, 4])
    expect(log.map((body) => body.cursor)).toEqual([undefined, '2', '4'])
    expect(log.every((body) => JSON.stringify(body.onBehalfOf) === JSON.stringify(BOB))).toBe(true)
  })

  it('retries 503 and 429 (Retry-After), never a 400', async () => {
    const log: Array<Record<string, unknown>> = []
    server = await listen(dataApi(log, [503, 429]))
    const page = await client(server.url).query({ query: QUERY, onBehalfOf: BOB })
    expect(page.rows).toHaveLength(2)
    expect(log).toHaveLength(3)
    const refused: Array<Record<string, unknown>> = []
    await server.close()
    server = await listen(dataApi(refused, [400]))
    const error = await client(server.url)
      .query({ query: QUERY, onBehalfOf: BOB })
      .catch((e) => e)
    expect(error).toBeInstanceOf(InsetError)
    expect([error.code, error.status, error.message]).toEqual([
      'bad_request',
      400,
      'query.dimensions[0]: unknown',
    ])
    expect(refused).toHaveLength(1)
  })

  it('exportRows() parses NDJSON split anywhere across chunks, and rejects a stream cut short', async () => {
    const lines = Array.from(
      { length: 500 },
      (_, i) => `${JSON.stringify({ id: i, name: `n,"${i}"` })}\n`,
    ).join('')
    let cut = false
    server = await listen(async (req, res) => {
      await readBody(req)
      res.writeHead(200, { 'content-type': 'application/x-ndjson' })
      for (let i = 0; i < lines.length; i += 37) res.write(lines.slice(i, i + 37))
      if (cut) res.destroy()
      else res.end()
    })
    const rows = []
    for await (const row of client(server.url).exportRows({ query: QUERY, onBehalfOf: BOB }))
      rows.push(row)
    expect(rows).toHaveLength(500)
    expect(rows[499]).toEqual({ id: 499, name: 'n,"499"' })
    cut = true
    const failure = await (async () => {
      for await (const _ of client(server.url).exportRows({ query: QUERY, onBehalfOf: BOB })) {
      }
    })().catch((e) => e)
    expect(failure).toBeInstanceOf(InsetError)
    expect(failure.code).toBe('network')
  })
})
