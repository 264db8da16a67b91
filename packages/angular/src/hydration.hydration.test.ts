import { provideClientHydration } from '@angular/platform-browser'
import { provideServerRendering, renderApplication } from '@angular/platform-server'
import { InsetDashboardElement } from '@inset/elements'
import { createFakeServer } from '@inset/test-utils/fake-server'
import { expect, it, vi } from 'vitest'
import { bootstrapPage } from '../test/ssr-page'

/** platform-server copies domino's DOM classes onto globalThis; this page keeps happy-dom's. */
async function keepingGlobals<T>(work: () => Promise<T>): Promise<T> {
  const before = new Map(
    Object.getOwnPropertyNames(globalThis).map((name) => [
      name,
      Object.getOwnPropertyDescriptor(globalThis, name),
    ]),
  )
  try {
    return await work()
  } finally {
    for (const name of Object.getOwnPropertyNames(globalThis)) {
      const descriptor = before.get(name)
      if (descriptor) Object.defineProperty(globalThis, name, descriptor)
      else delete (globalThis as Record<string, unknown>)[name]
    }
  }
}

it('hydrates the server page: the same elements, no mismatch, then loads in the browser', async () => {
  const html = await keepingGlobals(() =>
    renderApplication(
      (context) =>
        bootstrapPage(
          { fetchToken: async () => 'never' },
          { providers: [provideServerRendering(), provideClientHydration()] },
          context,
        ),
      { document: '<html><head></head><body><app-root></app-root></body></html>', url: '/' },
    ),
  )
  document.body.innerHTML = html.replace(/^[\s\S]*<body[^>]*>|<\/body>[\s\S]*$/g, '')
  const served = document.querySelector('inset-dashboard')
  const errors = vi.spyOn(console, 'error')
  const warnings = vi.spyOn(console, 'warn')

  const server = createFakeServer()
  const app = await bootstrapPage(server, { providers: [provideClientHydration()] })
  const element = document.querySelector('inset-dashboard')
  expect(element).toBe(served)
  expect(element).toBeInstanceOf(InsetDashboardElement)
  await vi.waitFor(() => expect((element as InsetDashboardElement).snapshot?.state).toBe('ready'))
  await vi.waitFor(() => expect(document.getElementById('probe')?.textContent).toBe('ready:2'))
  expect(document.querySelectorAll('inset-dashboard')).toHaveLength(1)
  expect(server.tokenCalls).toHaveLength(1)
  expect(errors).not.toHaveBeenCalled()
  expect(warnings.mock.calls.flat().join(' ')).not.toMatch(/NG0\d+/)
  app.destroy()
}, 30_000) // Server render and hydration compile the app: seconds on a loaded 2-core machine.
