import { expect, it } from 'vitest'
import { INSET_ELEMENT_TAGS } from './index'

it('uses valid custom element names', () => {
  for (const tag of Object.values(INSET_ELEMENT_TAGS))
    expect(tag).toMatch(/^[a-z][a-z0-9]*-[a-z0-9-]+$/)
})
