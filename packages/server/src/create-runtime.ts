import { type AuditLog, createDisabledAuditLog, createTableAuditLog } from './audit/audit-log'
import { createEmbedKeyring } from './auth/keyring'
import { createRevocationStore, type RevocationStore } from './auth/revocations'
import { ResultCache } from './cache/result-cache'
import type { DataSourceConfig, InsetConfig } from './config/schema'
import type { DataSource } from './data/data-source'
import { openDuckDBSource } from './data/duckdb-source'
import { openPostgresSource } from './data/postgres-source'
import { loadSampleOrders } from './data/sample-orders'
import { createLogger, type Logger } from './logger'
import type { InsetRuntime } from './runtime'
import { buildSemanticModel } from './semantic/model'

export interface RuntimeOptions {
  /** `true`: JSON lines on stdout; `false` (default): silent; or your own logger. */
  logger?: boolean | Logger
  /** Data sources opened by the caller, by name; they replace the configured ones of that name. */
  dataSources?: Record<string, DataSource>
}

async function openDataSource(name: string, config: DataSourceConfig): Promise<DataSource> {
  if (config.type === 'duckdb') {
    return openDuckDBSource({
      name,
      path: config.path,
      poolSize: config.poolSize,
      ...(config.threads !== undefined && { threads: config.threads }),
    })
  }
  return openPostgresSource({
    name,
    url: config.url,
    poolSize: config.poolSize,
    ...(config.schema !== undefined && { schema: config.schema }),
  })
}

/**
 * Opens the data sources (loading sample data where configured), the audit log and the keys.
 * `close()` releases them.
 */
export async function createRuntime(
  config: InsetConfig,
  options: RuntimeOptions = {},
): Promise<InsetRuntime & { close(): Promise<void> }> {
  const logger = createLogger(options.logger)
  const opened = new Map<string, DataSource>()
  const closeSources = async () => {
    await Promise.allSettled([...opened.values()].map((source) => source.close()))
  }
  let revocations: RevocationStore | undefined
  try {
    const keyring = await createEmbedKeyring(config.embedKeys)
    for (const [name, sourceConfig] of Object.entries(config.dataSources)) {
      const injected = options.dataSources?.[name]
      const source = injected ?? (await openDataSource(name, sourceConfig))
      if (!injected) opened.set(name, source)
      if (sourceConfig.sampleData) {
        const started = performance.now()
        await loadSampleOrders(source, sourceConfig.sampleData)
        logger.info(
          {
            dataSource: name,
            rows: sourceConfig.sampleData.rows,
            ms: Math.round(performance.now() - started),
          },
          'sample data loaded',
        )
      }
    }
    const dataSources = new Map<string, DataSource>(
      Object.keys(config.dataSources).map((name) => {
        const source = options.dataSources?.[name] ?? opened.get(name)
        return [name, source as DataSource]
      }),
    )
    let audit: AuditLog = createDisabledAuditLog()
    const auditSourceName = config.audit.dataSource ?? Object.keys(config.dataSources)[0] ?? ''
    const auditSource = dataSources.get(auditSourceName)
    // Revocations live beside the audit log, so every replica sharing its database sees them.
    revocations = await createRevocationStore(auditSource, {
      table: 'inset_revocations',
      logger,
      refreshMs: config.server.revocationRefreshMs,
    })
    if (config.audit.enabled) {
      if (auditSource)
        audit = await createTableAuditLog(auditSource, {
          table: config.audit.table,
          flushIntervalMs: config.audit.flushIntervalMs,
          logger,
        })
    }
    return {
      config,
      model: buildSemanticModel(config),
      dataSources,
      audit,
      keyring,
      revocations: revocations as RevocationStore,
      logger,
      resultCache: new ResultCache({
        maxEntries: config.server.cache.maxEntries,
        maxBytes: config.server.cache.maxBytes,
      }),
      async close() {
        revocations?.close()
        await audit.flush()
        await closeSources()
      },
    }
  } catch (error) {
    revocations?.close()
    await closeSources()
    throw error
  }
}
