export type {
  AssistantMessage,
  AssistantSnapshot,
  DashboardSnapshot,
  DashboardState,
  Filters,
  Inset,
  InsetErrorCode,
  InsetTheme,
  InsetThemeInput,
  TileSnapshot,
} from '@inset/core'
export { InsetError } from '@inset/core'
export type { InsetElementProps } from '@inset/elements'
export { default as InsetAssistant } from './assistant.svelte'
export type { InsetContextOptions } from './context.svelte.js'
export { getInsetContext, setInsetContext } from './context.svelte.js'
export { default as InsetDashboard } from './dashboard.svelte'
export type {
  InsetAssistantProps,
  InsetDashboardProps,
  InsetEventProps,
  InsetHostProps,
} from './types.js'
export type { UseAssistantOptions, UseAssistantResult } from './use-assistant.svelte.js'
export { useAssistant } from './use-assistant.svelte.js'
export type { UseDashboardOptions, UseDashboardResult } from './use-dashboard.svelte.js'
export { useDashboard } from './use-dashboard.svelte.js'
