import { join, resolve } from 'node:path'
import type { InsetConfig } from '../config/schema'
import { dropSchema } from '../data/drop-schema'
import type { Logger } from '../logger'
import { createInsetServer, type InsetServer } from '../server'
import { DEFAULT_DEMO_API_KEY, DEFAULT_DEMO_SECRET, demoConfig } from './demo-config'

export interface DemoServerOptions {
  /** `0` (default) picks a free port. */
  port?: number
  /** Default `127.0.0.1`; `null` listens on every interface (IPv4 and IPv6 where available). */
  host?: string | null
  /** Seed of the sample data (default 42). */
  seed?: number
  /** Rows of sample data (default 50,000). */
  rows?: number
  /** Default `false` (silent). */
  logger?: boolean | Logger
  /** Default `'duckdb'` (in memory). With PostgreSQL and no schema, a fresh schema is made and dropped on close. */
  dataSource?: 'duckdb' | { postgresUrl: string; schema?: string }
  /** Default `INSET_DEMO_SECRET` or `inset-demo-secret-change-me`. */
  secret?: string
  /** Default `INSET_DEMO_API_KEY` or `inset-demo-api-key`. */
  apiKey?: string
  /** Per-subject rate limit (default 200/s, bursts of 400). */
  rateLimit?: { perSecond: number; burst: number }
  /**
   * A folder for what the demo keeps across restarts: its audit log, in
   * `<dataDir>/demo-audit-<port>.duckdb` (one file per port, so demos on different ports never
   * contend for one file). The sample data is generated afresh either way. Default: none,
   * everything in memory. The CLI defaults it to `INSET_DATA_DIR` or `.inset-data`.
   */
  dataDir?: string
}

export interface DemoServer {
  /** e.g. `http://127.0.0.1:41234` */
  url: string
  port: number
  /** The demo embed key's HS256 secret (embed key id `demo`). */
  secret: string
  /** The admin API key. */
  apiKey: string
  config: InsetConfig
  server: InsetServer
  /** The audit log's DuckDB file when `dataDir` was given. */
  auditPath?: string
  close(): Promise<void>
}

/**
 * Starts the demo server: sample orders, the `sales-overview` dashboard, embed key `demo`.
 *
 * @example
 * const demo = await startDemoServer({ port: 0 })
 * const token = await createEmbedToken({ keyId: 'demo', secret: demo.secret }, { user: 'alice', tenant: 'acme', attributes: { region: ['EU', 'NA', 'APAC'] } })
 * await fetch(`${demo.url}/v1/dashboards/sales-overview`, { headers: { authorization: `Bearer ${token}` } })
 * await demo.close()
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const secret = options.secret ?? (process.env.INSET_DEMO_SECRET || DEFAULT_DEMO_SECRET)
  const apiKey = options.apiKey ?? (process.env.INSET_DEMO_API_KEY || DEFAULT_DEMO_API_KEY)
  const pg = typeof options.dataSource === 'object' ? options.dataSource : undefined
  const ownSchema =
    pg && !pg.schema
      ? `inset_demo_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
      : undefined
  const schema = pg?.schema ?? ownSchema
  const port = options.port ?? 0
  const auditPath =
    options.dataDir === undefined
      ? undefined
      : join(resolve(options.dataDir), `demo-audit-${port}.duckdb`)
  const server = await createInsetServer(
    demoConfig({
      secret,
      apiKey,
      ...(options.rows !== undefined && { rows: options.rows }),
      ...(options.seed !== undefined && { seed: options.seed }),
      ...(options.rateLimit && { rateLimit: options.rateLimit }),
      ...(pg && schema && { dataSource: { postgresUrl: pg.postgresUrl, schema } }),
      ...(auditPath !== undefined && { auditPath }),
    }),
    { logger: options.logger ?? false },
  )
  let address: { url: string; port: number }
  try {
    address = await server.listen({
      port,
      ...(options.host !== null && { host: options.host ?? '127.0.0.1' }),
    })
  } catch (error) {
    await server.close()
    throw error
  }
  return {
    ...address,
    secret,
    apiKey,
    config: server.config,
    server,
    ...(auditPath !== undefined && { auditPath }),
    async close() {
      await server.close()
      if (pg && ownSchema) await dropSchema(pg.postgresUrl, ownSchema)
    },
  }
}
