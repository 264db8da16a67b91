import { expect, it } from 'vitest'
import {
  defineInsetElements,
  INSET_ELEMENT_TAGS,
  InsetAssistantElement,
  InsetDashboardElement,
} from './index'

it('registers nothing on import, both elements on defineInsetElements(), and is idempotent', () => {
  expect(customElements.get('inset-dashboard')).toBeUndefined()
  defineInsetElements()
  defineInsetElements()
  expect(customElements.get(INSET_ELEMENT_TAGS.dashboard)).toBe(InsetDashboardElement)
  expect(customElements.get(INSET_ELEMENT_TAGS.assistant)).toBe(InsetAssistantElement)
  expect(document.createElement('inset-dashboard')).toBeInstanceOf(InsetDashboardElement)
})
