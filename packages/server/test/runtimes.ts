import { parseConfig } from '../src/config/load-config'
import { createRuntime } from '../src/create-runtime'
import { demoConfig } from '../src/demo/demo-config'
import type { InsetRuntime } from '../src/runtime'
import { type Backend, dropSchema, freshSchemaName } from './backends'

/** Rows of sample data in tests: enough for every tenant, region, channel and month. */
export const TEST_ROWS = 20_000

/** A runtime on the demo configuration, on DuckDB or on a fresh PostgreSQL schema. */
export async function createTestRuntime(
  backend: Backend,
  rows = TEST_ROWS,
): Promise<InsetRuntime & { close(): Promise<void> }> {
  const schema = freshSchemaName()
  const dataSource = backend.name === 'duckdb' ? 'duckdb' : { postgresUrl: backend.url, schema }
  const runtime = await createRuntime(parseConfig(demoConfig({ rows, dataSource })))
  return {
    ...runtime,
    async close() {
      await runtime.close()
      if (backend.name === 'postgres') await dropSchema(backend.url, schema)
    },
  }
}
