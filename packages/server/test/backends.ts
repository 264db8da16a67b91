// The databases every query and RLS suite runs against. PostgreSQL needs INSET_TEST_PG_URL
// (scripts/test-all.sh and CI set it; locally: `. scripts/lib/postgres.sh && ensure_postgres`).
import { randomBytes } from 'node:crypto'

import type { DataSource } from '../src/data/data-source'
import { dropSchema } from '../src/data/drop-schema'
import { openDuckDBSource } from '../src/data/duckdb-source'
import { openPostgresSource } from '../src/data/postgres-source'

export { dropSchema }

export type Backend = { name: 'duckdb' } | { name: 'postgres'; url: string }

const pgUrl = process.env.INSET_TEST_PG_URL

export const PG_SKIP_REASON = 'INSET_TEST_PG_URL is not set: PostgreSQL variant skipped'

/** `[name, backend, skipReason]` rows for `describe.each`. */
export const BACKENDS: Array<[string, Backend, string | undefined]> = [
  ['duckdb', { name: 'duckdb' }, undefined],
  pgUrl
    ? ['postgres', { name: 'postgres', url: pgUrl }, undefined]
    : [`postgres (skipped: ${PG_SKIP_REASON})`, { name: 'postgres', url: '' }, PG_SKIP_REASON],
]

/** True under CI (`CI` set and not "false"/"0") without a PostgreSQL URL: the run must fail. */
export function pgRequiredButMissing(env: Record<string, string | undefined>): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0'
  return ci && !env.INSET_TEST_PG_URL
}

/** A schema name unique to this test run, so runs never see each other's tables. */
export function freshSchemaName(prefix = 'inset_test'): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`
}

/**
 * A bare data source on `backend`: an in-memory DuckDB, or PostgreSQL in a fresh schema that
 * `close()` drops.
 */
export async function openTestSource(
  backend: Backend,
  name: string,
  poolSize: number,
): Promise<DataSource> {
  if (backend.name === 'duckdb') return openDuckDBSource({ name, path: ':memory:', poolSize })
  const schema = freshSchemaName()
  const source = await openPostgresSource({ name, url: backend.url, schema, poolSize })
  return {
    ...source,
    async close() {
      await source.close()
      await dropSchema(backend.url, schema)
    },
  }
}
