import { InsetAssistantElement } from './assistant/assistant-element'
import { InsetDashboardElement } from './dashboard/dashboard-element'

/** Tag names of the Inset custom elements. */
export const INSET_ELEMENT_TAGS = {
  dashboard: 'inset-dashboard',
  assistant: 'inset-assistant',
} as const

/**
 * Registers `<inset-dashboard>` and `<inset-assistant>`. Safe to call more than once, and a no-op
 * where there is no `customElements` (server-side rendering).
 *
 * @example
 * import { defineInsetElements } from '@inset/elements'
 * defineInsetElements()
 */
export function defineInsetElements(): void {
  if (typeof customElements === 'undefined') return
  if (!customElements.get(INSET_ELEMENT_TAGS.dashboard))
    customElements.define(INSET_ELEMENT_TAGS.dashboard, InsetDashboardElement)
  if (!customElements.get(INSET_ELEMENT_TAGS.assistant))
    customElements.define(INSET_ELEMENT_TAGS.assistant, InsetAssistantElement)
}

declare global {
  interface HTMLElementTagNameMap {
    'inset-dashboard': InsetDashboardElement
    'inset-assistant': InsetAssistantElement
  }
}
