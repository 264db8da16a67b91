// Run by server-render.test.ts in plain Node: imports the BUILT entry (no DOM, no bundler) and
// renders the components and hooks to a string, as a server component or an SSR pass would.
import { readFileSync } from 'node:fs'
import { createElement as h } from 'react'
import { renderToString } from 'react-dom/server'

const BROWSER_GLOBALS = ['window', 'document', 'HTMLElement', 'customElements', 'matchMedia']
const present = BROWSER_GLOBALS.filter((name) => name in globalThis)
let fetches = 0
globalThis.fetch = async () => {
  fetches++
  throw new Error('no request may leave a server render')
}

const entry = new URL('../dist/index.js', import.meta.url)
const binding = await import(entry.href)
let tokenCalls = 0

function Probe() {
  const { state, tiles } = binding.useDashboard('sales-overview', { filters: { region: ['EU'] } })
  return h('p', { id: 'probe' }, `${state}:${Object.keys(tiles).length}`)
}

const html = renderToString(
  h(
    binding.InsetProvider,
    {
      serverUrl: 'https://inset.test',
      fetchToken: async () => {
        tokenCalls++
        return 'token'
      },
      theme: 'dark',
    },
    h(binding.InsetDashboard, { id: 'sales', dashboardId: 'sales-overview', className: 'dash' }),
    h(binding.InsetAssistant, { for: 'sales' }),
    h(Probe),
  ),
)
await new Promise((resolve) => setTimeout(resolve, 50))

console.log(
  JSON.stringify({
    present,
    firstLine: readFileSync(entry, 'utf8').split('\n', 1)[0],
    exports: Object.keys(binding).sort(),
    html,
    fetches,
    tokenCalls,
  }),
)
