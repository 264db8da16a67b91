import type { CellValue, QueryResult } from '@inset/core'
import type { InsetConfig } from '../config/schema'
import type { DataSource } from '../data/data-source'
import { ServerError } from '../errors'
import type { InsetRuntime } from '../runtime'
import type { SqlParam } from '../semantic/compile-sql'
import { runSql } from '../semantic/run-sql'
import { estimateRowsBytes } from './estimate-bytes'

/** Rows of one statement and how old they are. */
export interface RowsRead {
  rows: CellValue[][]
  /** ISO time the rows were read from the database (the start of the statement). */
  dataAsOf: string
  /** `hit`: this request ran no statement (kept, or shared with an identical one running). */
  cache: NonNullable<QueryResult['meta']['cache']>
}

/** How long a dataset's results are kept (ms), or undefined when its queries are not cached. */
export function cacheTtlMs(config: InsetConfig, dataset: string): number | undefined {
  const server = config.server.cache
  const own = Object.hasOwn(config.datasets, dataset) ? config.datasets[dataset]?.cache : undefined
  if (!server.enabled || own?.enabled === false) return undefined
  return (own?.ttl ?? server.ttl) * 1000
}

/**
 * The cache key of a statement: its data source, dataset, SQL text and every bound parameter. The
 * row-level-security predicates are bound parameters of the SQL, so two askers share an entry only
 * when the database would be asked exactly the same; nothing of the request is keyed separately.
 */
export function resultCacheKey(
  source: string,
  dataset: string,
  sql: string,
  params: readonly SqlParam[],
): string {
  return JSON.stringify([source, dataset, sql, params])
}

/**
 * Runs a compiled statement through the runtime's result cache (or straight on the database when
 * the dataset's cache is off, or `cache: false` for one-off reads such as exports). Errors are
 * `runSql`'s: `query`, `timeout`; this caller aborting is `timeout` "aborted" for it alone.
 *
 * @example
 * const { rows, dataAsOf, cache } = await readRows(runtime, source, 'orders', compiled, { signal })
 */
export async function readRows(
  runtime: InsetRuntime,
  source: DataSource,
  dataset: string,
  statement: { sql: string; params: readonly SqlParam[] },
  options: { signal?: AbortSignal; cache?: boolean } = {},
): Promise<RowsRead> {
  const { sql, params } = statement
  const ttlMs = options.cache === false ? undefined : cacheTtlMs(runtime.config, dataset)
  if (ttlMs === undefined) {
    const dataAsOf = new Date().toISOString()
    const rows = await runSql(runtime, source, sql, params, options.signal)
    return { rows, dataAsOf, cache: 'off' }
  }
  try {
    const read = await runtime.resultCache.get(resultCacheKey(source.name, dataset, sql, params), {
      tag: dataset,
      ttlMs,
      sizeOf: estimateRowsBytes,
      load: (shared) => runSql(runtime, source, sql, params, shared),
      ...(options.signal && { signal: options.signal }),
    })
    return {
      rows: read.value,
      dataAsOf: new Date(read.readAt).toISOString(),
      cache: read.outcome === 'miss' ? 'miss' : 'hit',
    }
  } catch (error) {
    if (options.signal?.aborted && !(error instanceof ServerError))
      throw new ServerError('timeout', 'The query was aborted', { cause: error })
    throw error
  }
}
