import type { CellValue } from '@inset/core'
import type { AuditLog } from './audit/audit-log'
import type { EmbedKeyring } from './auth/keyring'
import type { RevocationStore } from './auth/revocations'
import type { ResultCache } from './cache/result-cache'
import type { InsetConfig } from './config/schema'
import type { DataSource } from './data/data-source'
import type { Logger } from './logger'
import type { SemanticModel } from './semantic/model'

/** Everything a request handler needs, built once at start-up by `createInsetServer`. */
export interface InsetRuntime {
  config: InsetConfig
  model: SemanticModel
  dataSources: ReadonlyMap<string, DataSource>
  audit: AuditLog
  keyring: EmbedKeyring
  /** Revoked tokens, subjects and tenants (checked on every embed request, from memory). */
  revocations: RevocationStore
  logger: Logger
  /** Query results by data source, dataset, SQL and bound parameters (`server.cache`). */
  resultCache: ResultCache<CellValue[][]>
}
