export { InsetAssistantElement } from './assistant/assistant-element'
export type { InsetThemeInput } from './base-element'
export { InsetBaseElement } from './base-element'
export { InsetDashboardElement } from './dashboard/dashboard-element'
export type {
  InsetAnswerDetail,
  InsetDataPointClickDetail,
  InsetErrorDetail,
  InsetEvent,
  InsetEventDetailMap,
  InsetEventHandlerName,
  InsetEventHandlers,
  InsetEventName,
  InsetEventSource,
  InsetFilterChangeDetail,
  InsetReadyDetail,
  InsetStateChangeDetail,
} from './events'
export { dispatchInsetEvent, INSET_EVENTS } from './events'
export type { FormatOptions } from './format'
export { formatCell, formatNumber } from './format'
export { defineInsetElements, INSET_ELEMENT_TAGS } from './register'
export type { InsetStrings } from './strings'
export { defaultInsetStrings, setInsetStrings } from './strings'
