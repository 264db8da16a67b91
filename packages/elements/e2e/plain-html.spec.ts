import { expect, test } from './fixtures'

test('ten dashboards embedded by attributes alone share one token request per load and per refresh', async ({
  page,
  site,
}) => {
  const tokenRequests: number[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/inset-token') tokenRequests.push(Date.now())
  })
  const started = Date.now()
  // 12-second tokens: the shared source refreshes about 6 s in.
  await page.goto(`${site.url}/plain.html?count=10&ttl=12`)
  const dashboards = page.locator('inset-dashboard')
  await expect(dashboards).toHaveCount(10)
  for (const dashboard of await dashboards.all())
    await expect(dashboard.locator('section.tile[data-status="ready"]').first()).toBeVisible()
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll('inset-dashboard')].every(
          (element) =>
            (element as HTMLElement & { snapshot?: { state: string } }).snapshot?.state === 'ready',
        ),
      ),
    )
    .toBe(true)
  // One request for all ten at load: none other within 4 s of it (on a slow machine the first
  // refresh, ~6 s in, may already have happened by now; it is checked with the others below).
  expect(tokenRequests.filter((at) => at - tokenRequests[0]! < 4_000)).toHaveLength(1)

  // Two refresh cycles: each is one request for all ten (6 s apart), never a burst.
  await expect.poll(() => tokenRequests.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3)
  const gaps = tokenRequests.slice(1).map((at, i) => at - tokenRequests[i]!)
  for (const gap of gaps) expect(gap).toBeGreaterThan(4_000)
  expect(tokenRequests[0]! - started).toBeLessThan(4_000)
  // The refreshed token works: every dashboard reloads without error.
  await page.evaluate(() => {
    for (const element of document.querySelectorAll('inset-dashboard'))
      (element as HTMLElement & { refresh(): void }).refresh()
  })
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll('inset-dashboard')].map(
          (element) => (element as HTMLElement & { snapshot?: { state: string } }).snapshot?.state,
        ),
      ),
    )
    .toEqual(Array.from({ length: 10 }, () => 'ready'))
})
