import { expect, test } from '@playwright/test'
import { APP_URL } from '../support/env'
import { assistant, dashboard, NetworkLog, waitForDashboard } from '../support/harness'

test('navigating away destroys everything: no requests after unmount', async ({ page }) => {
  // The page's timers run on Playwright's clock, so that half an hour passes in a moment.
  await page.clock.install()
  const log = new NetworkLog(page)
  await page.goto(`${APP_URL}/assistant?user=alice`)
  await waitForDashboard(page)
  await expect(assistant(page).locator('form')).toBeVisible()
  expect(log.tokenRequests).toHaveLength(1)

  // Control: while mounted, the refresh timer is live on this clock (600 s tokens refresh ~2 min early).
  await page.clock.fastForward('09:00')
  await expect.poll(() => log.tokenRequests.length).toBe(2)

  await page.getByRole('link', { name: 'Account' }).click()
  await expect(page).toHaveURL(/\/account\?user=alice$/)
  await expect(dashboard(page)).toHaveCount(0)
  await expect(assistant(page)).toHaveCount(0)
  const tokenRequests = log.tokenRequests.length
  const insetRequests = log.insetRequests.length

  await page.clock.fastForward('30:00')
  await page.clock.runFor(1_000)
  // Give anything that was scheduled a real moment to reach the network.
  await page.waitForTimeout(1_500)
  expect(log.tokenRequests.slice(tokenRequests)).toEqual([])
  expect(log.insetRequests.slice(insetRequests)).toEqual([])

  // Coming back builds everything anew, with a new token.
  await page.getByRole('link', { name: 'Overview' }).click()
  await waitForDashboard(page)
  expect(log.tokenRequests).toHaveLength(tokenRequests + 1)
})
