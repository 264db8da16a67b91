import type { AuditEntry, QueryResult, StructuredQuery } from '@inset/core'
import type { EmbedClaims } from '../auth/claims'
import { type RowsRead, readRows } from '../cache/read-rows'
import type { DataSource } from '../data/data-source'
import { ServerError } from '../errors'
import type { InsetRuntime } from '../runtime'
import { type CompiledQuery, compileQuery } from './compile-sql'
import { rlsPredicates } from './rls'
import { type ResolvedQuery, validateStructuredQuery } from './validate-query'

export { runSql } from './run-sql'

/** Who is asking: the runtime and the verified claims of their token. */
export interface QueryContext {
  runtime: InsetRuntime
  claims: EmbedClaims
  requestId?: string
}

export interface RunQueryOptions {
  /** Aborting interrupts the database statement. */
  signal?: AbortSignal
  /** Used when the query has no `limit` (default 1000, capped by `server.maxRows`). */
  defaultLimit?: number
  /** Upper bound of the query's `limit` instead of `server.maxRows` (exports: `server.exportRowLimit`). */
  maxRows?: number
  /** `false`: read from the database, bypassing the result cache (one-off reads such as exports). */
  cache?: boolean
  /** What the audit entry records (`runStructuredQuery` only). */
  audit?: {
    kind?: Extract<AuditEntry['kind'], 'query' | 'assistant'>
    dashboardId?: string | null
    tileId?: string | null
  }
}

/** Validates a query for these claims and compiles it with row-level security. Runs nothing. */
export function prepareStructuredQuery(
  ctx: QueryContext,
  query: StructuredQuery | unknown,
  options: Pick<RunQueryOptions, 'defaultLimit' | 'maxRows'> = {},
): { resolved: ResolvedQuery; compiled: CompiledQuery; source: DataSource } {
  const { runtime, claims } = ctx
  const resolved = validateStructuredQuery(runtime.model, query, {
    maxRows: options.maxRows ?? runtime.config.server.maxRows,
    ...(options.defaultLimit !== undefined && { defaultLimit: options.defaultLimit }),
  })
  const source = runtime.dataSources.get(resolved.dataset.dataSource)
  if (!source)
    throw new ServerError('server', `Data source "${resolved.dataset.dataSource}" is not open`)
  const compiled = compileQuery(resolved, rlsPredicates(resolved.dataset, claims), source.dialect)
  return { resolved, compiled, source }
}

function toResult(compiled: CompiledQuery, read: RowsRead, durationMs: number): QueryResult {
  const truncated = read.rows.length > compiled.limit
  const kept = truncated ? read.rows.slice(0, compiled.limit) : read.rows
  const currency = compiled.columns.map((column) => column.format === 'currency')
  // The rows may be the result cache's: rounded into new rows, never in place.
  const rows = currency.some(Boolean)
    ? kept.map((row) =>
        row.map((value, i) =>
          currency[i] && typeof value === 'number' ? Math.round(value * 100) / 100 : value,
        ),
      )
    : kept
  return {
    columns: compiled.columns,
    rows,
    meta: {
      rowCount: rows.length,
      durationMs: Math.round(durationMs * 100) / 100,
      ...(truncated && { truncated }),
      dataAsOf: read.dataAsOf,
      cache: read.cache,
    },
  }
}

/**
 * Validates, compiles (with row-level security for `ctx.claims`) and runs a query. No audit entry;
 * see {@link runStructuredQuery}.
 */
export async function executeStructuredQuery(
  ctx: QueryContext,
  query: StructuredQuery | unknown,
  options: RunQueryOptions = {},
): Promise<QueryResult> {
  const started = performance.now()
  const { resolved, compiled, source } = prepareStructuredQuery(ctx, query, options)
  const read = await readRows(ctx.runtime, source, resolved.dataset.name, compiled, {
    ...(options.signal && { signal: options.signal }),
    ...(options.cache === false && { cache: false }),
  })
  return toResult(compiled, read, performance.now() - started)
}

/**
 * Runs a StructuredQuery for the verified claims in `ctx` and writes an audit entry: validation
 * against the semantic model, parameterized SQL with row-level security, the database, the audit
 * log. Errors are `ServerError`s (`bad_request`, `forbidden`, `query`, `timeout`).
 *
 * @example
 * const result = await runStructuredQuery({ runtime, claims }, {
 *   dataset: 'orders', measures: ['revenue'], dimensions: ['region'],
 * }, { signal, audit: { kind: 'assistant' } })
 */
export async function runStructuredQuery(
  ctx: QueryContext,
  query: StructuredQuery | unknown,
  options: RunQueryOptions = {},
): Promise<QueryResult> {
  const started = performance.now()
  let result: QueryResult | undefined
  let failure: ServerError | undefined
  try {
    result = await executeStructuredQuery(ctx, query, options)
    return result
  } catch (error) {
    failure =
      error instanceof ServerError
        ? error
        : new ServerError('server', 'Internal error', { cause: error })
    throw failure
  } finally {
    await ctx.runtime.audit.record({
      kind: options.audit?.kind ?? 'query',
      subject: ctx.claims.sub,
      tenant: ctx.claims.tenant,
      dashboardId: options.audit?.dashboardId ?? null,
      tileId: options.audit?.tileId ?? null,
      rowCount: result?.meta.rowCount ?? null,
      durationMs: performance.now() - started,
      status: failure?.status ?? 200,
      errorCode: failure?.code ?? null,
      requestId: ctx.requestId ?? null,
    })
  }
}
