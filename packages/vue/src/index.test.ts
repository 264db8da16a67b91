import { InsetError as CoreInsetError } from '@inset/core'
import { expect, it } from 'vitest'
import { InsetError } from './index'

it('re-exports the one InsetError class from core', () => {
  expect(InsetError).toBe(CoreInsetError)
  expect(new InsetError('forbidden', 'no').code).toBe('forbidden')
})
