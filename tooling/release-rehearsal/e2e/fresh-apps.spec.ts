// Each fresh app, built from what the registry served, in Chromium: the demo dashboard renders
// alice's numbers (checked against a direct query of the sample data) after exactly one token
// request to the app's own backend, with no error on the page.
import { ALICE, expectedFor, usd } from '@inset/test-utils/expected'
import { tile } from '@inset/test-utils/harness'
import { expect, test } from '@playwright/test'

interface FreshApp {
  name: string
  heading: string
  url: string
  insetServerUrl: string
}

const raw = process.env.REHEARSAL_APPS
if (!raw) throw new Error('REHEARSAL_APPS is not set: run this through src/rehearse.mjs')
const apps = JSON.parse(raw) as FreshApp[]
if (apps.length === 0) throw new Error('REHEARSAL_APPS lists no app')

for (const app of apps) {
  test(`${app.name}: the fresh app shows alice's dashboard after one token request`, async ({
    page,
  }) => {
    const tokenRequests: string[] = []
    const insetRequests: string[] = []
    const problems: string[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.pathname === '/api/inset-token') tokenRequests.push(url.search)
      else if (url.origin === app.insetServerUrl) insetRequests.push(url.pathname)
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      // A failed load is reported below, with its URL.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(`console error: ${message.text()}`)
      }
    })
    page.on('response', (response) => {
      // The browser's own favicon request is no part of the app.
      if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') {
        problems.push(`${response.status()} for ${response.url()}`)
      }
    })
    const expected = await expectedFor(ALICE)

    await page.goto(app.url)
    await expect(page.getByRole('heading', { name: app.heading })).toBeVisible()
    const revenue = tile(page, 'revenue')
    await expect(revenue).toHaveAttribute('data-status', 'ready')
    await expect(tile(page, 'orders').locator('.kpi-value')).toHaveAttribute(
      'data-value',
      String(expected.orders),
    )
    expect(Number(await revenue.locator('.kpi-value').getAttribute('data-value'))).toBeCloseTo(
      expected.revenue,
      2,
    )
    await expect(revenue.locator('.kpi-value')).toHaveText(usd(expected.revenue))
    await expect
      .poll(() =>
        page
          .locator('inset-dashboard section.tile')
          .evaluateAll(
            (tiles) => tiles.length > 1 && tiles.every((t) => t.dataset.status === 'ready'),
          ),
      )
      .toBe(true)

    expect(tokenRequests).toEqual(['?user=alice'])
    // The definition and every tile came from the installed server, in one request by default.
    expect(insetRequests.some((path) => path.endsWith('/load'))).toBe(true)
    expect(problems).toEqual([])
  })
}
