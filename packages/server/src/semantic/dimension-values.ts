import { badRequest } from '../errors'
import { compileDimensionRange } from './compile-sql'
import { rlsKey, rlsPredicates } from './rls'
import {
  executeStructuredQuery,
  prepareStructuredQuery,
  type QueryContext,
  runSql,
} from './run-query'

function datasetOf(ctx: QueryContext, datasetName: string) {
  const dataset = Object.hasOwn(ctx.runtime.model.datasets, datasetName)
    ? ctx.runtime.model.datasets[datasetName]
    : undefined
  if (!dataset) throw badRequest(`unknown dataset "${datasetName}"`)
  return dataset
}

/**
 * The distinct values of a dimension the claims may see (row-level security applies), sorted,
 * at most `limit`. Cached for a minute per dataset, dimension and security scope.
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
  const dataset = datasetOf(ctx, datasetName)
  const limit = options.limit ?? 200
  const key = `values|${datasetName}|${dimensionName}|${limit}|${rlsKey(dataset, ctx.claims)}`
  const load = async () => {
    const result = await executeStructuredQuery(
      ctx,
      {
        dataset: datasetName,
        measures: [],
        dimensions: [dimensionName],
        sort: [{ field: dimensionName, direction: 'asc' }],
        limit,
      },
      options.signal ? { signal: options.signal } : {},
    )
    return result.rows
      .map((row) => row[0])
      .filter((value): value is string | number => value !== null)
  }
  return (await ctx.runtime.dimensionCache.get(key, load)) as Array<string | number>
}

/**
 * The first and last value of a (time) dimension the claims may see, e.g. for a date picker.
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
  const key = `range|${datasetName}|${dimensionName}|${rlsKey(dataset, ctx.claims)}`
  const load = async () => {
    const { resolved, source } = prepareStructuredQuery(ctx, {
      dataset: datasetName,
      measures: [],
      dimensions: [dimensionName],
    })
    const dimension = resolved.dimensions[0]
    if (!dimension) throw badRequest(`unknown dimension "${dimensionName}"`)
    const compiled = compileDimensionRange(resolved, dimension, rlsPredicates(dataset, ctx.claims))
    const [row] = await runSql(ctx.runtime, source, compiled.sql, compiled.params, options.signal)
    const [min, max] = row ?? []
    return {
      ...(min !== null && min !== undefined && { min: String(min) }),
      ...(max !== null && max !== undefined && { max: String(max) }),
    }
  }
  return (await ctx.runtime.dimensionCache.get(key, load)) as { min?: string; max?: string }
}
