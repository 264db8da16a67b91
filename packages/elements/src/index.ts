/** Tag names of the Inset custom elements. */
export const INSET_ELEMENT_TAGS = {
  dashboard: 'inset-dashboard',
  assistant: 'inset-assistant',
} as const
