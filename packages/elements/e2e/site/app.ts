// The fixture page: a host app embedding both elements. Query parameters choose the user, the
// token lifetime, the theme and where the assistant's server is; the tests read window.fixture.
import { createInset } from '@inset/core'
import { shareAcrossTabs } from '@inset/core/tabs'
import { defineInsetElements, INSET_ELEMENTS } from '@inset/elements'

const params = new URLSearchParams(location.search)
const server = params.get('server') ?? ''
const user = params.get('user') ?? 'alice'
const ttl = params.get('ttl') ?? '600'
const theme = params.get('theme') ?? 'light'

const fixture = {
  tokenFetches: { dashboard: 0, assistant: 0 },
  events: [] as Array<{ type: string; detail: unknown }>,
}
Object.assign(window, { fixture })

const tokenFetcher =
  (source: 'dashboard' | 'assistant') =>
  async ({ signal, reason }: { signal: AbortSignal; reason: string }) => {
    fixture.tokenFetches[source]++
    const exportScope = params.get('export') === 'no' ? '&export=no' : ''
    const response = await fetch(
      `/api/inset-token?user=${user}&ttl=${ttl}&reason=${reason}${exportScope}`,
      {
        signal,
      },
    )
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}`)
    return (await response.json()) as { token: string; expiresAt: number }
  }

// `tabs=<key>`: one token refresh for every tab of this origin signed in as <key>.
const tabsKey = params.get('tabs')
const inset = createInset({
  serverUrl: server,
  fetchToken: tokenFetcher('dashboard'),
  ...(tabsKey && { shareAcrossTabs: shareAcrossTabs({ key: tabsKey }) }),
})
Object.assign(window, { inset })

const dashboard = document.querySelector('inset-dashboard')!
const assistant = document.querySelector('inset-assistant')!
if (theme === 'dark') document.body.classList.add('dark')
for (const element of [dashboard, assistant]) {
  element.theme = theme as 'light' | 'dark'
  element.locale = 'en-US'
  // Every event of either element, from the one table.
  for (const type of new Set(Object.values(INSET_ELEMENTS).flatMap((entry) => entry.events)))
    element.addEventListener(type, (event) => {
      fixture.events.push({
        type,
        detail: JSON.parse(JSON.stringify((event as CustomEvent).detail)),
      })
    })
}
// `connection=plain`: the dashboard alone is given serverUrl + fetchToken, the way a plain HTML
// page would; the assistant linked by `for` has no connection of its own.
if (params.get('connection') === 'plain') {
  dashboard.serverUrl = server
  dashboard.fetchToken = tokenFetcher('dashboard')
} else dashboard.inset = inset
const assistantServer = params.get('assistant')
if (assistantServer === 'fixture') {
  assistant.inset = createInset({
    serverUrl: `${location.origin}/sse-fixture`,
    fetchToken: tokenFetcher('assistant'),
  })
} else if (assistantServer === 'none') {
  assistant.remove()
  document.getElementById('main')!.classList.add('stacked')
}
if (params.get('layout') === 'stacked') document.getElementById('main')!.classList.add('stacked')

defineInsetElements()
defineInsetElements()
