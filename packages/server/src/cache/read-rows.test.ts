// The cache policy from the configuration (server default, per-dataset TTL, the off switches) and
// readRows with the cache off: every call reads the database and says so.
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../config/load-config'
import type { InsetConfigInput } from '../config/schema'
import type { DataSource } from '../data/data-source'
import { demoConfig } from '../demo/demo-config'
import { createLogger } from '../logger'
import type { InsetRuntime } from '../runtime'
import { cacheTtlMs, readRows, resultCacheKey } from './read-rows'
import { ResultCache } from './result-cache'

function config(adjust: (input: InsetConfigInput) => InsetConfigInput = (input) => input) {
  return parseConfig(adjust(demoConfig({ rows: 10 })))
}

const withOrdersCache = (cache: unknown) => (input: InsetConfigInput) => ({
  ...input,
  datasets: {
    ...input.datasets,
    orders: { ...input.datasets.orders, cache } as InsetConfigInput['datasets'][string],
  },
})

describe('cacheTtlMs', () => {
  it('takes the server default, a dataset TTL over it, and either switch turns caching off', () => {
    expect(cacheTtlMs(config(), 'orders')).toBe(60_000)
    expect(cacheTtlMs(config(withOrdersCache({ ttl: '5m' })), 'orders')).toBe(300_000)
    expect(cacheTtlMs(config(withOrdersCache({ ttl: 90 })), 'orders')).toBe(90_000)
    expect(cacheTtlMs(config(withOrdersCache({ enabled: false })), 'orders')).toBeUndefined()
    const serverOff = config((input) => ({ ...input, server: { cache: { enabled: false } } }))
    expect(cacheTtlMs(serverOff, 'orders')).toBeUndefined()
    const serverTtl = config((input) => ({ ...input, server: { cache: { ttl: '2h' } } }))
    expect(cacheTtlMs(serverTtl, 'orders')).toBe(7_200_000)
  })

  it('refuses a TTL it cannot read rather than guessing', () => {
    expect(() => config(withOrdersCache({ ttl: '1.5h' }))).toThrow(/datasets\.orders\.cache\.ttl/)
    expect(() => config(withOrdersCache({ ttl: '2d' }))).toThrow(/24 hours/)
  })
})

describe('resultCacheKey', () => {
  it('differs in every bound parameter, the row-level-security values included', () => {
    const sql = 'SELECT 1 FROM "orders" WHERE "tenant_id" = $1'
    expect(resultCacheKey('main', 'orders', sql, ['acme'])).not.toBe(
      resultCacheKey('main', 'orders', sql, ['globex']),
    )
    expect(resultCacheKey('main', 'orders', sql, ['a', 'b'])).not.toBe(
      resultCacheKey('main', 'orders', sql, ['a,b']),
    )
    expect(resultCacheKey('main', 'orders', sql, [1])).not.toBe(
      resultCacheKey('main', 'orders', sql, ['1']),
    )
  })
})

describe('readRows with the cache off', () => {
  it('reads the database on every call and answers cache "off"', async () => {
    let calls = 0
    const source = {
      name: 'main',
      dialect: 'duckdb',
      query: async () => [[++calls]],
    } as unknown as DataSource
    const runtime = {
      config: config(withOrdersCache({ enabled: false })),
      logger: createLogger(false),
      resultCache: new ResultCache({ maxEntries: 10, maxBytes: 1 << 20 }),
    } as unknown as InsetRuntime
    const statement = { sql: 'SELECT 1', params: [] }
    const first = await readRows(runtime, source, 'orders', statement)
    const second = await readRows(runtime, source, 'orders', statement)
    expect([first.rows, second.rows]).toEqual([[[1]], [[2]]])
    expect(first.cache).toBe('off')
    expect(Date.parse(first.dataAsOf)).toBeGreaterThan(0)
    // The same statement with the cache on is read once.
    runtime.config = config()
    const cached = await readRows(runtime, source, 'orders', statement)
    const again = await readRows(runtime, source, 'orders', statement)
    expect([cached.cache, again.cache]).toEqual(['miss', 'hit'])
    expect(again.rows).toEqual([[3]])
  })
})
