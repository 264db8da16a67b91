// Run by server-render.test.ts in plain Node: a server render as SvelteKit does one, of the BUILT
// package (dist, as published: `.svelte` files compiled by the app's own Vite and Svelte).
import { fileURLToPath } from 'node:url'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { createServer } from 'vite'

const BROWSER_GLOBALS = ['window', 'document', 'HTMLElement', 'customElements', 'matchMedia']
const present = BROWSER_GLOBALS.filter((name) => name in globalThis)

const root = fileURLToPath(new URL('..', import.meta.url))
const vite = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false },
  optimizeDeps: { noDiscovery: true, include: [] },
  plugins: [svelte({ configFile: false })],
  resolve: {
    alias: { '@inset/svelte': fileURLToPath(new URL('../dist/index.js', import.meta.url)) },
  },
})

let fetches = 0
let tokenCalls = 0
let inset
try {
  const { render } = await vite.ssrLoadModule('svelte/server')
  const { default: ServerPage } = await vite.ssrLoadModule('/test/ServerPage.svelte')
  const { body } = render(ServerPage, {
    props: {
      fetchToken: async () => {
        tokenCalls++
        return 'token'
      },
      fetch: async () => {
        fetches++
        throw new Error('no request may leave a server render')
      },
      found: (found) => {
        inset = found
      },
    },
  })
  await new Promise((resolve) => setTimeout(resolve, 50))
  // The instance made for the render is released with it: a destroyed token source refuses.
  const released = await inset.tokens.getToken().then(
    () => false,
    (error) => error.code === 'auth',
  )
  console.log(JSON.stringify({ present, html: body, fetches, tokenCalls, released }))
} finally {
  await vite.close()
}
