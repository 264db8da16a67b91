import { expect, it } from 'vitest'
import { INSET_AUDIENCE } from './index'

it('uses the audience the server checks', () => {
  expect(INSET_AUDIENCE).toBe('inset')
})
