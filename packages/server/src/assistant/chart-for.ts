import type { AssistantEventMap, QueryResult, StructuredQuery } from '@inset/core'

/**
 * How an answer is best drawn: a time series for a time grain, a breakdown for one dimension and
 * one measure, a KPI for a single number, a table otherwise.
 *
 * @example
 * chartFor({ dataset: 'orders', measures: ['revenue'], dimensions: ['region'] }, result)
 * // { kind: 'breakdown', x: 'region', y: ['revenue'] }
 */
export function chartFor(query: StructuredQuery, result: QueryResult): AssistantEventMap['chart'] {
  const dimensions = result.columns.filter((c) => c.role === 'dimension').map((c) => c.name)
  const measures = result.columns.filter((c) => c.role === 'measure').map((c) => c.name)
  const [x] = dimensions
  const time = query.timeGrain?.dimension
  if (
    time &&
    x === time &&
    dimensions.length === 1 &&
    measures.length > 0 &&
    result.rows.length > 1
  )
    return { kind: 'timeseries', x, y: measures }
  if (dimensions.length === 1 && measures.length === 1 && x !== undefined && result.rows.length > 1)
    return { kind: 'breakdown', x, y: measures }
  if (dimensions.length === 0 && measures.length === 1) return { kind: 'kpi', y: measures }
  return { kind: 'table', ...(x !== undefined && { x }), y: measures }
}
