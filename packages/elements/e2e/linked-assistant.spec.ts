import { setDashboardFilters } from '@inset/test-utils/harness'
import { expect, openDashboard, test } from './fixtures'

const tokenFetches = (page: import('@playwright/test').Page) =>
  page.evaluate(
    () =>
      (window as unknown as { fixture: { tokenFetches: Record<string, number> } }).fixture
        .tokenFetches,
  )

test('a plain page: a dashboard given serverUrl + fetchToken and an assistant linked by `for` share one token', async ({
  page,
  site,
  demo,
}) => {
  const tokenRequests: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/inset-token') tokenRequests.push(request.url())
  })
  const { chat } = await openDashboard(page, site, demo, { connection: 'plain' })
  // The assistant is ready (it found the dashboard's connection) and follows its filters.
  await expect(chat.getByRole('textbox', { name: 'Your question' })).toBeEnabled()
  await setDashboardFilters(page, { region: ['EU'] })
  await expect(chat.locator('[data-context-filter="region"]')).toHaveText('Region: EU')

  const asked = page.waitForRequest(
    (request) => new URL(request.url()).pathname === '/v1/assistant' && request.method() === 'POST',
  )
  await chat.getByRole('textbox', { name: 'Your question' }).fill('revenue by region')
  await chat.getByRole('button', { name: 'Ask' }).click()
  const body = (await asked).postDataJSON() as { context: { dashboardId: string; filters: object } }
  expect(body.context).toMatchObject({ dashboardId: 'sales-overview', filters: { region: ['EU'] } })
  await expect(chat.locator('li.msg.assistant')).toHaveAttribute('data-status', 'done')

  // One token source for the page: one request to the host's token endpoint, none by the assistant.
  expect(tokenRequests).toHaveLength(1)
  expect(await tokenFetches(page)).toEqual({ dashboard: 1, assistant: 0 })
})
