import type { StructuredQuery } from '@inset/core'
import type { DatasetModel } from '../semantic/model'
import type { Analysis } from './engine'
import { addDays, describePeriod } from './time/calendar'

type QueryFilter = NonNullable<StructuredQuery['filters']>[number]

/** `a`, `a and b`, `a, b and c`. */
export function listInWords(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`
}

function labelOf(dataset: DatasetModel, name: string): string {
  return (
    (Object.hasOwn(dataset.measures, name) ? dataset.measures[name]?.label : undefined) ??
    (Object.hasOwn(dataset.dimensions, name) ? dataset.dimensions[name]?.label : undefined) ??
    name
  )
}

/** One filter in words: `Channel is online or retail`, `Region is not APAC`. */
export function describeFilter(dataset: DatasetModel, filter: QueryFilter): string {
  const label = labelOf(dataset, filter.dimension)
  const values = filter.values.map(String)
  switch (filter.op) {
    case 'in':
      return `${label} is ${listInWords(values, 'or')}`
    case 'not_in':
      return `${label} is not ${listInWords(values, 'or')}`
    case 'eq':
      return `${label} is ${values[0]}`
    case 'gte':
      return `${label} is on or after ${values[0]}`
    case 'lt':
      return `${label} is before ${values[0]}`
  }
}

/** The period of a time range in words: `in Q3 2026`, `from 2026-10-23 to 2026-11-21`. */
export function describeTimeRange(range: { from?: string; to?: string }): string {
  return describePeriod({
    ...(range.from !== undefined && { from: range.from.slice(0, 10) }),
    ...(range.to !== undefined && { to: range.to.slice(0, 10) }),
  })
}

/** The last day a half-open range includes, for answers in words. */
export function lastDayOf(to: string): string {
  return addDays(to.slice(0, 10), -1)
}

/**
 * What a StructuredQuery computes, in words (never SQL). Used for the `query` event of both engines.
 *
 * @example
 * describeQuery(orders, { dataset: 'orders', measures: ['revenue'], dimensions: ['region'],
 *   timeRange: { dimension: 'order_date', from: '2026-07-01', to: '2026-10-01' } })
 * // 'Revenue by Region in Q3 2026'
 */
export function describeQuery(dataset: DatasetModel, query: StructuredQuery): string {
  const measures = listInWords(query.measures.map((name) => labelOf(dataset, name)))
  const groups = [
    ...(query.timeGrain ? [query.timeGrain.grain] : []),
    ...(query.dimensions ?? [])
      .filter((name) => name !== query.timeGrain?.dimension)
      .map((name) => labelOf(dataset, name)),
  ]
  const parts = [measures || `${dataset.label} rows`]
  if (groups.length) parts.push(`by ${listInWords(groups)}`)
  if (query.timeRange && (query.timeRange.from || query.timeRange.to))
    parts.push(describeTimeRange(query.timeRange))
  let text = parts.join(' ')
  const filters = (query.filters ?? []).map((filter) => describeFilter(dataset, filter))
  if (filters.length) text += `, where ${listInWords(filters)}`
  const [sort] = query.sort ?? []
  if (sort && query.limit !== undefined && sort.field !== query.timeGrain?.dimension) {
    const label = labelOf(dataset, sort.field)
    const how = sort.direction === 'desc' ? 'highest' : 'lowest'
    text +=
      query.limit === 1
        ? `, only the one with the ${how} ${label}`
        : `, the ${query.limit} with the ${how} ${label}`
  } else if (query.limit !== undefined) {
    text += `, at most ${query.limit} rows`
  }
  return text
}

/**
 * What a query with an analysis computes, in words.
 *
 * @example
 * describeAnalysis(orders, { dataset: 'orders', measures: ['revenue'], dimensions: ['channel'] },
 *   { kind: 'share', dimension: 'channel', values: ['online'] })
 * // 'Share of Revenue by Channel (only online), out of all Revenue'
 */
export function describeAnalysis(
  dataset: DatasetModel,
  query: StructuredQuery,
  analysis: Analysis,
): string {
  const base = describeQuery(dataset, query)
  const measure = labelOf(dataset, query.measures[0] ?? '')
  switch (analysis.kind) {
    case 'share': {
      const only = analysis.values?.length
        ? ` (${listInWords(analysis.values.map(String), 'and')} only)`
        : ''
      return `Share of ${base}${only}, out of all ${measure} with the same period and filters`
    }
    case 'periods': {
      const periods = listInWords(analysis.periods.map((p) => describeTimeRange(p)))
      const change = analysis.change ? ', with the change from one to the next' : ''
      return `${base}, ${periods}${change}`
    }
    case 'change':
      return `${base}, and the change from each ${query.timeGrain?.grain ?? 'period'} to the next`
  }
}
