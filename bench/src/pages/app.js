// The page the browser sections open: N <inset-dashboard> elements connected one of three ways,
// chosen by the query string, plus functions the memory and first-chart sections call.
//   ?mode=shared      one createInset instance for every element (`element.inset`)
//   ?mode=owned       each element given serverUrl + the page's one fetchToken function
//   ?mode=owned-each  each element given serverUrl + a fetchToken closure of its own
//   &count=N &ttl=seconds &user=<demo user id> &tabs=<key> (shareAcrossTabs) &server=<url>
//   &mount=0 (mount nothing)
import { createInset } from '@inset/core'
import { shareAcrossTabs } from '@inset/core/tabs'
import { defineInsetElements } from '@inset/elements'

const params = new URLSearchParams(location.search)
const server = params.get('server')
const ttl = params.get('ttl') ?? '600'
const tabsKey = params.get('tabs')

const user = params.get('user') ?? 'alice'
// Which token source asked (this page load, and the element for closures of their own), so the
// token-traffic section can count refreshes per source.
const pageId = Math.random().toString(36).slice(2, 8)
const tokenFetcher =
  (source) =>
  ({ signal, reason }) =>
    fetch(
      `/api/inset-token?${new URLSearchParams({ ttl, user, reason, source: `${pageId}:${source}` })}`,
      { signal },
    ).then((response) => {
      if (!response.ok) throw new Error(`token endpoint answered ${response.status}`)
      return response.json()
    })
const fetchToken = tokenFetcher('page')
let closures = 0

let shared
const sharedInstance = () =>
  (shared ??= createInset({
    serverUrl: server,
    fetchToken,
    loadInOneRequest: true,
    ...(tabsKey && { shareAcrossTabs: shareAcrossTabs({ key: tabsKey }) }),
  }))

/** Creates one dashboard element connected the way `mode` says (not yet in the page). */
function dashboardElement(mode, dashboardId = 'sales-overview') {
  const element = document.createElement('inset-dashboard')
  element.dashboardId = dashboardId
  element.locale = 'en-US'
  if (mode === 'shared') element.inset = sharedInstance()
  else {
    element.serverUrl = server
    element.fetchToken = mode === 'owned-each' ? tokenFetcher(`element-${closures++}`) : fetchToken
  }
  return element
}

const states = () =>
  [...document.querySelectorAll('inset-dashboard')].map((element) => element.snapshot?.state)
const chartsDrawn = (element) => element.shadowRoot?.querySelectorAll('.chart canvas').length ?? 0

/** Resolves when `element` has drawn its charts and every tile is in (or it failed). */
async function drawn(element) {
  for (;;) {
    await new Promise(requestAnimationFrame)
    const state = element.snapshot?.state
    if (state === 'error') return 'error'
    if (state === 'ready' && chartsDrawn(element) >= 2) return 'ready'
  }
}

/** One mount/unmount cycle for the memory section: mount, wait until drawn, remove. */
async function cycle(mode) {
  // The browser's resource-timing buffer would otherwise grow with every cycle's requests.
  performance.clearResourceTimings()
  const element = dashboardElement(mode)
  element.style.width = '1000px'
  document.body.append(element)
  const state = await drawn(element)
  element.remove()
  return state
}

/**
 * Connect → first chart drawn and → every tile of every dashboard drawn, for `count` dashboards
 * appended at once; with the page's resource timings from that moment (the request waterfall).
 * The dashboards stay in the page until `unmountAll()`.
 */
async function firstChart(count, mode = 'shared') {
  const main = document.querySelector('main')
  const elements = Array.from({ length: count }, () => dashboardElement(mode))
  performance.clearResourceTimings()
  const started = performance.now()
  for (const element of elements) main.append(element)
  let first
  let failed = 0
  for (;;) {
    // After a frame has been drawn (a task after its animation frame): a chart is counted in
    // the frame that paints it, whether it was made before the frame or in its resize step.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
    const now = performance.now() - started
    if (first === undefined && elements.some((element) => chartsDrawn(element) > 0)) first = now
    failed = elements.filter((element) => element.snapshot?.state === 'error').length
    const done = elements.every(
      (element) =>
        element.snapshot?.state === 'error' ||
        (element.snapshot?.state === 'ready' && chartsDrawn(element) >= 2),
    )
    if (done) break
  }
  const all = performance.now() - started
  const waterfall = performance
    .getEntriesByType('resource')
    .filter((entry) => entry.startTime >= started)
    .map((entry) => {
      const url = new URL(entry.name)
      return {
        request: `${url.origin === location.origin ? '' : 'server '}${url.pathname}`,
        type: entry.initiatorType,
        start: entry.startTime - started,
        end: entry.responseEnd - started,
      }
    })
  return { first, all, failed, waterfall }
}

function unmountAll() {
  for (const element of document.querySelectorAll('inset-dashboard')) element.remove()
}

/** Drops the page's own instance (the memory section calls it before its last measurement). */
function destroyShared() {
  shared?.destroy()
  shared = undefined
}

defineInsetElements()
const count = Number(params.get('count') ?? 1)
if (params.get('mount') !== '0') {
  const main = document.querySelector('main')
  for (let i = 0; i < count; i++) main.append(dashboardElement(params.get('mode') ?? 'shared'))
}
Object.assign(window, {
  bench: { states, cycle, drawn, destroyShared, dashboardElement, firstChart, unmountAll },
})
