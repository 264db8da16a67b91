import type { StructuredQuery } from '@inset/core'
import { z } from 'zod'
import { badRequest } from '../errors'
import type { DatasetModel, DimensionModel, MeasureModel, SemanticModel, TimeGrain } from './model'

const NAME = z.string().min(1).max(128)
// NUL cannot be stored in PostgreSQL text; refuse it up front rather than fail in the database.
const VALUE = z.union([
  z
    .string()
    .max(1000)
    .refine((text) => !text.includes('\u0000'), 'must not contain NUL characters'),
  z.number(),
])

/** The shape of a StructuredQuery; semantic checks follow in {@link validateStructuredQuery}. */
export const structuredQuerySchema = z.strictObject({
  dataset: NAME,
  measures: z.array(NAME).max(20),
  dimensions: z.array(NAME).max(10).optional(),
  timeGrain: z
    .strictObject({ dimension: NAME, grain: z.enum(['day', 'week', 'month', 'quarter', 'year']) })
    .optional(),
  filters: z
    .array(
      z.strictObject({
        dimension: NAME,
        op: z.enum(['in', 'not_in', 'gte', 'lt', 'eq']),
        values: z.array(VALUE).min(1).max(1000),
      }),
    )
    .max(50)
    .optional(),
  timeRange: z
    .strictObject({
      dimension: NAME,
      from: z.string().max(40).optional(),
      to: z.string().max(40).optional(),
    })
    .optional(),
  sort: z
    .array(z.strictObject({ field: NAME, direction: z.enum(['asc', 'desc']) }))
    .max(10)
    .optional(),
  limit: z.int().min(1).optional(),
})

export type FilterOp = 'in' | 'not_in' | 'gte' | 'lt' | 'eq'

/** A StructuredQuery checked against the model, names resolved and values typed. */
export interface ResolvedQuery {
  dataset: DatasetModel
  timeGrain?: { dimension: DimensionModel; grain: TimeGrain }
  dimensions: DimensionModel[]
  measures: MeasureModel[]
  filters: Array<{ dimension: DimensionModel; op: FilterOp; values: Array<string | number> }>
  timeRange?: { dimension: DimensionModel; from?: string; to?: string }
  /** Output column names with directions, in priority order. */
  sort: Array<{ field: string; direction: 'asc' | 'desc' }>
  limit: number
}

