import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../../test/backends'
import { createTestRuntime } from '../../test/runtimes'
import { demoClaims } from '../../test/tokens'
import { ServerError } from '../errors'
import type { InsetRuntime } from '../runtime'
import { dimensionRange, listDimensionValues } from './dimension-values'
import { runStructuredQuery } from './run-query'

describe.each(BACKENDS)('runStructuredQuery on %s', (_name, backend, skipReason) => {
  let runtime: InsetRuntime & { close(): Promise<void> }
  beforeAll(async () => {
    if (!skipReason) runtime = await createTestRuntime(backend)
  })
  afterAll(async () => {
    await runtime?.close()
  })

  it.skipIf(skipReason)('returns only the tenant and regions of the token', async () => {
    const query = { dataset: 'orders', measures: ['orders'], dimensions: ['tenant', 'region'] }
    const alice = await runStructuredQuery({ runtime, claims: demoClaims('alice') }, query)
    const bob = await runStructuredQuery({ runtime, claims: demoClaims('bob') }, query)
    expect(alice.rows.map((row) => row[0])).toEqual(['acme', 'acme', 'acme'])
    expect(bob.rows).toHaveLength(1)
    expect(bob.rows[0]?.slice(0, 2)).toEqual(['globex', 'EU'])
    expect(bob.columns.map((c) => c.name)).toEqual(['tenant', 'region', 'orders'])
  })

  it.skipIf(skipReason)(
    'groups by month with ISO dates in order, numbers not bigints',
    async () => {
      const result = await runStructuredQuery(
        { runtime, claims: demoClaims('alice') },
        {
          dataset: 'orders',
          measures: ['revenue', 'orders'],
          timeGrain: { dimension: 'order_date', grain: 'month' },
          timeRange: { dimension: 'order_date', from: '2025-01-01', to: '2025-04-01' },
        },
      )
      expect(result.rows.map((row) => row[0])).toEqual(['2025-01-01', '2025-02-01', '2025-03-01'])
      for (const [, revenue, orders] of result.rows) {
        expect(typeof revenue).toBe('number')
        expect(Number.isInteger(orders)).toBe(true)
        expect(Math.round((revenue as number) * 100) / 100).toBe(revenue)
      }
    },
  )

  it.skipIf(skipReason)(
    'refuses a token without the claim a rule needs, and audits it',
    async () => {
      const claims = demoClaims('bob', { sub: 'mallory', attrs: {} })
      const error = await runStructuredQuery(
        { runtime, claims },
        { dataset: 'orders', measures: ['orders'] },
      ).catch((e) => e)
      expect(error).toBeInstanceOf(ServerError)
      expect(error.code).toBe('forbidden')
      expect(error.message).toContain('attrs.region')
      const { items } = await runtime.audit.list({ subject: 'mallory' })
      expect(items[0]).toMatchObject({
        kind: 'query',
        subject: 'mallory',
        tenant: 'globex',
        status: 403,
        errorCode: 'forbidden',
      })
    },
  )

  it.skipIf(skipReason)('reports truncation past the limit', async () => {
    const result = await runStructuredQuery(
      { runtime, claims: demoClaims('alice') },
      { dataset: 'orders', measures: ['orders'], dimensions: ['product'], limit: 3 },
    )
    expect(result.rows).toHaveLength(3)
    expect(result.meta).toMatchObject({ rowCount: 3, truncated: true })
  })

  it.skipIf(skipReason)('lists dimension values and ranges under row-level security', async () => {
    expect(
      await listDimensionValues({ runtime, claims: demoClaims('bob') }, 'orders', 'region'),
    ).toEqual(['EU'])
    expect(
      await listDimensionValues({ runtime, claims: demoClaims('alice') }, 'orders', 'region'),
    ).toEqual(['APAC', 'EU', 'NA'])
    const range = await dimensionRange(
      { runtime, claims: demoClaims('bob') },
      'orders',
      'order_date',
    )
    expect(range.min! >= '2024-11-01').toBe(true)
    expect(range.max! <= '2026-10-31').toBe(true)
  })

  it.skipIf(skipReason)(
    'filter options: an asker who leaves fails only itself; a purge of the dataset drops them',
    async () => {
      runtime.resultCache.purge()
      const bob = { runtime, claims: demoClaims('bob') }
      const leaving = new AbortController()
      const first = listDimensionValues(bob, 'orders', 'channel', { signal: leaving.signal })
      const second = listDimensionValues(bob, 'orders', 'channel')
      const range = dimensionRange(bob, 'orders', 'order_date', { signal: leaving.signal })
      const rangeToo = dimensionRange(bob, 'orders', 'order_date')
      leaving.abort()
      await expect(first).rejects.toMatchObject({ code: 'timeout' })
      await expect(range).rejects.toMatchObject({ code: 'timeout' })
      expect(await second).toEqual(['online', 'partner', 'retail'])
      expect((await rangeToo).min! >= '2024-11-01').toBe(true)

      const before = runtime.resultCache.stats().misses
      await listDimensionValues(bob, 'orders', 'channel')
      expect(runtime.resultCache.stats().misses).toBe(before)
      expect(runtime.resultCache.purge('orders')).toBeGreaterThan(0)
      await listDimensionValues(bob, 'orders', 'channel')
      expect(runtime.resultCache.stats().misses).toBe(before + 1)
    },
  )
})
