import { describe, expect, it } from 'vitest'
import { parseConfig } from '../config/load-config'
import { demoConfig } from '../demo/demo-config'
import { ServerError } from '../errors'
import { buildSemanticModel } from './model'
import { normalizeIsoDate, validateStructuredQuery } from './validate-query'

const model = buildSemanticModel(parseConfig(demoConfig()))

function errorOf(query: unknown, maxRows = 10_000): ServerError {
  try {
    validateStructuredQuery(model, query, { maxRows })
  } catch (error) {
    if (error instanceof ServerError) return error
    throw error
  }
  throw new Error('expected a validation error')
}

describe('validateStructuredQuery', () => {
  it.each([
    [{ dataset: 'nope', measures: ['revenue'] }, 'query.dataset: unknown dataset "nope"'],
    [
      { dataset: 'orders', measures: ['profit'] },
      'query.measures[0]: unknown measure "profit" in dataset "orders"',
    ],
    [
      { dataset: 'orders', measures: [], dimensions: ['region', 'colour'] },
      'query.dimensions[1]: unknown dimension "colour"',
    ],
    [
      {
        dataset: 'orders',
        measures: ['revenue'],
        timeGrain: { dimension: 'region', grain: 'month' },
      },
      '"region" is not a time dimension',
    ],
    [
      {
        dataset: 'orders',
        measures: ['revenue'],
        timeGrain: { dimension: 'order_date', grain: 'hour' },
      },
      'query.timeGrain.grain',
    ],
    [
      {
        dataset: 'orders',
        measures: ['revenue'],
        filters: [{ dimension: 'order_date', op: 'gte', values: ['yesterday'] }],
      },
      'query.filters[0].values[0]: "order_date" needs ISO dates',
    ],
    [
      {
        dataset: 'orders',
        measures: ['revenue'],
        filters: [{ dimension: 'region', op: 'eq', values: ['EU', 'NA'] }],
      },
      '"eq" takes exactly one value',
    ],
    [
      { dataset: 'orders', measures: ['revenue'], sort: [{ field: 'region', direction: 'asc' }] },
      'query.sort[0].field: "region" is not a selected',
    ],
    [{ dataset: 'orders', measures: ['revenue', 'revenue'] }, '"revenue" is selected twice'],
    [{ dataset: 'orders', measures: [] }, 'select at least one measure or dimension'],
    [{ dataset: 'orders', measures: ['revenue'], sql: 'SELECT 1' }, 'query: Unrecognized key'],
    [{ dataset: 'orders', measures: ['revenue'], limit: 20_000 }, 'query.limit: at most 10000'],
  ])('refuses %j', (query, message) => {
    const error = errorOf(query)
    expect(error.code).toBe('bad_request')
    expect(error.status).toBe(400)
    expect(error.message).toContain(message)
  })

  it('resolves names, types values and defaults the sort', () => {
    const resolved = validateStructuredQuery(
      model,
      {
        dataset: 'orders',
        measures: ['revenue'],
        dimensions: ['order_date', 'channel'],
        timeGrain: { dimension: 'order_date', grain: 'month' },
        filters: [{ dimension: 'region', op: 'in', values: ['EU', 7] }],
        timeRange: { dimension: 'order_date', from: '2025-01-01T10:00:00Z' },
      },
      { maxRows: 500 },
    )
    expect(resolved.dimensions.map((d) => d.name)).toEqual(['channel'])
    expect(resolved.filters[0]?.values).toEqual(['EU', '7'])
    expect(resolved.timeRange?.from).toBe('2025-01-01')
    expect(resolved.sort).toEqual([{ field: 'order_date', direction: 'asc' }])
    expect(resolved.limit).toBe(500)
  })
})

describe('normalizeIsoDate', () => {
  it.each([
    ['2025-02-28', 'date', '2025-02-28'],
    ['2025-02-29', 'date', undefined],
    ['2025-13-01', 'date', undefined],
    ['2025-01-01T25:00:00Z', 'timestamp', undefined],
    ['2025-01-01T10:30:00+02:00', 'timestamp', '2025-01-01T10:30:00+02:00'],
    ["2025-01-01' OR 1=1", 'date', undefined],
  ] as const)('%s as %s → %s', (input, type, expected) => {
    expect(normalizeIsoDate(input, type)).toBe(expected)
  })
})
