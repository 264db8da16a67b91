import { describe, expect, it } from 'vitest'
import { parseConfig } from '../config/load-config'
import { demoConfig } from '../demo/demo-config'
import { compileQuery, quoteIdentifier, quoteTable } from './compile-sql'
import { buildSemanticModel } from './model'
import { validateStructuredQuery } from './validate-query'

const model = buildSemanticModel(parseConfig(demoConfig()))
const resolve = (query: unknown) => validateStructuredQuery(model, query, { maxRows: 10_000 })
const rls = [
  { column: 'tenant_id', values: ['globex'] },
  { column: 'region', values: ['EU'] },
]

describe('compileQuery', () => {
  it('puts row-level security first and binds every value as a parameter', () => {
    const injection = "EU' OR '1'='1"
    const { sql, params } = compileQuery(
      resolve({
        dataset: 'orders',
        measures: ['revenue'],
        dimensions: ['region'],
        filters: [{ dimension: 'region', op: 'in', values: [injection, 'NA'] }],
      }),
      rls,
      'duckdb',
    )
    expect(sql).toBe(
      'SELECT "region" AS c0, SUM("amount") AS c1 FROM "orders" WHERE "tenant_id" = $1 AND "region" = $2 AND "region" IN ($3, $4) GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST LIMIT 1001',
    )
    expect(params).toEqual(['globex', 'EU', injection, 'NA'])
    expect(sql).not.toContain(injection)
  })

  it('uses IN for a claim holding several values and matches nothing for an empty list', () => {
    const query = resolve({ dataset: 'orders', measures: ['orders'] })
    expect(
      compileQuery(query, [{ column: 'region', values: ['EU', 'NA'] }], 'duckdb').sql,
    ).toContain('"region" IN ($1, $2)')
    expect(compileQuery(query, [{ column: 'region', values: [] }], 'duckdb').sql).toContain(
      'WHERE 1 = 0',
    )
  })

  it('buckets time by grain in each dialect and casts date parameters', () => {
    const query = resolve({
      dataset: 'orders',
      measures: ['revenue'],
      timeGrain: { dimension: 'order_date', grain: 'quarter' },
      timeRange: { dimension: 'order_date', from: '2025-01-01', to: '2025-07-01' },
    })
    const duck = compileQuery(query, rls, 'duckdb')
    expect(duck.sql).toContain(`CAST(date_trunc('quarter', "order_date") AS DATE) AS c0`)
    expect(duck.sql).toContain(
      '"order_date" >= CAST($3 AS DATE) AND "order_date" < CAST($4 AS DATE)',
    )
    expect(duck.sql).toContain('ORDER BY 1 ASC NULLS LAST')
    const pg = compileQuery(query, rls, 'postgres')
    expect(pg.sql).toContain(
      `CAST(date_trunc('quarter', CAST("order_date" AS TIMESTAMP)) AS DATE) AS c0`,
    )
    expect(pg.columns[0]).toEqual({
      name: 'order_date',
      label: 'Order date',
      type: 'date',
      role: 'dimension',
      grain: 'quarter',
    })
  })

  it('compiles every aggregation', () => {
    const { sql, columns } = compileQuery(
      resolve({
        dataset: 'orders',
        measures: ['revenue', 'orders', 'customers', 'avg_order_value'],
      }),
      [],
      'postgres',
    )
    expect(sql).toBe(
      'SELECT SUM("amount") AS c0, COUNT(*) AS c1, COUNT(DISTINCT "customer_id") AS c2, AVG("amount") AS c3 FROM "orders" LIMIT 1001',
    )
    expect(columns.map((c) => [c.name, c.format])).toEqual([
      ['revenue', 'currency'],
      ['orders', 'integer'],
      ['customers', 'integer'],
      ['avg_order_value', 'currency'],
    ])
  })
})

describe('compileQuery: ranges, order and columns', () => {
  it('bounds a time range on the side given only', () => {
    const from = compileQuery(
      resolve({
        dataset: 'orders',
        measures: ['revenue'],
        timeRange: { dimension: 'order_date', from: '2025-01-01' },
      }),
      [],
      'duckdb',
    )
    expect(from.sql).toContain('WHERE "order_date" >= CAST($1 AS DATE) LIMIT')
    expect(from.params).toEqual(['2025-01-01'])
    const to = compileQuery(
      resolve({
        dataset: 'orders',
        measures: ['revenue'],
        timeRange: { dimension: 'order_date', to: '2025-07-01' },
      }),
      [],
      'duckdb',
    )
    expect(to.sql).toContain('WHERE "order_date" < CAST($1 AS DATE) LIMIT')
    expect(to.params).toEqual(['2025-07-01'])
  })

  it('breaks ties by every grouping column, once each, after the sort asked for', () => {
    const query = (sort?: unknown) =>
      compileQuery(
        resolve({
          dataset: 'orders',
          measures: ['revenue'],
          dimensions: ['region', 'channel'],
          ...(sort !== undefined && { sort }),
        }),
        [],
        'duckdb',
      ).sql
    expect(query()).toContain(
      'GROUP BY 1, 2 ORDER BY 3 DESC NULLS LAST, 1 ASC NULLS LAST, 2 ASC NULLS LAST LIMIT',
    )
    expect(query([{ field: 'channel', direction: 'desc' }])).toContain(
      'ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST LIMIT',
    )
  })

  it('describes each column: dimensions by type, measures as numbers', () => {
    const { columns } = compileQuery(
      resolve({ dataset: 'orders', measures: ['units'], dimensions: ['region'] }),
      [],
      'duckdb',
    )
    expect(columns).toEqual([
      { name: 'region', label: 'Region', type: 'string', role: 'dimension' },
      {
        name: 'units',
        label: expect.any(String),
        type: 'number',
        role: 'measure',
        format: expect.any(String),
      },
    ])
  })

  it('quotes every part of a table name and doubles quotes in identifiers', () => {
    expect(quoteTable('analytics.orders')).toBe('"analytics"."orders"')
    expect(quoteIdentifier('a"b')).toBe('"a""b"')
  })
})
