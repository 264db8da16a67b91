import { quoteIdentifier, quoteTable } from '../semantic/compile-sql'
import type { BulkColumn, DataSource } from './data-source'

/** The first and last order dates of the sample data (inclusive). */
export const SAMPLE_FIRST_DATE = '2024-11-01'
export const SAMPLE_LAST_DATE = '2026-10-31'

export const SAMPLE_TENANTS = ['acme', 'globex', 'initech'] as const
export const SAMPLE_REGIONS = ['EU', 'NA', 'APAC'] as const
export const SAMPLE_CHANNELS = ['online', 'retail', 'partner'] as const

/** The `orders` columns, in table order. */
export const ORDER_COLUMNS: readonly BulkColumn[] = [
  { name: 'order_id', type: 'integer' },
  { name: 'tenant_id', type: 'varchar' },
  { name: 'customer_id', type: 'integer' },
  { name: 'order_date', type: 'date' },
  { name: 'region', type: 'varchar' },
  { name: 'country', type: 'varchar' },
  { name: 'channel', type: 'varchar' },
  { name: 'product', type: 'varchar' },
  { name: 'category', type: 'varchar' },
  { name: 'quantity', type: 'integer' },
  { name: 'amount', type: 'double' },
]

const COUNTRIES: Record<(typeof SAMPLE_REGIONS)[number], string[]> = {
  EU: ['DE', 'FR', 'GB', 'NL', 'ES', 'IT', 'SE'],
  NA: ['US', 'CA', 'MX'],
  APAC: ['JP', 'AU', 'SG', 'IN', 'KR'],
}

const PRODUCTS: Array<{ product: string; category: string; price: number }> = [
  { product: 'Analytics Pro', category: 'Software', price: 490 },
  { product: 'Team Plan', category: 'Software', price: 120 },
  { product: 'Enterprise Suite', category: 'Software', price: 1900 },
  { product: 'Edge Router', category: 'Hardware', price: 340 },
  { product: 'Sensor Kit', category: 'Hardware', price: 85 },
  { product: 'Dock Station', category: 'Hardware', price: 210 },
  { product: 'Onboarding', category: 'Services', price: 750 },
  { product: 'Premium Support', category: 'Services', price: 300 },
  { product: 'Training Day', category: 'Services', price: 1200 },
  { product: 'Extra Storage', category: 'Add-ons', price: 40 },
  { product: 'API Credits', category: 'Add-ons', price: 60 },
  { product: 'SSO Add-on', category: 'Add-ons', price: 150 },
  { product: 'Cable Pack', category: 'Accessories', price: 25 },
  { product: 'Mount Kit', category: 'Accessories', price: 45 },
]

// Tenants differ in size, regional mix and channel mix so that dashboards look different per user.
const TENANT_WEIGHTS = [0.45, 0.35, 0.2]
const REGION_WEIGHTS = [
  [0.4, 0.4, 0.2],
  [0.55, 0.25, 0.2],
  [0.2, 0.5, 0.3],
]
const CHANNEL_WEIGHTS = [
  [0.6, 0.25, 0.15],
  [0.45, 0.35, 0.2],
  [0.7, 0.1, 0.2],
]
const PRODUCT_WEIGHTS = [9, 14, 3, 6, 10, 7, 4, 6, 3, 12, 10, 5, 8, 7]
const QUANTITY_WEIGHTS = [50, 22, 12, 8, 5, 3]
const CHANNEL_PRICE = [1, 1.05, 0.85]

/** A small, fast, seedable PRNG (mulberry32): same seed, same sequence, on every platform. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function cumulative(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0)
  let sum = 0
  return weights.map((w) => {
    sum += w / total
    return sum
  })
}

function pick(cdf: readonly number[], r: number): number {
  for (let i = 0; i < cdf.length; i++) if (r < (cdf[i] as number)) return i
  return cdf.length - 1
}

function dayCdf(days: number, firstDayMs: number): Float64Array {
  const cdf = new Float64Array(days)
  let sum = 0
  for (let day = 0; day < days; day++) {
    const date = new Date(firstDayMs + day * 86_400_000)
    const month = date.getUTCMonth()
    const weekday = date.getUTCDay()
    const growth = 1 + (0.7 * day) / days
    const season = month === 10 || month === 11 ? 1.35 : month === 6 || month === 7 ? 0.85 : 1
    const weekend = weekday === 0 || weekday === 6 ? 0.7 : 1
    sum += growth * season * weekend
    cdf[day] = sum
  }
  for (let day = 0; day < days; day++) cdf[day] = (cdf[day] as number) / sum
  return cdf
}

function searchCdf(cdf: Float64Array, r: number): number {
  let lo = 0
  let hi = cdf.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((cdf[mid] as number) <= r) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Generates the demo `orders` deterministically from a seed, column by column
 * (`columns[i]` holds every value of `ORDER_COLUMNS[i]`), ordered by date.
 *
 * @example
 * const columns = generateSampleOrders({ rows: 50_000, seed: 42 })
 */
