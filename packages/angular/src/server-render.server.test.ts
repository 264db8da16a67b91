import { provideClientHydration } from '@angular/platform-browser'
import { provideServerRendering, renderApplication } from '@angular/platform-server'
import { expect, it } from 'vitest'
import { bootstrapPage } from '../test/ssr-page'

const BROWSER_GLOBALS = ['window', 'document', 'HTMLElement', 'customElements', 'matchMedia']

it('renders on the server with no DOM global: the elements’ tags, no request, no token', async () => {
  expect(BROWSER_GLOBALS.filter((name) => name in globalThis)).toEqual([])
  let fetches = 0
  let tokenCalls = 0
  const html = await renderApplication(
    (context) =>
      bootstrapPage(
        {
          fetch: async () => {
            fetches++
            throw new Error('no request may leave a server render')
          },
          fetchToken: async () => {
            tokenCalls++
            return 'token'
          },
        },
        { providers: [provideServerRendering(), provideClientHydration()] },
        context,
      ),
    { document: '<html><head></head><body><app-root></app-root></body></html>', url: '/' },
  )
  const body = html.replace(/^[\s\S]*<app-root[^>]*>|<\/app-root>[\s\S]*$/g, '')
  expect(body.replace(/ ngh="\d+"/g, '')).toBe(
    '<inset-dashboard id="sales" dashboardid="sales-overview" class="dash"></inset-dashboard>' +
      '<inset-assistant for="sales"></inset-assistant><p id="probe">idle:0</p>',
  )
  expect(html).toContain('id="ng-state"')
  expect(fetches).toBe(0)
  expect(tokenCalls).toBe(0)
})
