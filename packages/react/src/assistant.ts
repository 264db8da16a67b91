import type { InsetElementProps } from '@inset/elements'
import {
  createInsetComponent,
  type InsetComponent,
  type InsetEventProps,
  type InsetHostProps,
} from './create-component'

type AssistantOwnProps = InsetElementProps<'inset-assistant'> & InsetEventProps<'inset-assistant'>

export type InsetAssistantProps = AssistantOwnProps & InsetHostProps<AssistantOwnProps>

/**
 * `<inset-assistant>`, the data assistant; with `for`, linked to a dashboard on the page.
 *
 * @example
 * <InsetDashboard id="sales" dashboardId="sales-overview" />
 * <InsetAssistant for="sales" onAnswer={(event) => log(event.detail.text)} />
 */
export const InsetAssistant: InsetComponent<'inset-assistant', InsetAssistantProps> =
  /* @__PURE__ */ createInsetComponent<'inset-assistant', InsetAssistantProps>('inset-assistant')