export interface ValidateOptions {
  /** Upper bound of `limit` (the server's `maxRows`). */
  maxRows: number
  /** Used when the query has no `limit`. */
  defaultLimit?: number
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/

/**
 * Checks an ISO date or timestamp and returns it in the form the column compares with:
 * `YYYY-MM-DD` for date columns, the full string for timestamps. Returns undefined when invalid.
 */
export function normalizeIsoDate(
  value: string,
  dataType: 'date' | 'timestamp',
): string | undefined {
  const match = ISO.exec(value)
  if (!match) return undefined
  const [, y, m, d, hh = '0', mm = '0', ss = '0'] = match
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
  const valid =
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d) &&
    Number(hh) < 24 &&
    Number(mm) < 60 &&
    Number(ss) < 60
  if (!valid) return undefined
  return dataType === 'date' ? value.slice(0, 10) : value
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`),
    'query',
  )
}

function typedValue(
  dimension: DimensionModel,
  value: string | number,
  where: string,
): string | number {
  if (dimension.type === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw badRequest(
        `${where}: "${dimension.name}" is a number dimension, got ${JSON.stringify(value)}`,
      )
    }
    return value
  }
  if (dimension.type === 'time') {
    const normalized =
      typeof value === 'string' ? normalizeIsoDate(value, dimension.dataType ?? 'date') : undefined
    if (normalized === undefined) {
      throw badRequest(
        `${where}: "${dimension.name}" needs ISO dates such as 2025-01-31, got ${JSON.stringify(value)}`,
      )
    }
    return normalized
  }
  return String(value)
}

/**
 * Validates a StructuredQuery (from a tile, the assistant or any caller) against the model.
 * Throws a `bad_request` ServerError naming the offending field.
 *
 * @example
 * const resolved = validateStructuredQuery(model, { dataset: 'orders', measures: ['revenue'] }, { maxRows: 10_000 })
 */
export function validateStructuredQuery(
  model: SemanticModel,
  input: StructuredQuery | unknown,
  options: ValidateOptions,
): ResolvedQuery {
  const parsed = structuredQuerySchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw badRequest(`${formatPath(issue?.path ?? [])}: ${issue?.message ?? 'invalid query'}`)
  }
  const query = parsed.data
  const dataset = Object.hasOwn(model.datasets, query.dataset)
    ? model.datasets[query.dataset]
    : undefined
  if (!dataset) throw badRequest(`query.dataset: unknown dataset "${query.dataset}"`)

  const dimension = (name: string, where: string): DimensionModel => {
    const found = Object.hasOwn(dataset.dimensions, name) ? dataset.dimensions[name] : undefined
    if (!found)
      throw badRequest(`${where}: unknown dimension "${name}" in dataset "${dataset.name}"`)
    return found
  }
  const timeDimension = (name: string, where: string): DimensionModel => {
    const found = dimension(name, where)
    if (found.type !== 'time') throw badRequest(`${where}: "${name}" is not a time dimension`)
    return found
  }

  const measures = query.measures.map((name, i) => {
    const found = Object.hasOwn(dataset.measures, name) ? dataset.measures[name] : undefined
    if (!found)
      throw badRequest(
        `query.measures[${i}]: unknown measure "${name}" in dataset "${dataset.name}"`,
      )
    return found
  })

  let timeGrain: ResolvedQuery['timeGrain']
  if (query.timeGrain) {
    const dim = timeDimension(query.timeGrain.dimension, 'query.timeGrain.dimension')
    if (!dim.grains?.includes(query.timeGrain.grain)) {
      throw badRequest(
        `query.timeGrain.grain: "${dim.name}" allows ${dim.grains?.join(', ')}, not "${query.timeGrain.grain}"`,
      )
    }
    timeGrain = { dimension: dim, grain: query.timeGrain.grain }
  }

  const dimensions = (query.dimensions ?? [])
    .map((name, i) => dimension(name, `query.dimensions[${i}]`))
    .filter((dim) => dim !== timeGrain?.dimension)

  const fields = [
    timeGrain?.dimension.name,
    ...dimensions.map((d) => d.name),
    ...measures.map((m) => m.name),
  ].filter((name): name is string => name !== undefined)
  if (fields.length === 0) throw badRequest('query: select at least one measure or dimension')
  const duplicate = fields.find((name, i) => fields.indexOf(name) !== i)
  if (duplicate) throw badRequest(`query: "${duplicate}" is selected twice`)

  const filters = (query.filters ?? []).map((filter, i) => {
    const where = `query.filters[${i}]`
    const dim = dimension(filter.dimension, `${where}.dimension`)
    if (
      (filter.op === 'gte' || filter.op === 'lt' || filter.op === 'eq') &&
      filter.values.length !== 1
    ) {
      throw badRequest(`${where}.values: "${filter.op}" takes exactly one value`)
    }
    const values = filter.values.map((value, j) => typedValue(dim, value, `${where}.values[${j}]`))
    return { dimension: dim, op: filter.op, values }
  })

  let timeRange: ResolvedQuery['timeRange']
  if (query.timeRange) {
    const dim = timeDimension(query.timeRange.dimension, 'query.timeRange.dimension')
    const bound = (key: 'from' | 'to') => {
      const value = query.timeRange?.[key]
      return value === undefined ? undefined : typedValue(dim, value, `query.timeRange.${key}`)
    }
    const from = bound('from')
    const to = bound('to')
    timeRange = {
      dimension: dim,
      ...(from !== undefined && { from: String(from) }),
      ...(to !== undefined && { to: String(to) }),
    }
  }

  const sort = (query.sort ?? []).map((entry, i) => {
    if (!fields.includes(entry.field)) {
      throw badRequest(
        `query.sort[${i}].field: "${entry.field}" is not a selected measure or dimension`,
      )
    }
    return entry
  })
  if (sort.length === 0) {
    // Time series read left to right; other groupings read biggest first.
    if (timeGrain) sort.push({ field: timeGrain.dimension.name, direction: 'asc' })
    else if (dimensions.length > 0 && measures[0])
      sort.push({ field: measures[0].name, direction: 'desc' })
  }

  const limit = query.limit ?? Math.min(options.defaultLimit ?? 1000, options.maxRows)
  if (limit > options.maxRows)
    throw badRequest(`query.limit: at most ${options.maxRows}, got ${limit}`)

  return {
    dataset,
    ...(timeGrain && { timeGrain }),
    dimensions,
    measures,
    filters,
    ...(timeRange && { timeRange }),
    sort,
    limit,
  }
}
