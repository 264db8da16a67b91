// Issue 19, the browser half: nothing waits for what it does not need. The chart chunk is on its way
// before the data arrives, and a cold load pays at most one CORS preflight per route (the page is on
// another origin than the server, as in a real embed), a later load none.
import type { Page } from '@playwright/test'
import { type CountingProxy, startCountingProxy } from './counting-proxy'
import { expect, test } from './fixtures'

/** A request's path once it is sent and once its response has been read (Node's clock). */
interface Exchange {
  path: string
  sentAt: number
  finishedAt?: number
}

function recordExchanges(page: Page): Exchange[] {
  const exchanges: Exchange[] = []
  const byRequest = new Map<unknown, Exchange>()
  page.on('request', (request) => {
    const exchange = { path: new URL(request.url()).pathname, sentAt: performance.now() }
    exchanges.push(exchange)
    byRequest.set(request, exchange)
  })
  page.on('requestfinished', (request) => {
    const exchange = byRequest.get(request)
    if (exchange) exchange.finishedAt = performance.now()
  })
  return exchanges
}

/** The requests that bring a tile's first result: the one-request load or a tile's query. */
const isTileData = (path: string) =>
  /^\/v1\/dashboards\/[^/]+\/(load|tiles\/[^/]+\/query)$/.test(path)

const allTilesReady = (page: Page) =>
  expect
    .poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll('inset-dashboard')].map(
          (element) => (element as HTMLElement & { snapshot?: { state: string } }).snapshot?.state,
        ),
      ),
    )
    .toEqual(['ready'])

/** `OPTIONS` requests that reached the server, by path. */
const preflights = (proxy: CountingProxy) =>
  Object.fromEntries(
    [...proxy.counts]
      .filter(([key]) => key.startsWith('OPTIONS '))
      .map(([key, count]) => [key.slice('OPTIONS '.length), count]),
  )

const pages = {
  'a host app (createInset, split bundle)': (server: string) =>
    `/?${new URLSearchParams({ server, assistant: 'none' })}`,
  'a plain HTML page (attributes, CDN build)': (server: string) =>
    `/plain.html?${new URLSearchParams({ server, count: '1' })}`,
}

let proxy: CountingProxy
test.beforeAll(async ({ demo }) => {
  proxy = await startCountingProxy(demo.url)
})
test.afterAll(async () => {
  await proxy.close()
})

for (const [name, path] of Object.entries(pages)) {
  test(`${name}: the chart chunk is requested before any tile result has arrived`, async ({
    page,
    site,
  }) => {
    const exchanges = recordExchanges(page)
    await page.goto(`${site.url}${path(proxy.url)}`)
    await expect(page.locator('inset-dashboard .chart canvas').first()).toBeVisible()
    await allTilesReady(page)

    const chunk = exchanges.find((exchange) => /\/chart-tile-[^/]*\.js$/.test(exchange.path))
    const data = exchanges.filter((exchange) => isTileData(exchange.path))
    expect(chunk, 'the chart chunk was requested').toBeDefined()
    expect(data.length).toBeGreaterThan(0)
    const firstResult = Math.min(...data.map((exchange) => exchange.finishedAt ?? Infinity))
    expect(firstResult).toBeLessThan(Infinity)
    expect(chunk!.sentAt).toBeLessThan(firstResult)
  })

  test(`${name}: a cold load sends at most one preflight per route, a later load none`, async ({
    page,
    site,
  }) => {
    proxy.reset()
    await page.goto(`${site.url}${path(proxy.url)}`)
    await allTilesReady(page)
    const cold = preflights(proxy)
    expect(Object.keys(cold).length, 'the page is cross-origin: preflights happen').toBeGreaterThan(
      0,
    )
    for (const [route, count] of Object.entries(cold)) expect(count, route).toBe(1)

    // Past Chromium's default preflight lifetime (5 s without Access-Control-Max-Age), so only
    // the server's max-age keeps them cached.
    await page.waitForTimeout(5_500)
    proxy.reset()
    await page.evaluate(() => {
      for (const element of document.querySelectorAll('inset-dashboard'))
        (element as HTMLElement & { refresh(): void }).refresh()
    })
    await expect.poll(() => proxy.counts.size).toBeGreaterThan(0)
    await allTilesReady(page)
    expect(preflights(proxy)).toEqual({})
  })
}
