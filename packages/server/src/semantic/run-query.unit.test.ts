// runSql and result shaping with a fake data source: timeouts, aborts and failures become typed
// errors; currency is rounded to the cent; rows past the limit are cut and flagged.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestRuntime } from '../../test/runtimes'
import { demoClaims } from '../../test/tokens'
import { ResultCache } from '../cache/result-cache'
import type { DataSource } from '../data/data-source'
import { ServerError } from '../errors'
import type { InsetRuntime } from '../runtime'
import { executeStructuredQuery, runSql, runStructuredQuery } from './run-query'

let base: InsetRuntime & { close(): Promise<void> }
beforeAll(async () => {
  base = await createTestRuntime({ name: 'duckdb' }, 500)
})
afterAll(async () => {
  await base?.close()
})

function withSource(query: DataSource['query'], timeoutMs = 1000): InsetRuntime {
  const main = base.dataSources.get('main') as DataSource
  return {
    ...base,
    config: { ...base.config, server: { ...base.config.server, queryTimeoutMs: timeoutMs } },
    dataSources: new Map([['main', { ...main, query }]]),
    // Each fake database answers the same SQL differently: a result cache of its own.
    resultCache: new ResultCache({ maxEntries: 100, maxBytes: 1 << 20 }),
  }
}

describe('runSql', () => {
  it('maps a statement over the timeout to 504 timeout', async () => {
    vi.useFakeTimers()
    try {
      const runtime = withSource(
        (_sql, _params, options) =>
          new Promise((_resolve, reject) =>
            options?.signal?.addEventListener('abort', () => reject(new Error('interrupted'))),
          ),
        250,
      )
      const pending = runSql(runtime, runtime.dataSources.get('main') as DataSource, 'SELECT 1', [])
      const assertion = expect(pending).rejects.toMatchObject({
        code: 'timeout',
        status: 504,
        message: 'The query took longer than 250 ms',
      })
      await vi.advanceTimersByTimeAsync(300)
      await assertion
    } finally {
      vi.useRealTimers()
    }
  })

  it('maps the caller aborting to timeout "aborted", and a database failure to 500 query', async () => {
    const controller = new AbortController()
    const hanging = withSource(
      (_sql, _params, options) =>
        new Promise((_resolve, reject) =>
          options?.signal?.addEventListener('abort', () => reject(new Error('stopped'))),
        ),
    )
    const pending = runSql(
      hanging,
      hanging.dataSources.get('main') as DataSource,
      'SELECT 1',
      [],
      controller.signal,
    )
    controller.abort()
    await expect(pending).rejects.toMatchObject({
      code: 'timeout',
      message: 'The query was aborted',
    })

    const failing = withSource(async () => {
      throw new Error('relation "secret_table" does not exist')
    })
    const error = await runSql(
      failing,
      failing.dataSources.get('main') as DataSource,
      'SELECT 1',
      [],
    ).catch((e) => e)
    expect(error).toBeInstanceOf(ServerError)
    expect(error).toMatchObject({ code: 'query', status: 500, message: 'The query failed' })
  })
})

describe('results', () => {
  it('rounds currency measures to the cent, leaves other numbers, and flags truncation', async () => {
    const runtime = withSource(async () => [
      ['EU', 1234.5678, 3.25],
      ['NA', 0.005, 2.5],
      ['APAC', 10, 1],
    ])
    const result = await executeStructuredQuery(
      { runtime, claims: demoClaims('alice') },
      { dataset: 'orders', measures: ['revenue', 'units'], dimensions: ['region'], limit: 2 },
    )
    expect(result.rows).toEqual([
      ['EU', 1234.57, 3.25],
      ['NA', 0.01, 2.5],
    ])
    expect(result.meta).toMatchObject({ rowCount: 2, truncated: true })
    const exact = await executeStructuredQuery(
      { runtime: withSource(async () => [['EU', 1, 1]]), claims: demoClaims('alice') },
      { dataset: 'orders', measures: ['revenue', 'units'], dimensions: ['region'], limit: 2 },
    )
    expect(exact.meta.truncated).toBeUndefined()
    expect(exact.meta.rowCount).toBe(1)
  })
})

describe('results: numbers and audit', () => {
  it('rounds only currency measures, and flags no truncation at exactly the limit', async () => {
    const runtime = withSource(async () => [
      ['EU', 10.126, 3.257],
      ['NA', 1, 0.001],
    ])
    const result = await executeStructuredQuery(
      { runtime, claims: demoClaims('alice') },
      { dataset: 'orders', measures: ['revenue', 'units'], dimensions: ['region'], limit: 2 },
    )
    expect(result.rows).toEqual([
      ['EU', 10.13, 3.257],
      ['NA', 1, 0.001],
    ])
    expect(result.meta.truncated).toBeUndefined()
    expect(result.meta.rowCount).toBe(2)
  })

  it('audits who asked, from which dashboard and tile, in which request', async () => {
    const record = vi.fn(async (_entry: unknown) => {})
    const runtime = { ...withSource(async () => [[5]]), audit: { ...base.audit, record } }
    await runStructuredQuery(
      { runtime, claims: demoClaims('bob'), requestId: 'req-1' },
      { dataset: 'orders', measures: ['revenue'] },
      { audit: { kind: 'assistant', dashboardId: 'sales-overview', tileId: 'revenue' } },
    )
    await runStructuredQuery(
      { runtime, claims: demoClaims('alice') },
      { dataset: 'orders', measures: ['revenue'] },
    )
    expect(record.mock.calls.map(([entry]) => entry)).toEqual([
      expect.objectContaining({
        kind: 'assistant',
        subject: 'bob',
        tenant: 'globex',
        dashboardId: 'sales-overview',
        tileId: 'revenue',
        rowCount: 1,
        status: 200,
        errorCode: null,
        requestId: 'req-1',
      }),
      expect.objectContaining({
        kind: 'query',
        subject: 'alice',
        dashboardId: null,
        tileId: null,
        requestId: null,
      }),
    ])
  })
})
