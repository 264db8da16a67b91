import type { InsetElementProps } from '@inset/elements'
import { createInsetComponent, type InsetComponent, type InsetEmits } from './create-component'

export type InsetAssistantProps = InsetElementProps<'inset-assistant'>

/** `@ready`, `@error`, `@state-change`, `@data-point-click`, `@answer`. */
export type InsetAssistantEmits = InsetEmits<'inset-assistant'>

/**
 * `<inset-assistant>`, the data assistant; with `for`, linked to an `<InsetDashboard>` on the page,
 * with `dashboard`, to a `useDashboard()` controller.
 *
 * @example
 * <InsetDashboard id="sales" dashboard-id="sales-overview" />
 * <InsetAssistant for="sales" @answer="(event) => log(event.detail.text)" />
 */
export const InsetAssistant: InsetComponent<
  'inset-assistant',
  InsetAssistantProps,
  InsetAssistantEmits
> = /* @__PURE__ */ createInsetComponent('inset-assistant')
