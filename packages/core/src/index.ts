export type {
  ApiClientOptions,
  AssistantEvent,
  InsetApi,
  RequestOptions,
} from './api'
export { createApiClient } from './api'
export type {
  AssistantContext,
  AssistantController,
  AssistantMessage,
  AssistantOptions,
  AssistantSnapshot,
  AssistantState,
} from './assistant'
export { createAssistantController } from './assistant'
export type {
  AskAboutRequest,
  ControllerContext,
  CrossFilterSelection,
  DashboardController,
  DashboardOptions,
  DashboardSnapshot,
  DashboardState,
  DrillValue,
  FilterOrigin,
  SetFiltersOptions,
  TileSnapshot,
  TileStatus,
} from './dashboard'
export { createDashboardController, defaultFilters, filtersAreDefault } from './dashboard'
export type { DashboardEvent } from './dashboard-events'
export { dashboardEvents } from './dashboard-events'
export type { Emitter } from './emitter'
export { createEmitter } from './emitter'
export type { InsetErrorCode, InsetErrorDetails } from './errors'
export {
  INSET_ERROR_CODES,
  InsetError,
  isInsetErrorCode,
  isTransientError,
  toInsetError,
} from './errors'
export type { Inset, InsetOptions } from './inset'
export { createInset } from './inset'
export type { TokenTimes } from './jwt'
export { decodeTokenTimes } from './jwt'
export { createSseParser } from './sse'
export type { ShareAcrossTabsOptions, SharedToken, TabSharing } from './tabs'
export type { InsetCssVariables, InsetTheme, InsetThemeColors, InsetThemeInput } from './theme'
export {
  darkColors,
  defaultDarkPalette,
  defaultPalette,
  lightColors,
  resolveColorScheme,
  themeToCssVariables,
  toTheme,
} from './theme'
export type { Timeline, TimelineEntry, TimelineSource } from './timeline'
export { createTimeline, formatTimelineEntry } from './timeline'
export type { Scheduler } from './timing'
export type { FetchTokenResult, TokenEnvironment, TokenResponseLike } from './token-fetch'
export type {
  FetchTokenContext,
  FetchTokenReason,
  RetryOptions,
  TokenSnapshot,
  TokenSource,
  TokenSourceOptions,
  TokenStatus,
} from './token-source'
export { createTokenSource } from './token-source'
export type * from './wire'
export { EXPORT_ROW_LIMIT } from './wire'
