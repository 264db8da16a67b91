export type {
  AssistantMessage,
  DashboardSnapshot,
  DashboardState,
  Filters,
  Inset,
  InsetErrorCode,
  InsetTheme,
  TileSnapshot,
} from '@inset/core'
export { InsetError } from '@inset/core'
export type { InsetElementProps, InsetThemeInput } from '@inset/elements'
export type { InsetAssistantProps } from './assistant'
export { InsetAssistant } from './assistant'
export type { InsetProviderProps } from './context'
export { InsetProvider, useInset } from './context'
export type { InsetComponent, InsetEventProps, InsetHostProps } from './create-component'
export type { InsetDashboardProps } from './dashboard'
export { InsetDashboard } from './dashboard'
export type { UseAssistantOptions, UseAssistantResult } from './use-assistant'
export { useAssistant } from './use-assistant'
export type { UseDashboardOptions, UseDashboardResult } from './use-dashboard'
export { useDashboard } from './use-dashboard'
