export type {
  AssistantMessage,
  DashboardController,
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
export type { InsetAssistantEmits, InsetAssistantProps } from './assistant'
export { InsetAssistant } from './assistant'
export type { InsetConfig } from './context'
export { createInsetPlugin, INSET_KEY, provideInset, useInset } from './context'
export type { InsetComponent, InsetEmits, InsetExposed } from './create-component'
export type { InsetDashboardEmits, InsetDashboardProps } from './dashboard'
export { InsetDashboard } from './dashboard'
export type { UseAssistantOptions, UseAssistantResult } from './use-assistant'
export { useAssistant } from './use-assistant'
export type { UseDashboardOptions, UseDashboardResult } from './use-dashboard'
export { useDashboard } from './use-dashboard'
