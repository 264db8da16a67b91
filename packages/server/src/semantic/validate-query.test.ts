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

describe('validateStructuredQuery: values and defaults', () => {
  const query = (extra: object) =>
    validateStructuredQuery(
      model,
      { dataset: 'orders', measures: ['revenue'], ...extra },
      {
        maxRows: 10_000,
      },
    )

  it('refuses dates that do not exist and times out of range', () => {
    for (const value of ['2025-02-30', '2025-13-01', '2025-00-10', '2023-02-29']) {
      expect(normalizeIsoDate(value, 'date'), value).toBeUndefined()
    }
    for (const value of ['2025-01-01T24:00', '2025-01-01T23:60', '2025-01-01T23:59:60']) {
      expect(normalizeIsoDate(value, 'timestamp'), value).toBeUndefined()
    }
    expect(normalizeIsoDate('2024-02-29', 'date')).toBe('2024-02-29')
    expect(normalizeIsoDate('2025-01-01T23:59:59Z', 'timestamp')).toBe('2025-01-01T23:59:59Z')
    expect(normalizeIsoDate('2025-01-01T23:59:59Z', 'date')).toBe('2025-01-01')
  })

  it.each(['gte', 'lt'])('refuses "%s" with two values', (op) => {
    expect(
      errorOf({
        dataset: 'orders',
        measures: ['revenue'],
        filters: [{ dimension: 'order_date', op, values: ['2025-01-01', '2025-02-01'] }],
      }).message,
    ).toContain(`"${op}" takes exactly one value`)
  })

  it('keeps a time range open on the side not given', () => {
    const from = query({ timeRange: { dimension: 'order_date', from: '2025-01-01' } }).timeRange
    expect(from).toEqual({ dimension: expect.anything(), from: '2025-01-01' })
    expect(Object.keys(from ?? {})).toEqual(['dimension', 'from'])
    const to = query({ timeRange: { dimension: 'order_date', to: '2025-07-01T00:00:00Z' } })
    expect(Object.keys(to.timeRange ?? {})).toEqual(['dimension', 'to'])
    expect(to.timeRange?.to).toBe('2025-07-01')
  })

  it('adds no default sort to one asked for', () => {
    const resolved = query({
      timeGrain: { dimension: 'order_date', grain: 'month' },
      sort: [{ field: 'revenue', direction: 'desc' }],
    })
    expect(resolved.sort).toEqual([{ field: 'revenue', direction: 'desc' }])
  })
})
