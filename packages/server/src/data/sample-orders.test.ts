import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  generateSampleOrders,
  ORDER_COLUMNS,
  SAMPLE_CHANNELS,
  SAMPLE_REGIONS,
  SAMPLE_TENANTS,
} from './sample-orders'

const digest = (columns: unknown[][]) =>
  createHash('sha256').update(JSON.stringify(columns)).digest('hex')

describe('generateSampleOrders', () => {
  it('is deterministic per seed', () => {
    const a = generateSampleOrders({ rows: 5_000, seed: 42 })
    expect(digest(generateSampleOrders({ rows: 5_000, seed: 42 }))).toBe(digest(a))
    expect(digest(generateSampleOrders({ rows: 5_000, seed: 43 }))).not.toBe(digest(a))
  })

  it('covers every tenant, region and channel over two years, ordered by date', () => {
    const columns = generateSampleOrders({ rows: 20_000, seed: 7 })
    const column = (name: string) =>
      columns[ORDER_COLUMNS.findIndex((c) => c.name === name)] as unknown[]
    expect(new Set(column('tenant_id'))).toEqual(new Set(SAMPLE_TENANTS))
    expect(new Set(column('region'))).toEqual(new Set(SAMPLE_REGIONS))
    expect(new Set(column('channel'))).toEqual(new Set(SAMPLE_CHANNELS))
    const dates = column('order_date') as string[]
    expect(dates[0]?.startsWith('2024-11')).toBe(true)
    expect(dates.at(-1)?.startsWith('2026-10')).toBe(true)
    expect(dates.every((d, i) => i === 0 || (dates[i - 1] as string) <= d)).toBe(true)
    expect(column('order_id')).toEqual(Array.from({ length: 20_000 }, (_, i) => i + 1))
    for (const amount of column('amount') as number[]) {
      expect(amount).toBeGreaterThan(0)
      expect(Math.round(amount * 100) / 100).toBe(amount)
    }
  })
})
