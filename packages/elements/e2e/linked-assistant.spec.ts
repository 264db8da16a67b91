import AxeBuilder from '@axe-core/playwright'
import { ALICE, queryOrders } from '@inset/test-utils/expected'
import { setDashboardFilters } from '@inset/test-utils/harness'
import { expect, fixtureEvents, openDashboard, test } from './fixtures'

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

test('"Ask about this" on a tile: the linked assistant answers about that tile, under the dashboard\'s filters, with the numbers of direct SQL', async ({
  page,
  site,
  demo,
}) => {
  const { dashboard, chat } = await openDashboard(page, site, demo)
  const filters = { region: ['EU', 'NA'], date: { from: '2026-01-01', to: '2026-07-01' } }
  await setDashboardFilters(page, filters)
  await expect(chat.locator('[data-context-filter="region"]')).toHaveText('Region: EU, NA')

  // Keyboard: the tile's action is a button in the tab order, activated with Enter.
  const tile = dashboard.locator('section[data-tile="revenue-by-category"]')
  const askAbout = tile.getByRole('button', { name: 'Ask about this' })
  await expect(askAbout).toBeVisible()
  expect(await askAbout.getAttribute('tabindex')).toBeNull()
  await askAbout.focus()
  await page.keyboard.press('Enter')

  expect(await fixtureEvents(page, 'inset-ask-about')).toEqual([
    {
      dashboardId: 'sales-overview',
      tileId: 'revenue-by-category',
      title: 'Revenue by category',
      filters,
    },
  ])
  await expect(chat.locator('[data-context-tile="revenue-by-category"]')).toContainText(
    'About: Revenue by category',
  )
  const question = chat.getByRole('textbox', { name: 'Your question' })
  await expect(question).toBeFocused()
  await expect(
    chat.getByRole('group', { name: 'Suggested questions' }).getByRole('button'),
  ).toHaveText([
    'Break this down by region',
    'What is the share of each?',
    /^What about \w+ only\?$/,
  ])

  const asked = page.waitForRequest(
    (request) => new URL(request.url()).pathname === '/v1/assistant' && request.method() === 'POST',
  )
  await page.keyboard.type('break this down by channel')
  await page.keyboard.press('Enter')
  const body = (await asked).postDataJSON() as { context: Record<string, unknown> }
  expect(body.context).toEqual({
    dashboardId: 'sales-overview',
    tileId: 'revenue-by-category',
    filters,
    history: [],
  })
  await expect(chat.locator('li.msg.assistant').last()).toHaveAttribute('data-status', 'done')

  // The tile's measure (revenue) by channel, for alice, under the dashboard's filters: direct SQL.
  const expected = await queryOrders(
    'SELECT channel, sum(amount) FROM orders WHERE $where GROUP BY channel ORDER BY channel',
    { ...ALICE, regions: filters.region, from: filters.date.from, to: filters.date.to },
  )
  const [answer] = (await fixtureEvents(page, 'inset-answer')) as Array<{
    query: { measures: string[]; dimensions: string[] }
    result: { rows: Array<[string, number]> }
  }>
  expect(answer?.query).toMatchObject({ measures: ['revenue'], dimensions: ['channel'] })
  const rows = [...(answer?.result.rows ?? [])].sort(([a], [b]) => a.localeCompare(b))
  expect(rows.map(([channel]) => channel)).toEqual(expected.map(([channel]) => channel))
  for (const [i, [, revenue]] of rows.entries())
    expect(revenue).toBeCloseTo(expected[i]?.[1] as number, 2)

  await tile.screenshot({ path: 'test-results/screenshots/tile-ask-about.png' })
  await chat.screenshot({ path: 'test-results/screenshots/assistant-about-tile.png' })

  // The chip, the tiles' actions and the answer pass axe.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze()
  expect(
    results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })),
  ).toEqual([])

  // Removing the chip: the next question is about the whole dashboard again.
  await chat.getByRole('button', { name: 'Stop asking about Revenue by category' }).click()
  await expect(chat.locator('[data-context-tile]')).toHaveCount(0)
})
