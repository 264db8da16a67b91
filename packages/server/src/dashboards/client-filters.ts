import type { DateRangeValue, StructuredQuery } from '@inset/core'
import type { DashboardConfig, FilterConfig } from '../config/schema'
import { badRequest } from '../errors'
import type { SemanticModel } from '../semantic/model'
import { normalizeIsoDate } from '../semantic/validate-query'

type QueryFilter = NonNullable<StructuredQuery['filters']>[number]

/** A checked client filter: a date range or a list of values, on a dimension. */
export type AppliedFilter =
  | { filter: Extract<FilterConfig, { type: 'date_range' }>; range: DateRangeValue }
  | { filter: Extract<FilterConfig, { type: 'select' }>; values: Array<string | number> }

const MAX_VALUES = 1000
/** The earliest date a filter may name (four-digit years keep every date arithmetic in range). */
export const EARLIEST = '1000-01-01'

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function dateRange(
  filter: Extract<FilterConfig, { type: 'date_range' }>,
  value: unknown,
  model: SemanticModel,
  dataset: string,
): DateRangeValue {
  const where = `filters.${filter.id}`
  if (!isPlainObject(value)) throw badRequest(`${where}: expected { from?, to? } with ISO dates`)
  const dataType = model.datasets[dataset]?.dimensions[filter.dimension]?.dataType ?? 'date'
  const range: DateRangeValue = {}
  for (const [key, bound] of Object.entries(value)) {
    if (key !== 'from' && key !== 'to')
      throw badRequest(`${where}.${key}: only "from" and "to" are allowed`)
    if (bound === null || bound === undefined) continue
    const normalized =
      typeof bound === 'string' && bound.length <= 40
        ? normalizeIsoDate(bound, dataType)
        : undefined
    if (normalized === undefined)
      throw badRequest(`${where}.${key}: expected an ISO date such as 2025-01-31`)
    if (normalized < EARLIEST)
      throw badRequest(`${where}.${key}: expected a date from ${EARLIEST} to 9999-12-31`)
    range[key] = normalized
  }
  return range
}

function selectValues(
  filter: Extract<FilterConfig, { type: 'select' }>,
  value: unknown,
): Array<string | number> {
  const where = `filters.${filter.id}`
  const values = Array.isArray(value) ? value : [value]
  if (values.length > MAX_VALUES) throw badRequest(`${where}: at most ${MAX_VALUES} values`)
  if (!filter.multiple && values.length > 1) throw badRequest(`${where}: takes a single value`)
  return values.map((item, i) => {
    if (
      (typeof item === 'string' && item.length <= 1000 && !item.includes('\u0000')) ||
      (typeof item === 'number' && Number.isFinite(item))
    ) {
      return item
    }
    throw badRequest(
      `${where}[${i}]: expected a string (up to 1000 characters, no NUL) or a number`,
    )
  })
}

/**
 * Checks the filters a client sent against the dashboard's filter definitions. Absent filters take
 * their configured default; `null` or `[]` means no filter. Throws `bad_request` naming the field.
 */
export function parseClientFilters(
  dashboard: DashboardConfig,
  input: unknown,
  model: SemanticModel,
): AppliedFilter[] {
  if (input === undefined || input === null) input = {}
  if (!isPlainObject(input)) throw badRequest('filters: expected an object keyed by filter id')
  for (const key of Object.keys(input)) {
    if (!dashboard.filters.some((filter) => filter.id === key))
      throw badRequest(`filters.${key}: unknown filter`)
  }
  const applied: AppliedFilter[] = []
  for (const filter of dashboard.filters) {
    const value = Object.hasOwn(input, filter.id) ? input[filter.id] : filter.default
    if (value === undefined || value === null) continue
    if (filter.type === 'date_range') {
      const range = dateRange(filter, value, model, dashboard.dataset)
      if (range.from !== undefined || range.to !== undefined) applied.push({ filter, range })
    } else {
      const values = selectValues(filter, value)
      if (values.length > 0) applied.push({ filter, values })
    }
  }
  return applied
}

/** The StructuredQuery filters of the applied client filters that concern a dataset. */
export function toQueryFilters(
  applied: readonly AppliedFilter[],
  model: SemanticModel,
  dataset: string,
): QueryFilter[] {
  const dimensions = model.datasets[dataset]?.dimensions ?? {}
  const filters: QueryFilter[] = []
  for (const entry of applied) {
    const dimension = entry.filter.dimension
    if (!Object.hasOwn(dimensions, dimension)) continue
    if ('values' in entry) filters.push({ dimension, op: 'in', values: entry.values })
    else {
      if (entry.range.from !== undefined)
        filters.push({ dimension, op: 'gte', values: [entry.range.from] })
      if (entry.range.to !== undefined)
        filters.push({ dimension, op: 'lt', values: [entry.range.to] })
    }
  }
  return filters
}
