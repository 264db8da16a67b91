import {
  createInsetComponent,
  type InsetComponent,
  type InsetElementProps,
  type InsetEventProps,
  type InsetHostProps,
} from './create-component'

interface AssistantOwnProps extends InsetElementProps, InsetEventProps<'inset-assistant'> {
  /** The `id` of an `<InsetDashboard>` whose filters the assistant follows. */
  for?: string
  /** Ask about this dashboard's data without linking an element. */
  dashboardId?: string
}

export type InsetAssistantProps = AssistantOwnProps & InsetHostProps<AssistantOwnProps>

/**
 * `<inset-assistant>`, the data assistant; with `for`, linked to a dashboard on the page.
 *
 * @example
 * <InsetDashboard id="sales" dashboardId="sales-overview" />
 * <InsetAssistant for="sales" onAnswer={(event) => log(event.detail.text)} />
 */
export const InsetAssistant: InsetComponent<'inset-assistant', InsetAssistantProps> =
  /* @__PURE__ */ createInsetComponent<'inset-assistant', InsetAssistantProps>(
    'inset-assistant',
    ['for', 'dashboardId', 'locale', 'currency'],
    'InsetAssistant',
  )
