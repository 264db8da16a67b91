import type { InsetConfigInput } from '../config/schema'

/** The demo embed key id. */
export const DEMO_EMBED_KEY = 'demo'
/** Default of `INSET_DEMO_SECRET`. */
export const DEFAULT_DEMO_SECRET = 'inset-demo-secret-change-me'
/** Default of `INSET_DEMO_API_KEY`. */
export const DEFAULT_DEMO_API_KEY = 'inset-demo-api-key'
/** The demo dashboard's id. */
export const DEMO_DASHBOARD = 'sales-overview'

/** The demo users of the example apps and the claims their tokens carry. */
export const DEMO_USERS = {
  alice: { user: 'alice', tenant: 'acme', attributes: { region: ['EU', 'NA', 'APAC'] } },
  bob: { user: 'bob', tenant: 'globex', attributes: { region: ['EU'] } },
} as const

export interface DemoConfigOptions {
  secret?: string
  apiKey?: string
  rows?: number
  seed?: number
  dataSource?: 'duckdb' | { postgresUrl: string; schema: string }
  rateLimit?: { perSecond: number; burst: number }
  /**
   * A DuckDB file for the audit log (data source `audit`), so it outlives the process while the
   * sample data stays fresh. Default: the audit table sits beside the sample data.
   */
  auditPath?: string
  /**
   * The assistant's "today" (`assistant.referenceDate`). Default `end-of-data`: the sample data ends
   * 2026-10-31, so "last month" stays October 2026 and "last quarter" Q3 2026 however much later
   * the demo runs.
   */
  referenceDate?: string
}

/**
 * The demo configuration: sample `orders` with row-level security on tenant and region, and the
 * `sales-overview` dashboard. The same shape an `inset.config.yaml` holds.
 *
 * @example
 * const server = await createInsetServer(demoConfig({ rows: 50_000 }))
 */
export function demoConfig(options: DemoConfigOptions = {}): InsetConfigInput {
  const sampleData = { rows: options.rows ?? 50_000, seed: options.seed ?? 42 }
  const source = options.dataSource ?? 'duckdb'
  return {
    server: {
      // Browser suites open many dashboards per user at once: be generous.
      rateLimit: options.rateLimit ?? { perSecond: 200, burst: 400 },
    },
    embedKeys: [
      {
        id: DEMO_EMBED_KEY,
        origins: ['http://localhost:*', 'http://127.0.0.1:*'],
        keys: [{ alg: 'HS256', secret: options.secret ?? DEFAULT_DEMO_SECRET }],
      },
    ],
    apiKeys: [{ name: 'demo', key: options.apiKey ?? DEFAULT_DEMO_API_KEY }],
    dataSources: {
      main:
        source === 'duckdb'
          ? { type: 'duckdb', path: ':memory:', sampleData }
          : { type: 'postgres', url: source.postgresUrl, schema: source.schema, sampleData },
      ...(options.auditPath !== undefined && {
        audit: { type: 'duckdb', path: options.auditPath, poolSize: 1 },
      }),
    },
    ...(options.auditPath !== undefined && { audit: { dataSource: 'audit' } }),
    assistant: { referenceDate: options.referenceDate ?? 'end-of-data' },
    datasets: {
      orders: {
        table: 'orders',
        dataSource: 'main',
        label: 'Orders',
        description:
          'Orders of a SaaS shop: one row per order, with its amount, product and where it was sold.',
        synonyms: ['sales', 'purchases', 'transactions'],
        rls: [
          { column: 'tenant_id', claim: 'tenant' },
          { column: 'region', claim: 'attrs.region' },
        ],
        defaultTimeDimension: 'order_date',
        measures: {
          revenue: {
            aggregation: 'sum',
            column: 'amount',
            format: 'currency',
            description: 'Total order amount',
            synonyms: ['sales', 'turnover', 'income', 'gmv', 'amount'],
          },
          orders: {
            aggregation: 'count',
            format: 'integer',
            label: 'Orders',
            description: 'Number of orders',
            synonyms: ['order count', 'number of orders', 'purchases', 'transactions'],
          },
          customers: {
            aggregation: 'count_distinct',
            column: 'customer_id',
            format: 'integer',
            description: 'Distinct customers who ordered',
            synonyms: ['buyers', 'clients', 'unique customers'],
          },
          avg_order_value: {
            aggregation: 'avg',
            column: 'amount',
            format: 'currency',
            label: 'Average order value',
            synonyms: ['aov', 'average order', 'basket size', 'average sale'],
          },
          units: {
            aggregation: 'sum',
            column: 'quantity',
            format: 'integer',
            label: 'Units sold',
            synonyms: ['quantity', 'items', 'units', 'volume'],
          },
        },
        dimensions: {
          order_date: {
            type: 'time',
            label: 'Order date',
            synonyms: ['date', 'day', 'time', 'when'],
          },
          region: {
            label: 'Region',
            synonyms: ['area', 'market', 'geo'],
            values: ['EU', 'NA', 'APAC'],
            valueSynonyms: {
              EU: ['Europe', 'European', 'EMEA'],
              NA: ['North America', 'North American', 'Americas'],
              APAC: ['Asia Pacific', 'Asia-Pacific', 'Asia', 'Asian'],
            },
          },
          country: { label: 'Country', synonyms: ['nation'] },
          channel: {
            label: 'Channel',
            synonyms: ['sales channel', 'source'],
            values: ['online', 'retail', 'partner'],
          },
          product: { label: 'Product', synonyms: ['item', 'sku', 'plan'] },
          category: { label: 'Category', synonyms: ['product category', 'line', 'product line'] },
          tenant: { column: 'tenant_id', label: 'Tenant', synonyms: ['account', 'company'] },
        },
      },
    },
    dashboards: {
      'sales-overview': {
        title: 'Sales overview',
        description: 'Revenue and orders over time, by category and by product.',
        dataset: 'orders',
        filters: [
          { id: 'date', type: 'date_range', label: 'Date', dimension: 'order_date' },
          { id: 'region', type: 'select', label: 'Region', dimension: 'region', multiple: true },
          { id: 'channel', type: 'select', label: 'Channel', dimension: 'channel', multiple: true },
          {
            id: 'category',
            type: 'select',
            label: 'Category',
            dimension: 'category',
            multiple: true,
          },
        ],
        tiles: [
          {
            id: 'revenue',
            title: 'Revenue',
            kind: 'kpi',
            measure: 'revenue',
            compare: true,
            layout: { w: 6, h: 1 },
          },
          { id: 'orders', title: 'Orders', kind: 'kpi', measure: 'orders', layout: { w: 6, h: 1 } },
          {
            id: 'revenue-over-time',
            title: 'Revenue over time',
            kind: 'timeseries',
            measures: ['revenue'],
            timeDimension: 'order_date',
            grain: 'month',
            layout: { w: 8, h: 3 },
          },
          {
            id: 'revenue-by-category',
            title: 'Revenue by category',
            kind: 'breakdown',
            dimension: 'category',
            measure: 'revenue',
            limit: 10,
            // Activating a category sets the category filter (cross-filtering) or drills into its
            // products.
            drill: ['category', 'product'],
            layout: { w: 4, h: 3 },
          },
          {
            id: 'top-products',
            title: 'Top products',
            kind: 'table',
            dimensions: ['product', 'category'],
            measures: ['revenue', 'orders', 'units'],
            sort: [{ field: 'revenue', direction: 'desc' }],
            limit: 10,
            layout: { w: 12, h: 3 },
          },
        ],
      },
    },
  }
}
