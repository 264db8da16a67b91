import type { CellValue } from '@inset/core'
import pg from 'pg'
import type { SqlParam } from '../semantic/compile-sql'
import { quoteIdentifier, quoteTable } from '../semantic/compile-sql'
import {
  type BulkColumn,
  type BulkColumnType,
  type DataSource,
  QueryAbortedError,
  whenAborted,
} from './data-source'

// Type OIDs whose default parsing does not suit JSON: bigint and numeric come back as strings,
// dates as local-time Date objects.
const INT8 = 20
const NUMERIC = 1700
const DATE = 1082
const TIMESTAMP = 1114
const TIMESTAMPTZ = 1184

const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    switch (oid) {
      case INT8:
      case NUMERIC:
        return (value: string) => Number(value)
      case DATE:
        return (value: string) => value
      case TIMESTAMP:
        return (value: string) => `${value.replace(' ', 'T')}Z`
      case TIMESTAMPTZ:
        return (value: string) => new Date(value).toISOString()
      default:
        return pg.types.getTypeParser(oid, format)
    }
  },
} as pg.CustomTypesConfig

const ARRAY_TYPES: Record<BulkColumnType, string> = {
  integer: 'integer[]',
  bigint: 'bigint[]',
  double: 'double precision[]',
  varchar: 'text[]',
  date: 'date[]',
}

const BULK_BATCH_ROWS = 50_000

export interface PostgresSourceOptions {
  name: string
  url: string
  schema?: string
  poolSize: number
}

/**
 * A PostgreSQL database through a `pg` pool. With `schema`, it is created when missing and put
 * first on the search path of every connection.
 *
 * @example
 * const source = await openPostgresSource({ name: 'pg', url: process.env.DATABASE_URL!, poolSize: 10 })
 */
export async function openPostgresSource(options: PostgresSourceOptions): Promise<DataSource> {
  if (options.schema) {
    const setup = new pg.Client({ connectionString: options.url })
    await setup.connect()
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(options.schema)}`)
    } finally {
      await setup.end()
    }
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    types: typeParsers,
    ...(options.schema && { options: `-c search_path=${options.schema},public` }),
  })
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {})

  return {
    name: options.name,
    dialect: 'postgres',
    async query(sql, params: readonly SqlParam[] = [], queryOptions = {}) {
      const client = await pool.connect()
      let aborted = false
      const stop = whenAborted(queryOptions.signal, () => {
        aborted = true
        // Cancelling needs a second connection; the cancelled query then fails with 57014.
        const pid = (client as unknown as { processID: number }).processID
        pool.query('SELECT pg_cancel_backend($1)', [pid]).catch(() => {})
      })
      try {
        if (aborted) throw new QueryAbortedError('Query aborted before it started')
        const result = await client.query({ text: sql, values: [...params], rowMode: 'array' })
        return result.rows as CellValue[][]
      } catch (error) {
        if (aborted) throw new QueryAbortedError('Query cancelled', { cause: error })
        throw error
      } finally {
        stop()
        client.release()
      }
    },
    async *stream(sql, params: readonly SqlParam[] = [], streamOptions = {}) {
      const client = await pool.connect()
      let aborted = false
      const stop = whenAborted(streamOptions.signal, () => {
        aborted = true
        const pid = (client as unknown as { processID: number }).processID
        pool.query('SELECT pg_cancel_backend($1)', [pid]).catch(() => {})
      })
      const chunkRows = Math.max(1, Math.floor(streamOptions.chunkRows ?? 5000))
      let done = false
      try {
        // A server-side cursor: the result is produced as FETCHes ask for it, never held whole.
        await client.query('BEGIN READ ONLY')
        await client.query({
          text: `DECLARE inset_stream NO SCROLL CURSOR FOR ${sql}`,
          values: [...params],
        })
        for (;;) {
          if (aborted) throw new QueryAbortedError('Query cancelled')
          const result = await client.query({
            text: `FETCH FORWARD ${chunkRows} FROM inset_stream`,
            rowMode: 'array',
          })
          if (result.rows.length === 0) break
          yield result.rows as CellValue[][]
        }
        await client.query('COMMIT')
        done = true
      } catch (error) {
        if (aborted) throw new QueryAbortedError('Query cancelled', { cause: error })
        throw error
      } finally {
        stop()
        if (!done) await client.query('ROLLBACK').catch(() => {})
        client.release()
      }
    },
    async execute(sql, params = []) {
      await pool.query(sql, [...params])
    },
    async bulkInsert(table, columns: readonly BulkColumn[], data) {
      const total = data[0]?.length ?? 0
      const names = columns.map((column) => quoteIdentifier(column.name)).join(', ')
      const arrays = columns.map((column, i) => `$${i + 1}::${ARRAY_TYPES[column.type]}`).join(', ')
      const sql = `INSERT INTO ${quoteTable(table)} (${names}) SELECT * FROM unnest(${arrays})`
      for (let offset = 0; offset < total; offset += BULK_BATCH_ROWS) {
        await pool.query(
          sql,
          data.map((values) => values.slice(offset, offset + BULK_BATCH_ROWS)),
        )
      }
    },
    async close() {
      await pool.end()
    },
  }
}
