import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import {
  BIGINT,
  DATE,
  DOUBLE,
  type DuckDBConnection,
  DuckDBDataChunk,
  DuckDBDateValue,
  DuckDBInstance,
  type DuckDBPreparedStatement,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
  INTEGER,
  VARCHAR,
} from '@duckdb/node-api'
import type { CellValue } from '@inset/core'
import type { SqlParam } from '../semantic/compile-sql'
import {
  type BulkColumn,
  type BulkColumnType,
  type DataSource,
  QueryAbortedError,
  type QueryOptions,
  whenAborted,
} from './data-source'

const DAY_MS = 86_400_000
const CHUNK_ROWS = 2048
/** Prepared statements kept per connection: tiles repeat a few statement texts with new values. */
const STATEMENTS_PER_CONNECTION = 64

const BULK_TYPES: Record<BulkColumnType, DuckDBType> = {
  integer: INTEGER,
  bigint: BIGINT,
  double: DOUBLE,
  varchar: VARCHAR,
  date: DATE,
}

function toCell(value: unknown, typeId: DuckDBTypeId): CellValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'bigint') return Number(value)
  if (value instanceof Date) {
    const iso = value.toISOString()
    return typeId === DuckDBTypeId.DATE ? iso.slice(0, 10) : iso
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value
  return String(value)
}

/** Converts one column's JS values for the appender; dates repeat, so each is parsed once. */
function toBulkValues(type: BulkColumnType, values: readonly unknown[]): DuckDBValue[] {
  if (type === 'date') {
    const parsed = new Map<unknown, DuckDBDateValue>()
    return values.map((value) => {
      if (value === null || value === undefined) return null
      let date = parsed.get(value)
      if (!date) {
        date = new DuckDBDateValue(Math.round(Date.parse(`${String(value)}T00:00:00Z`) / DAY_MS))
        parsed.set(value, date)
      }
      return date
    })
  }
  if (type === 'bigint')
    return values.map((value) =>
      value === null || value === undefined ? null : BigInt(value as number),
    )
  return values as DuckDBValue[]
}

/**
 * The connection's prepared statement for `sql`, kept (least recently used out) so that a repeated
 * query skips parsing and planning. A connection runs one query at a time, so no statement is
 * shared between two running queries; DuckDB re-plans one whose tables changed.
 */
async function preparedStatement(
  cache: Map<string, DuckDBPreparedStatement>,
  connection: DuckDBConnection,
  sql: string,
): Promise<DuckDBPreparedStatement> {
  const known = cache.get(sql)
  if (known) {
    cache.delete(sql)
    cache.set(sql, known)
    return known
  }
  const statement = await connection.prepare(sql)
  if (cache.size >= STATEMENTS_PER_CONNECTION) {
    const [oldestSql, oldest] = cache.entries().next().value as [string, DuckDBPreparedStatement]
    cache.delete(oldestSql)
    oldest.destroySync()
  }
  cache.set(sql, statement)
  return statement
}

/** A fixed set of connections handed out one query at a time. */
class ConnectionPool {
  readonly #idle: DuckDBConnection[]
  readonly #waiting: Array<(connection: DuckDBConnection) => void> = []

  constructor(connections: DuckDBConnection[]) {
    this.#idle = connections
  }

