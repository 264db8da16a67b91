// Run by server-render.test.ts in plain Node: imports the BUILT entry (no DOM, no bundler) and
// renders the components and composables to a string with Vue's server renderer, as Nuxt would.
import { createSSRApp, defineComponent, h } from 'vue'
import { renderToString } from 'vue/server-renderer'

const BROWSER_GLOBALS = ['window', 'document', 'HTMLElement', 'customElements', 'matchMedia']
const present = BROWSER_GLOBALS.filter((name) => name in globalThis)
let fetches = 0
globalThis.fetch = async () => {
  fetches++
  throw new Error('no request may leave a server render')
}
const warnings = []
console.warn = (...args) => warnings.push(args.join(' '))

const entry = new URL('../dist/index.js', import.meta.url)
const binding = await import(entry.href)
let tokenCalls = 0
const connection = {
  serverUrl: 'https://inset.test',
  fetchToken: async () => {
    tokenCalls++
    return 'token'
  },
  theme: 'dark',
}

const Probe = defineComponent({
  setup() {
    const { state, tiles } = binding.useDashboard('sales-overview', { filters: { region: ['EU'] } })
    const { messages } = binding.useAssistant({ dashboardId: 'sales-overview' })
    return () =>
      h(
        'p',
        { id: 'probe' },
        `${state.value}:${Object.keys(tiles.value).length}:${messages.value.length}`,
      )
  },
})
const page = () => [
  h(binding.InsetDashboard, {
    id: 'sales',
    dashboardId: 'sales-overview',
    class: 'dash',
    filters: { region: ['EU'] },
    theme: 'light',
  }),
  h(binding.InsetAssistant, { for: 'sales' }),
  h(Probe),
]

// With the app plugin, and with provideInset() in a layout component.
const withPlugin = createSSRApp({ render: page }).use(binding.createInsetPlugin(connection))
const Layout = defineComponent({
  setup() {
    binding.provideInset(connection)
    return page
  },
})
const html = [await renderToString(withPlugin), await renderToString(createSSRApp(Layout))]
await new Promise((resolve) => setTimeout(resolve, 50))

console.log(
  JSON.stringify({
    present,
    exports: Object.keys(binding).sort(),
    html,
    fetches,
    tokenCalls,
    warnings,
  }),
)
