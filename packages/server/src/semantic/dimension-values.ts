import { readRows } from '../cache/read-rows'
import { badRequest } from '../errors'
import { compileDimensionRange } from './compile-sql'
import { rlsPredicates } from './rls'
import { executeStructuredQuery, prepareStructuredQuery, type QueryContext } from './run-query'

function datasetOf(ctx: QueryContext, datasetName: string) {
  const dataset = Object.hasOwn(ctx.runtime.model.datasets, datasetName)
    ? ctx.runtime.model.datasets[datasetName]
    : undefined
  if (!dataset) throw badRequest(`unknown dataset "${datasetName}"`)
  return dataset
}

/**
 * The distinct values of a dimension the claims may see (row-level security applies), sorted,
 * at most `limit`. Through the result cache like every statement (its key holds the RLS values),
 * so askers of one scope share a read, each may abort alone, and a purge of the dataset drops it.
 *
 * @example
 * await listDimensionValues({ runtime, claims }, 'orders', 'region') // ['EU'] for bob
 */
export async function listDimensionValues(
  ctx: QueryContext,
  datasetName: string,
  dimensionName: string,
  options: { signal?: AbortSignal; limit?: number } = {},
): Promise<Array<string | number>> {
  datasetOf(ctx, datasetName)
  const result = await executeStructuredQuery(
    ctx,
    {
      dataset: datasetName,
      measures: [],
      dimensions: [dimensionName],
      sort: [{ field: dimensionName, direction: 'asc' }],
      limit: options.limit ?? 200,
    },
    options.signal ? { signal: options.signal } : {},
  )
  return result.rows
    .map((row) => row[0])
    .filter((value): value is string | number => value !== null)
}

/**
 * The first and last value of a (time) dimension the claims may see, e.g. for a date picker;
 * through the result cache as above.
 *
 * @example
 * await dimensionRange({ runtime, claims }, 'orders', 'order_date') // { min: '2024-11-01', max: '2026-10-31' }
 */
export async function dimensionRange(
  ctx: QueryContext,
  datasetName: string,
  dimensionName: string,
  options: { signal?: AbortSignal } = {},
): Promise<{ min?: string; max?: string }> {
  const dataset = datasetOf(ctx, datasetName)
  const { resolved, source } = prepareStructuredQuery(ctx, {
    dataset: datasetName,
    measures: [],
    dimensions: [dimensionName],
  })
  const dimension = resolved.dimensions[0]
  if (!dimension) throw badRequest(`unknown dimension "${dimensionName}"`)
  const compiled = compileDimensionRange(resolved, dimension, rlsPredicates(dataset, ctx.claims))
  const { rows } = await readRows(ctx.runtime, source, datasetName, compiled, options)
  const [min, max] = rows[0] ?? []
  return {
    ...(min !== null && min !== undefined && { min: String(min) }),
    ...(max !== null && max !== undefined && { max: String(max) }),
  }
}
