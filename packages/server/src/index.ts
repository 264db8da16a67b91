// @inset/server: the Inset server. One public entry; the CLI is `inset-server` (src/cli.ts).
export type {
  AssistantEngine,
  AssistantInput,
  AssistantIO,
  AssistantPlan,
  OpenAIEngineOptions,
} from './assistant/index'
export { createBuiltinEngine, createOpenAIEngine, useAssistantEngine } from './assistant/index'
export type { AuditLog, AuditQuery, AuditRecord } from './audit/audit-log'
export type { AttributeValue, EmbedClaims } from './auth/claims'
export type { EmbedKey, EmbedKeyring } from './auth/keyring'
export { mintEmbedToken } from './auth/mint-embed-token'
export {
  INSET_AUDIENCE,
  MAX_TOKEN_LIFETIME_SECONDS,
  verifyEmbedToken,
} from './auth/verify-embed-token'
export type { ResultCacheStats } from './cache/result-cache'
export { DEFAULT_PORT } from './cli/run-cli'
export type { ConfigIssue } from './config/config-error'
export { ConfigError } from './config/config-error'
export { loadConfig, parseConfig } from './config/load-config'
export type { InsetConfig, InsetConfigInput } from './config/schema'
export type { BulkColumn, DataSource, QueryOptions } from './data/data-source'
export { openDuckDBSource } from './data/duckdb-source'
export { openPostgresSource } from './data/postgres-source'
export { generateSampleOrders, loadSampleOrders } from './data/sample-orders'
export type { DemoConfigOptions } from './demo/demo-config'
export {
  DEFAULT_DEMO_API_KEY,
  DEFAULT_DEMO_SECRET,
  DEMO_DASHBOARD,
  DEMO_EMBED_KEY,
  DEMO_USERS,
  demoConfig,
} from './demo/demo-config'
export type { DemoServer, DemoServerOptions } from './demo/start-demo-server'
export { startDemoServer } from './demo/start-demo-server'
export { ServerError } from './errors'
export type { CachePurgeResponse, CacheStatusResponse } from './http/routes/cache-routes'
export type { Logger } from './logger'
export type { InsetRuntime } from './runtime'
export type {
  CompiledQuery,
  DatasetModel,
  Dialect,
  DimensionModel,
  MeasureModel,
  QueryContext,
  SemanticModel,
  TimeGrain,
} from './semantic/index'
export {
  compileQuery,
  prepareStructuredQuery,
  runStructuredQuery,
  validateStructuredQuery,
} from './semantic/index'
export type { InsetServer, InsetServerOptions } from './server'
export { createInsetServer } from './server'
