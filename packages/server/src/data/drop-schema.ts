import pg from 'pg'
import { quoteIdentifier } from '../semantic/compile-sql'

/** Drops a PostgreSQL schema and everything in it (for throwaway demo and test schemas). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`)
  } finally {
    await client.end()
  }
}