export function generateSampleOrders(options: { rows: number; seed: number }): unknown[][] {
  const { rows, seed } = options
  const random = createRandom(seed)
  const firstMs = Date.parse(`${SAMPLE_FIRST_DATE}T00:00:00Z`)
  const days = Math.round((Date.parse(`${SAMPLE_LAST_DATE}T00:00:00Z`) - firstMs) / 86_400_000) + 1
  const dates = Array.from({ length: days }, (_, d) =>
    new Date(firstMs + d * 86_400_000).toISOString().slice(0, 10),
  )

  const byDay = new Int32Array(rows)
  const cdf = dayCdf(days, firstMs)
  for (let i = 0; i < rows; i++) byDay[i] = searchCdf(cdf, random())
  byDay.sort()

  const tenantCdf = cumulative(TENANT_WEIGHTS)
  const regionCdfs = REGION_WEIGHTS.map(cumulative)
  const channelCdfs = CHANNEL_WEIGHTS.map(cumulative)
  const productCdf = cumulative(PRODUCT_WEIGHTS)
  const quantityCdf = cumulative(QUANTITY_WEIGHTS)
  const customersPerTenant = Math.max(50, Math.round(rows / 25))

  const columns: unknown[][] = ORDER_COLUMNS.map(() => new Array(rows))
  const [
    orderId,
    tenant,
    customer,
    orderDate,
    region,
    country,
    channel,
    product,
    category,
    quantity,
    amount,
  ] = columns as [
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
  ]
  for (let i = 0; i < rows; i++) {
    const t = pick(tenantCdf, random())
    const r = pick(regionCdfs[t] as number[], random())
    const regionName = SAMPLE_REGIONS[r] as (typeof SAMPLE_REGIONS)[number]
    const countries = COUNTRIES[regionName]
    const c = pick(channelCdfs[t] as number[], random())
    const item = PRODUCTS[pick(productCdf, random())] as (typeof PRODUCTS)[number]
    const units = pick(quantityCdf, random()) + 1
    const discount = 0.8 + 0.2 * random()
    orderId[i] = i + 1
    tenant[i] = SAMPLE_TENANTS[t]
    customer[i] = t * 1_000_000 + 1 + Math.floor(random() * customersPerTenant)
    orderDate[i] = dates[byDay[i] as number]
    region[i] = regionName
    country[i] = countries[Math.floor(random() * countries.length)]
    channel[i] = SAMPLE_CHANNELS[c]
    product[i] = item.product
    category[i] = item.category
    quantity[i] = units
    amount[i] = Math.round(item.price * units * discount * (CHANNEL_PRICE[c] as number) * 100) / 100
  }
  return columns
}

const SQL_TYPES = {
  integer: 'INTEGER',
  bigint: 'BIGINT',
  double: 'DOUBLE PRECISION',
  varchar: 'VARCHAR',
  date: 'DATE',
}

/**
 * (Re)creates the sample `orders` table in a data source and fills it.
 *
 * @example
 * await loadSampleOrders(source, { rows: 50_000, seed: 42 })
 */
export async function loadSampleOrders(
  source: DataSource,
  options: { rows: number; seed: number; table?: string },
): Promise<void> {
  const table = options.table ?? 'orders'
  const definition = ORDER_COLUMNS.map(
    (c) => `${quoteIdentifier(c.name)} ${SQL_TYPES[c.type]} NOT NULL`,
  ).join(', ')
  await source.execute(`DROP TABLE IF EXISTS ${quoteTable(table)}`)
  await source.execute(`CREATE TABLE ${quoteTable(table)} (${definition})`)
  await source.bulkInsert(table, ORDER_COLUMNS, generateSampleOrders(options))
}
