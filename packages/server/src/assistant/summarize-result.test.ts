import type { ColumnMeta, QueryResult } from '@inset/core'
import { describe, expect, it } from 'vitest'
import { chartFor } from './chart-for'
import { formatCell, summarizeResult } from './summarize-result'

const region: ColumnMeta = { name: 'region', label: 'Region', type: 'string', role: 'dimension' }
const month: ColumnMeta = {
  name: 'order_date',
  label: 'Order date',
  type: 'date',
  role: 'dimension',
  grain: 'month',
}
const revenue: ColumnMeta = {
  name: 'revenue',
  label: 'Revenue',
  type: 'number',
  role: 'measure',
  format: 'currency',
}
const orders: ColumnMeta = {
  name: 'orders',
  label: 'Orders',
  type: 'number',
  role: 'measure',
  format: 'integer',
}
const result = (columns: ColumnMeta[], rows: QueryResult['rows']): QueryResult => ({
  columns,
  rows,
  meta: { rowCount: rows.length, durationMs: 1 },
})

describe('summarizeResult', () => {
  it('states totals, leaders and peaks with the numbers of the result', () => {
    expect(summarizeResult(result([revenue, orders], [[1234.5, 17]]))).toBe(
      'Revenue is 1,234.50 and Orders is 17.',
    )
    expect(summarizeResult(result([revenue], [[null]]))).toBe(
      'There is no Revenue (no matching rows).',
    )
    expect(
      summarizeResult(
        result(
          [region, revenue],
          [
            ['EU', 30],
            ['NA', 20],
            ['APAC', 10],
          ],
        ),
      ),
    ).toBe('EU comes first with Revenue of 30.00, then NA (20.00) and APAC (10.00).')
    expect(
      summarizeResult(
        result(
          [month, orders],
          [
            ['2025-01-01', 5],
            ['2025-02-01', 9],
            ['2025-03-01', 2],
          ],
        ),
      ),
    ).toBe(
      '3 periods from January 2025 to March 2025. Orders was highest in February 2025 (9) and lowest in March 2025 (2).',
    )
    expect(summarizeResult(result([region, revenue], []))).toBe(
      'No rows match this question in the data you can see.',
    )
  })

  it('formats cells by column', () => {
    expect(formatCell({ ...month, grain: 'quarter' }, '2026-07-01')).toBe('Q3 2026')
    expect(formatCell({ ...month, grain: 'week' }, '2026-11-16')).toBe('the week of 2026-11-16')
    expect(formatCell({ ...orders, format: 'percent' }, 0.125)).toBe('12.5%')
  })
})

describe('chartFor', () => {
  const query = { dataset: 'orders', measures: ['revenue'] }
  it('draws series, breakdowns, KPIs and tables', () => {
    expect(
      chartFor(
        { ...query, timeGrain: { dimension: 'order_date', grain: 'month' } },
        result(
          [month, revenue],
          [
            ['2025-01-01', 1],
            ['2025-02-01', 2],
          ],
        ),
      ),
    ).toEqual({ kind: 'timeseries', x: 'order_date', y: ['revenue'] })
    expect(
      chartFor(
        query,
        result(
          [region, revenue],
          [
            ['EU', 1],
            ['NA', 2],
          ],
        ),
      ),
    ).toEqual({ kind: 'breakdown', x: 'region', y: ['revenue'] })
    expect(chartFor(query, result([revenue], [[1]]))).toEqual({ kind: 'kpi', y: ['revenue'] })
    expect(chartFor(query, result([region, revenue, orders], [['EU', 1, 2]]))).toEqual({
      kind: 'table',
      x: 'region',
      y: ['revenue', 'orders'],
    })
  })
})
