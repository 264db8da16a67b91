import type { BrowserContext, Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** Opens `count` tabs of the fixture page in one browser context; 20-second tokens. */
async function openTabs(context: BrowserContext, url: string, count: number): Promise<Page[]> {
  const pages: Page[] = []
  for (let i = 0; i < count; i++) {
    const page = await context.newPage()
    await page.goto(url)
    await page.locator('inset-dashboard section.tile[data-status="ready"]').first().waitFor()
    pages.push(page)
  }
  return pages
}

function countTokenRequests(context: BrowserContext) {
  const requests: Array<{ at: number; user: string; reason: string }> = []
  context.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname === '/api/inset-token')
      requests.push({
        at: Date.now(),
        user: url.searchParams.get('user') ?? '',
        reason: url.searchParams.get('reason') ?? '',
      })
  })
  return requests
}

// 20-second tokens refresh about every 9.5 s; 40 s hold four refresh cycles.
const WATCH_MS = 40_000

test('three tabs share one token refresh per cycle; without the option each tab refreshes', async ({
  browser,
  site,
  demo,
}) => {
  test.setTimeout(150_000)
  const url = (tabs?: string) =>
    `${site.url}/?${new URLSearchParams({ server: demo.url, ttl: '20', assistant: 'none', ...(tabs && { tabs }) })}`

  // Both sets of tabs at once, each in its own context (its own origin storage and channels).
  const shared = await browser.newContext()
  const sharedRequests = countTokenRequests(shared)
  const alone = await browser.newContext()
  const aloneRequests = countTokenRequests(alone)
  const [sharedTabs] = await Promise.all([
    openTabs(shared, url('alice'), 3),
    openTabs(alone, url(), 3),
  ])
  // Loading six pages on two busy cores may outlast a refresh cycle: count by the reason.
  const initial = (requests: Array<{ reason: string }>) =>
    requests.filter((request) => request.reason === 'initial').length
  const loadShared = initial(sharedRequests)
  const loadAlone = initial(aloneRequests)
  const before = [sharedRequests.length, aloneRequests.length] as const
  await sharedTabs![0]!.waitForTimeout(WATCH_MS)
  const refreshShared = sharedRequests.length - before[0]
  const refreshAlone = aloneRequests.length - before[1]
  console.log(
    `token requests over ${WATCH_MS / 1000} s, 3 tabs: shared ${loadShared} at load + ${refreshShared} refreshes; alone ${loadAlone} + ${refreshAlone}`,
  )
  expect(loadShared).toBe(1)
  expect(loadAlone).toBe(3)
  expect(refreshShared).toBeGreaterThanOrEqual(3)
  expect(refreshShared).toBeLessThanOrEqual(5)
  expect(refreshAlone).toBeGreaterThanOrEqual(3 * refreshShared - 3)
  // Never in storage, cookies or the URL.
  for (const page of sharedTabs!) {
    const token = await page.evaluate(() =>
      (
        window as unknown as { inset: { tokens: { getToken(): Promise<string> } } }
      ).inset.tokens.getToken(),
    )
    const stored = await page.evaluate(() =>
      JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie, location.href]),
    )
    expect(stored).not.toContain(token)
  }
  await alone.close()

  // The leader closes: another tab leads, with no failed request, still one request per cycle.
  const failed: string[] = []
  shared.on('response', (response) => {
    if (!response.ok()) failed.push(`${response.status()} ${response.url()}`)
  })
  await sharedTabs![0]!.close()
  const afterClose = sharedRequests.length
  await sharedTabs![1]!.waitForTimeout(25_000)
  expect(sharedRequests.length - afterClose).toBeGreaterThanOrEqual(2)
  expect(sharedRequests.length - afterClose).toBeLessThanOrEqual(3)
  expect(failed).toEqual([])
  for (const page of sharedTabs!.slice(1))
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (
              document.querySelector('inset-dashboard') as HTMLElement & {
                snapshot?: { state: string }
              }
            ).snapshot?.state,
        ),
      )
      .toBe('ready')
  await shared.close()
})

test('two tabs with different keys each fetch their own token', async ({ browser, site, demo }) => {
  const context = await browser.newContext()
  const requests = countTokenRequests(context)
  const url = (user: string) =>
    `${site.url}/?${new URLSearchParams({ server: demo.url, user, tabs: user, assistant: 'none' })}`
  await openTabs(context, url('alice'), 1)
  await openTabs(context, url('bob'), 1)
  expect(requests.map((request) => request.user)).toEqual(['alice', 'bob'])
  await context.close()
})
