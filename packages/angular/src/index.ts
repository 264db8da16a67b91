export type {
  AssistantContext,
  AssistantMessage,
  AssistantSnapshot,
  DashboardController,
  DashboardSnapshot,
  DashboardState,
  Filters,
  Inset,
  InsetErrorCode,
  InsetTheme,
  TileSnapshot,
} from '@inset/core'
export type {
  InsetElementEvents,
  InsetElementProps,
  InsetEvent,
  InsetThemeInput,
} from '@inset/elements'
export { InsetAssistant } from './assistant'
export type { InsetInputs, InsetOutputs } from './bind-element'
export type { InsetConfig, TokenSubscribable } from './context'
export { INSET, InsetError, injectInset, provideInset } from './context'
export { InsetDashboard } from './dashboard'
export type { InjectAssistantOptions, InjectedAssistant } from './inject-assistant'
export { injectAssistant } from './inject-assistant'
export type { InjectDashboardOptions, InjectedDashboard } from './inject-dashboard'
export { injectDashboard } from './inject-dashboard'
export type { InjectOptions, MaybeSignal } from './signals'
