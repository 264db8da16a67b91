// The numbers the demo dashboard must show, computed directly from the generated sample data
// (the same seed and size the demo server loads), without the server's SQL.
import { generateSampleOrders } from '@inset/server'

export interface Order {
  tenant: string
  date: string
  region: string
  channel: string
  product: string
  category: string
  quantity: number
  amount: number
}

let cache: Order[] | undefined

export function sampleOrders(): Order[] {
  if (cache) return cache
  const c = generateSampleOrders({ rows: 50_000, seed: 42 }) as unknown[][]
  const at = (i: number) => c[i] as unknown[]
  cache = at(0).map((_, i) => ({
    tenant: at(1)[i] as string,
    date: at(3)[i] as string,
    region: at(4)[i] as string,
    channel: at(6)[i] as string,
    product: at(7)[i] as string,
    category: at(8)[i] as string,
    quantity: at(9)[i] as number,
    amount: at(10)[i] as number,
  }))
  return cache
}

export interface Scope {
  tenant: string
  regions?: string[]
  channels?: string[]
  from?: string
  /** Exclusive. */
  to?: string
}

export function ordersIn(scope: Scope): Order[] {
  return sampleOrders().filter(
    (o) =>
      o.tenant === scope.tenant &&
      (!scope.regions || scope.regions.includes(o.region)) &&
      (!scope.channels || scope.channels.includes(o.channel)) &&
      (!scope.from || o.date >= scope.from) &&
      (!scope.to || o.date < scope.to),
  )
}

const sum = (orders: Order[], f: (o: Order) => number) =>
  orders.reduce((total, o) => total + f(o), 0)

export function expectedTiles(scope: Scope) {
  const orders = ordersIn(scope)
  const group = (key: (o: Order) => string) => {
    const map = new Map<string, Order[]>()
    for (const o of orders) map.set(key(o), [...(map.get(key(o)) ?? []), o])
    return map
  }
  const byMonth = [...group((o) => o.date.slice(0, 7)).entries()]
    .map(([month, list]) => ({ month, revenue: sum(list, (o) => o.amount) }))
    .sort((a, b) => a.month.localeCompare(b.month))
  const byCategory = [...group((o) => o.category).entries()]
    .map(([category, list]) => ({ category, revenue: sum(list, (o) => o.amount) }))
    .sort((a, b) => b.revenue - a.revenue)
  const products = [...group((o) => o.product).entries()]
    .map(([product, list]) => ({
      product,
      category: list[0]!.category,
      revenue: sum(list, (o) => o.amount),
      orders: list.length,
      units: sum(list, (o) => o.quantity),
    }))
    .sort((a, b) => b.revenue - a.revenue)
    .slice(0, 10)
  return {
    revenue: sum(orders, (o) => o.amount),
    orders: orders.length,
    byMonth,
    byCategory,
    products,
  }
}

/** The dashboard's formatting, to compare what is rendered. */
export const usd = (value: number) =>
  new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  }).format(value)
export const int = (value: number) => new Intl.NumberFormat('en-US').format(value)
export const monthLabel = (month: string) =>
  new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  )

/** The period of equal length before `[from, to)`, as the KPI compares with. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000
  const start = new Date(Date.parse(from) - days * 86_400_000).toISOString().slice(0, 10)
  return { from: start, to: from }
}
