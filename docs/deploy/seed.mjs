// Loads the demo's sample `orders` into PostgreSQL once (compose's `seed` service), so the
// replicas' configuration has no `sampleData` and no replica replaces the table while another
// serves it.
import { loadSampleOrders, openPostgresSource } from '@inset/server'

const source = await openPostgresSource({
  name: 'seed',
  url: process.env.DATABASE_URL,
  schema: process.env.INSET_DB_SCHEMA || 'public',
  poolSize: 1,
})
try {
  await loadSampleOrders(source, { rows: 50_000, seed: 42 })
  console.log('seed: 50,000 sample orders loaded')
} finally {
  await source.close()
}
