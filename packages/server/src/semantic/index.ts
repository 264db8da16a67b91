// The semantic layer: what can be asked of the data (datasets, measures, dimensions), how a
// StructuredQuery becomes parameterized SQL with row-level security, and how it runs.
// Used by the tile routes and by the assistant (src/assistant).
export type { EmbedClaims } from '../auth/claims'
export { grantsAssistant, grantsDashboard } from '../auth/claims'
export { ServerError } from '../errors'
export type { InsetRuntime } from '../runtime'
export type { CompiledQuery, Dialect, SqlParam } from './compile-sql'
export { compileQuery } from './compile-sql'
export { dimensionRange, listDimensionValues } from './dimension-values'
export type {
  Aggregation,
  DatasetModel,
  Describable,
  DimensionModel,
  MeasureModel,
  RlsRule,
  SemanticModel,
  TimeGrain,
} from './model'
export { buildSemanticModel, humanize, TIME_GRAINS } from './model'
export type { RlsPredicate } from './rls'
export { rlsPredicates } from './rls'
export type { QueryContext, RunQueryOptions } from './run-query'
export { executeStructuredQuery, prepareStructuredQuery, runStructuredQuery } from './run-query'
export type { ResolvedQuery, ValidateOptions } from './validate-query'
export { normalizeIsoDate, structuredQuerySchema, validateStructuredQuery } from './validate-query'
