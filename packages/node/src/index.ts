export type {
  AuditEntry,
  CreateTokenRequest,
  DashboardSummary,
  InsetErrorCode,
  Page,
  TokenResponse,
} from '@inset/core'
export { InsetError } from '@inset/core'
export type {
  AuditFilters,
  CallOptions,
  CreateRevocationRequest,
  InsetClient,
  InsetClientOptions,
  IterateOptions,
  PageOptions,
  PaginatedResource,
  Revocation,
} from './admin-client'
export { createInsetClient } from './admin-client'
export type { RetryOptions } from './admin-request'
export type {
  AttributeValue,
  EmbedAttributes,
  EmbedScope,
  EmbedSubject,
  EmbedTokenClaims,
} from './claims'
export { DEFAULT_SCOPE, INSET_AUDIENCE } from './claims'
export type {
  DataCallOptions,
  DataPage,
  DataQueryRequest,
  ExportedRow,
  ExportRequest,
  OnBehalfOf,
  TileQueryOptions,
} from './data-api'
export type { CreateEmbedTokenOptions, EmbedToken } from './embed-token'
export { createEmbedToken, TOKEN_SIZE_WARNING_BYTES } from './embed-token'
export type { NodeHandler, NodeHandlerContext } from './node-adapter'
export { toNodeHandler } from './node-adapter'
export type { EmbedAlgorithm, EmbedKey, PrivateEmbedKey, SecretEmbedKey } from './signing-key'
export type {
  TokenHandler,
  TokenHandlerOptions,
  TokenIssuedEvent,
  TokenSubject,
} from './token-handler'
export { createTokenHandler } from './token-handler'
export type { Ttl } from './ttl'
export { DEFAULT_TTL_SECONDS, MAX_TTL_SECONDS, parseTtl } from './ttl'
