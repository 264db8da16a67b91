// The numbers a page must show for a scope, by direct SQL over the sample orders, and the
// formatting the pages use (en-US) to compare them with what is rendered.
import { queryOrders, type Scope } from './sample-orders'

export { ALICE, BOB, queryOrders, type Scope } from './sample-orders'

/** The `sales-overview` dashboard's numbers, and a few more the assistant answers with. */
export interface Expected {
  revenue: number
  orders: number
  /** By month (`YYYY-MM`), oldest first. */
  byMonth: Array<{ month: string; revenue: number }>
  /** By revenue, descending. */
  byCategory: Array<{ category: string; revenue: number }>
  /** By revenue, descending. */
  byRegion: Array<{ region: string; revenue: number }>
  /** The ten best products by revenue. */
  topProducts: Array<{
    product: string
    category: string
    revenue: number
    orders: number
    units: number
  }>
  /** How many different products were sold. */
  productCount: number
}

/** Revenue per group, best first (or in the group's order). */
async function revenueBy(column: string, scope: Scope, order: string) {
  return (
    await queryOrders(
      `SELECT ${column} AS g, sum(amount) AS r FROM orders WHERE $where GROUP BY g ORDER BY ${order}`,
      scope,
    )
  ).map(([group, revenue]) => [group as string, revenue as number] as const)
}

/**
 * The numbers for one scope, by direct SQL.
 *
 * @example
 * const expected = await expectedFor({ ...ALICE, regions: ['NA'], from: '2025-01-01', to: '2025-04-01' })
 * await expect(kpiValue).toHaveText(usd(expected.revenue))
 */
export async function expectedFor(scope: Scope): Promise<Expected> {
  const [[revenue, orders, productCount]] = (await queryOrders(
    'SELECT coalesce(sum(amount), 0), count(*), count(DISTINCT product) FROM orders WHERE $where',
    scope,
  )) as [[number, number, number]]
  const byMonth = (await revenueBy("strftime(order_date, '%Y-%m')", scope, 'g')).map(
    ([month, revenue]) => ({ month, revenue }),
  )
  const byCategory = (await revenueBy('category', scope, 'r DESC')).map(([category, revenue]) => ({
    category,
    revenue,
  }))
  const byRegion = (await revenueBy('region', scope, 'r DESC')).map(([region, revenue]) => ({
    region,
    revenue,
  }))
  const topProducts = (
    await queryOrders(
      `SELECT product, any_value(category), sum(amount) AS r, count(*), sum(quantity)
       FROM orders WHERE $where GROUP BY product ORDER BY r DESC LIMIT 10`,
      scope,
    )
  ).map(([product, category, revenue, orders, units]) => ({
    product: product as string,
    category: category as string,
    revenue: revenue as number,
    orders: orders as number,
    units: units as number,
  }))
  return { revenue, orders, byMonth, byCategory, byRegion, topProducts, productCount }
}

/** The period of equal length before `[from, to)`, as a KPI compares with. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000
  const start = new Date(Date.parse(from) - days * 86_400_000).toISOString().slice(0, 10)
  return { from: start, to: from }
}

/** Whole dollars, as the pages show money (`$1,234`). */
export const usd = (value: number) =>
  new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  }).format(value)

/** An integer with grouping (`22,390`). */
export const int = (value: number) => new Intl.NumberFormat('en-US').format(value)

/** A month (`2025-03`) as the time axis and tables show it (`Mar 2025`). */
export const monthLabel = (month: string) =>
  new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  )

/**
 * The rows of the dashboard's tables as the page shows them: `revenue-over-time` and
 * `revenue-by-category` as tables, and `top-products`.
 *
 * @example
 * expect(await tableRows(page, 'top-products')).toEqual(tableTexts(expected).topProducts)
 */
export function tableTexts(expected: Expected) {
  return {
    byMonth: expected.byMonth.map((m) => [monthLabel(m.month), usd(m.revenue)]),
    byCategory: expected.byCategory.map((c) => [c.category, usd(c.revenue)]),
    topProducts: expected.topProducts.map((p) => [
      p.product,
      p.category,
      usd(p.revenue),
      int(p.orders),
      int(p.units),
    ]),
  }
}