  async acquire(): Promise<DuckDBConnection> {
    return (
      this.#idle.pop() ??
      (await new Promise<DuckDBConnection>((resolve) => this.#waiting.push(resolve)))
    )
  }

  release(connection: DuckDBConnection): void {
    const next = this.#waiting.shift()
    if (next) next(connection)
    else this.#idle.push(connection)
  }

  async use<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection =
      this.#idle.pop() ??
      (await new Promise<DuckDBConnection>((resolve) => this.#waiting.push(resolve)))
    try {
      return await work(connection)
    } finally {
      const next = this.#waiting.shift()
      if (next) next(connection)
      else this.#idle.push(connection)
    }
  }

  closeAll(): void {
    for (const connection of this.#idle.splice(0)) connection.closeSync()
  }
}

export interface DuckDBSourceOptions {
  name: string
  /** A file or `:memory:`. */
  path: string
  poolSize: number
  threads?: number
}

/**
 * An embedded DuckDB database with a small connection pool.
 *
 * @example
 * const source = await openDuckDBSource({ name: 'main', path: ':memory:', poolSize: 4 })
 */
export async function openDuckDBSource(options: DuckDBSourceOptions): Promise<DataSource> {
  const settings: Record<string, string> = {}
  if (options.threads !== undefined) settings.threads = String(options.threads)
  // DuckDB creates the file but not its folder (e.g. a fresh `.inset-data/`).
  if (options.path !== ':memory:') await mkdir(dirname(options.path), { recursive: true })
  const instance = await DuckDBInstance.create(options.path, settings)
  const connections = await Promise.all(
    Array.from({ length: options.poolSize }, () => instance.connect()),
  )
  const pool = new ConnectionPool(connections)
  const statements = new WeakMap<DuckDBConnection, Map<string, DuckDBPreparedStatement>>()

  const query = (sql: string, params: readonly SqlParam[] = [], queryOptions: QueryOptions = {}) =>
    pool.use(async (connection) => {
      let aborted = false
      let repeat: NodeJS.Timeout | undefined
      const stop = whenAborted(queryOptions.signal, () => {
        aborted = true
        connection.interrupt()
        // DuckDB drops an interrupt that lands before the statement really starts: repeat it until
        // the query settles (the connection is this query's until then).
        repeat = setInterval(() => connection.interrupt(), 5)
      })
      try {
        if (aborted) throw new QueryAbortedError('Query aborted before it started')
        let cache = statements.get(connection)
        if (!cache) {
          cache = new Map()
          statements.set(connection, cache)
        }
        const statement = await preparedStatement(cache, connection, sql)
        // An interrupt while preparing stops nothing: nothing ran yet.
        if (aborted) throw new QueryAbortedError('Query aborted before it started')
        statement.clearBindings()
        if (params.length > 0) statement.bind([...params])
        const reader = await statement.runAndReadAll()
        const types = Array.from({ length: reader.columnCount }, (_, i) => reader.columnTypeId(i))
        return reader
          .getRowsJS()
          .map((row) => row.map((value, i) => toCell(value, types[i] as DuckDBTypeId)))
      } catch (error) {
        if (aborted) throw new QueryAbortedError('Query interrupted', { cause: error })
        throw error
      } finally {
        clearInterval(repeat)
        stop()
      }
    })

  async function* stream(
    sql: string,
    params: readonly SqlParam[] = [],
    streamOptions: QueryOptions = {},
  ): AsyncGenerator<CellValue[][]> {
    const connection = await pool.acquire()
    let aborted = false
    const stop = whenAborted(streamOptions.signal, () => {
      aborted = true
      connection.interrupt()
    })
    // Not from the statement cache: the statement stays busy for the whole stream.
    let statement: DuckDBPreparedStatement | undefined
    try {
      statement = await connection.prepare(sql)
      if (params.length > 0) statement.bind([...params])
      const result = await statement.stream()
      const types = Array.from({ length: result.columnCount }, (_, i) => result.columnTypeId(i))
      for await (const rows of result.yieldRowsJs()) {
        if (aborted) throw new QueryAbortedError('Query interrupted')
        if (rows.length === 0) continue
        yield rows.map((row) => row.map((value, i) => toCell(value, types[i] as DuckDBTypeId)))
      }
    } catch (error) {
      if (aborted) throw new QueryAbortedError('Query interrupted', { cause: error })
      throw error
    } finally {
      stop()
      statement?.destroySync()
      pool.release(connection)
    }
  }

  return {
    name: options.name,
    dialect: 'duckdb',
    query,
    stream,
    async execute(sql, params = []) {
      await pool.use((connection) =>
        connection.run(sql, params.length > 0 ? [...params] : undefined),
      )
    },
    async bulkInsert(table, columns: readonly BulkColumn[], data) {
      const [schema, name] = table.includes('.') ? table.split('.') : [null, table]
      await pool.use(async (connection) => {
        const appender = await connection.createAppender(name as string, schema)
        const types = columns.map((column) => BULK_TYPES[column.type])
        const total = data[0]?.length ?? 0
        try {
          for (let offset = 0; offset < total; offset += CHUNK_ROWS) {
            const size = Math.min(CHUNK_ROWS, total - offset)
            const chunk = DuckDBDataChunk.create(types, size)
            columns.forEach((column, i) => {
              chunk.setColumnValues(
                i,
                toBulkValues(column.type, (data[i] ?? []).slice(offset, offset + size)),
              )
            })
            appender.appendDataChunk(chunk)
          }
          appender.flushSync()
        } finally {
          appender.closeSync()
        }
      })
    },
    async close() {
      pool.closeAll()
      instance.closeSync()
    },
  }
}
