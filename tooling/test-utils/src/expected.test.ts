import { describe, expect, it } from 'vitest'
import {
  ALICE,
  BOB,
  expectedFor,
  int,
  monthLabel,
  previousPeriod,
  queryOrders,
  usd,
} from './expected'

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

describe('expectedFor', () => {
  it("adds up: alice's regions and months make her total, bob sees only globex EU", async () => {
    const alice = await expectedFor(ALICE)
    expect(alice.orders).toBeGreaterThan(10_000)
    expect(sum(alice.byCategory.map((c) => c.revenue))).toBeCloseTo(alice.revenue, 2)
    expect(sum(alice.byMonth.map((m) => m.revenue))).toBeCloseTo(alice.revenue, 2)
    expect(alice.byRegion.map((r) => r.region).sort()).toEqual(['APAC', 'EU', 'NA'])
    expect(alice.byMonth).toHaveLength(24)
    expect(alice.byMonth[0]?.month).toBe('2024-11')
    expect(alice.topProducts).toHaveLength(10)
    expect(alice.productCount).toBeGreaterThan(10)
    const revenues = alice.byCategory.map((c) => c.revenue)
    expect(revenues).toEqual([...revenues].sort((a, b) => b - a))

    // No region given means every region of the tenant.
    expect((await expectedFor({ tenant: 'acme' })).orders).toBe(alice.orders)
    const regions = await Promise.all(
      ['EU', 'NA', 'APAC'].map((region) => expectedFor({ ...ALICE, regions: [region] })),
    )
    expect(sum(regions.map((r) => r.orders))).toBe(alice.orders)

    const bob = await expectedFor(BOB)
    expect(bob.byRegion.map((r) => r.region)).toEqual(['EU'])
    expect(bob.orders).toBeLessThan(alice.orders)
  })

  it('narrows by channel and by a date range with `to` exclusive', async () => {
    const march = await expectedFor({ ...ALICE, from: '2025-03-01', to: '2025-04-01' })
    expect(march.byMonth.map((m) => m.month)).toEqual(['2025-03'])
    const online = await expectedFor({ ...ALICE, channels: ['online'] })
    const [[count]] = (await queryOrders(
      "SELECT count(*) FROM orders WHERE $where AND channel = 'online'",
      ALICE,
    )) as [[number]]
    expect(online.orders).toBe(count)
    expect(await expectedFor({ ...ALICE, from: '2031-01-01' })).toMatchObject({
      revenue: 0,
      orders: 0,
      topProducts: [],
    })
  })
})

describe('formatting and periods', () => {
  it('formats as the pages do and finds the period before', () => {
    expect(usd(1234.5)).toBe('$1,235')
    expect(int(22390)).toBe('22,390')
    expect(monthLabel('2025-03')).toBe('Mar 2025')
    expect(previousPeriod('2025-01-01', '2025-04-01')).toEqual({
      from: '2024-10-03',
      to: '2025-01-01',
    })
  })
})
