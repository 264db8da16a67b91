// @vitest-environment node
import { expect, it } from 'vitest'

it('imports without a DOM and registers nothing until asked (server-side rendering)', async () => {
  expect(typeof HTMLElement).toBe('undefined')
  const elements = await import('./index')
  expect(typeof elements.InsetDashboardElement).toBe('function')
  expect(() => elements.defineInsetElements()).not.toThrow()
  expect(Object.keys(elements.INSET_ELEMENTS)).toEqual(['inset-dashboard', 'inset-assistant'])
})
