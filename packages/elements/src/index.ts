export type { InsetThemeInput } from '@inset/core'
export { InsetAssistantElement } from './assistant/assistant-element'
export { InsetBaseElement } from './base-element'
export { InsetDashboardElement } from './dashboard/dashboard-element'
export type {
  InsetElementEvents,
  InsetElementProperties,
  InsetElementProps,
  InsetEventCallbacks,
  InsetEventKey,
  InsetEventOf,
  InsetPropertySpec,
  InsetPropName,
  InsetTag,
} from './element-table'
export { elementAttributes, elementProperties, eventKey, INSET_ELEMENTS } from './element-table'
export type {
  InsetAnswerDetail,
  InsetAskAboutDetail,
  InsetDataPointClickDetail,
  InsetDrillChangeDetail,
  InsetErrorDetail,
  InsetEvent,
  InsetEventDetailMap,
  InsetEventName,
  InsetEventSource,
  InsetExportDetail,
  InsetFilterChangeDetail,
  InsetReadyDetail,
  InsetStateChangeDetail,
} from './events'
export { dispatchInsetEvent } from './events'
export type { FormatOptions } from './format'
export { formatCell, formatNumber } from './format'
export { defineInsetElements, INSET_ELEMENT_TAGS } from './register'
export type { InsetStrings } from './strings'
export { defaultInsetStrings, setInsetStrings } from './strings'
