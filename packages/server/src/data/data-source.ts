import type { CellValue } from '@inset/core'
import type { Dialect, SqlParam } from '../semantic/compile-sql'

/** The column types a bulk load understands. */
export type BulkColumnType = 'integer' | 'bigint' | 'double' | 'varchar' | 'date'

export interface BulkColumn {
  name: string
  type: BulkColumnType
}

export interface QueryOptions {
  /** Aborting interrupts the running statement. */
  signal?: AbortSignal
}

/**
 * A database the server reads from (and writes its audit log to). Rows come back JSON-ready:
 * numbers (never bigint), ISO date strings, strings, booleans, null.
 */
export interface DataSource {
  readonly name: string
  readonly dialect: Dialect
  query(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<CellValue[][]>
  /**
   * Streams a query's rows a chunk at a time (the data API's export), holding one connection until
   * the iteration ends, fails or is returned; memory stays at one chunk whatever the result's size.
   * No query timeout applies (the reader sets the pace); aborting the signal stops the statement.
   */
  stream?(
    sql: string,
    params?: readonly SqlParam[],
    options?: QueryOptions & { chunkRows?: number },
  ): AsyncIterable<CellValue[][]>
  /** Runs a statement for its effect (DDL, inserts). */
  execute(sql: string, params?: readonly SqlParam[]): Promise<void>
  /**
   * Appends rows given column by column (`data[i]` holds every value of `columns[i]`; dates as
   * `YYYY-MM-DD`). The table must exist.
   */
  bulkInsert(
    table: string,
    columns: readonly BulkColumn[],
    data: ReadonlyArray<readonly unknown[]>,
  ): Promise<void>
  close(): Promise<void>
}

/** Thrown by a data source when a statement was interrupted through its signal. */
export class QueryAbortedError extends Error {
  override readonly name = 'QueryAbortedError'
}

/** Waits for the signal, for racing with a query. */
export function whenAborted(signal: AbortSignal | undefined, onAbort: () => void): () => void {
  if (!signal) return () => {}
  if (signal.aborted) {
    onAbort()
    return () => {}
  }
  signal.addEventListener('abort', onAbort, { once: true })
  return () => signal.removeEventListener('abort', onAbort)
}
