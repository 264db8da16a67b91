import { ALICE, expectedFor, int } from '@inset/test-utils/expected'
import { setDashboardFilters } from '@inset/test-utils/harness'
import { expect, openDashboard, test } from './fixtures'

/** How often the dashboard's instance called its fetchToken. */
const dashboardTokenFetches = () =>
  (window as unknown as { fixture: { tokenFetches: { dashboard: number } } }).fixture.tokenFetches
    .dashboard

test.describe('token refresh and server restarts', () => {
  test('a short-lived token refreshes without re-rendering tiles, moving the scroll or losing the conversation', async ({
    page,
    site,
    demo,
  }) => {
    const tokens = new Set<string>()
    page.on('request', (request) => {
      const auth = request.headers().authorization
      if (auth && request.url().startsWith(demo.url)) tokens.add(auth)
    })
    const { chat } = await openDashboard(page, site, demo, { assistant: 'fixture', ttl: '20' })
    await chat.getByRole('textbox', { name: 'Your question' }).fill('Which region sells most?')
    await chat.getByRole('textbox', { name: 'Your question' }).press('Enter')
    await expect(chat.locator('li.msg.assistant')).toHaveAttribute('data-status', 'done')
    const table = page.locator('inset-dashboard section[data-tile="top-products"]')
    await table.getByRole('button', { name: 'Next page' }).click()
    const pageText = await table.locator('.pager span').textContent()
    await page.evaluate(() => window.scrollTo(0, 300))

    // Watch the dashboard's DOM and mark every tile node.
    await page.evaluate(() => {
      const root = document.querySelector('inset-dashboard')!.shadowRoot!
      const counter = { mutations: 0 }
      new MutationObserver((records) => {
        counter.mutations += records.length
      }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true })
      for (const tile of root.querySelectorAll('section.tile'))
        (tile as HTMLElement & { mark?: boolean }).mark = true
      Object.assign(window, { counter })
    })
    const before = await page.evaluate(dashboardTokenFetches)
    expect(tokens.size).toBe(1)

    // The 20 s token is refreshed about 10 s after it was issued.
    await expect
      .poll(() => page.evaluate(dashboardTokenFetches), { timeout: 25_000 })
      .toBeGreaterThan(before)
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (
              window as unknown as { inset: { tokens: { getSnapshot(): { status: string } } } }
            ).inset.tokens.getSnapshot().status,
        ),
      )
      .toBe('fresh')

    expect(
      await page.evaluate(
        () => (window as unknown as { counter: { mutations: number } }).counter.mutations,
      ),
    ).toBe(0)
    expect(
      await page.evaluate(() =>
        [
          ...document
            .querySelector('inset-dashboard')!
            .shadowRoot!.querySelectorAll('section.tile'),
        ].every((tile) => (tile as HTMLElement & { mark?: boolean }).mark),
      ),
    ).toBe(true)
    expect(await page.evaluate(() => window.scrollY)).toBe(300)
    await expect(table.locator('.pager span')).toHaveText(pageText ?? '')
    await expect(chat.locator('li.msg')).toHaveCount(2)

    // The next request goes out with the new token.
    await setDashboardFilters(page, { region: ['NA'] })
    await expect(page.locator('inset-dashboard section[data-tile="orders"] .kpi-value')).toHaveText(
      int((await expectedFor({ ...ALICE, regions: ['NA'] })).orders),
    )
    expect(tokens.size).toBeGreaterThanOrEqual(2)
  })

  test('recovers by itself when the server goes away and comes back', async ({
    page,
    site,
    demo,
  }) => {
    test.setTimeout(120_000)
    await openDashboard(page, site, demo, { assistant: 'none' })
    await demo.stop()
    try {
      await setDashboardFilters(page, { channel: ['partner'] })
      const orders = page.locator('inset-dashboard section[data-tile="orders"]')
      await expect(orders.locator('[data-error-code]')).toHaveAttribute(
        'data-error-code',
        'network',
      )
    } finally {
      await demo.start()
    }
    const expected = await expectedFor({ ...ALICE, channels: ['partner'] })
    await expect(page.locator('inset-dashboard section[data-tile="orders"] .kpi-value')).toHaveText(
      int(expected.orders),
      {
        timeout: 60_000,
      },
    )
    await expect(page.locator('inset-dashboard section.tile[data-status="error"]')).toHaveCount(0)
  })
})
