import { expect, it } from 'vitest'
import { DEFAULT_PORT } from './index'

it('listens on 4400 by default', () => {
  expect(DEFAULT_PORT).toBe(4400)
})
