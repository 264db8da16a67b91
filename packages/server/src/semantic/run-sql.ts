import type { CellValue } from '@inset/core'
import type { DataSource } from '../data/data-source'
import { ServerError } from '../errors'
import type { InsetRuntime } from '../runtime'
import type { SqlParam } from './compile-sql'

/** Runs SQL on a data source with the server's query timeout, mapping failures to typed errors. */
export async function runSql(
  runtime: InsetRuntime,
  source: DataSource,
  sql: string,
  params: readonly SqlParam[],
  signal?: AbortSignal,
): Promise<CellValue[][]> {
  const timeoutMs = runtime.config.server.queryTimeoutMs
  const timeout = AbortSignal.timeout(timeoutMs)
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout
  try {
    return await source.query(sql, params, { signal: combined })
  } catch (error) {
    if (timeout.aborted)
      throw new ServerError('timeout', `The query took longer than ${timeoutMs} ms`, {
        cause: error,
      })
    if (signal?.aborted) throw new ServerError('timeout', 'The query was aborted', { cause: error })
    runtime.logger.error({ err: error, dataSource: source.name }, 'query failed')
    throw new ServerError('query', 'The query failed', { cause: error })
  }
}
