import { ALICE, expectedFor, usd } from '@inset/test-utils/expected'
import { setDashboardFilters } from '@inset/test-utils/harness'
import { expect, fixtureEvents, openDashboard, test } from './fixtures'

test.describe('<inset-assistant> against the demo server', () => {
  test("answers with the linked dashboard's filters, the query in words and the right numbers", async ({
    page,
    site,
    demo,
  }) => {
    const { chat } = await openDashboard(page, site, demo)
    // Starter questions come from the server's semantic model.
    await expect(
      chat.getByRole('group', { name: 'Suggested questions' }).getByRole('button').first(),
    ).toBeVisible()
    await setDashboardFilters(page, { channel: ['online'] })
    await expect(chat.locator('[data-context-filter="channel"]')).toHaveText('Channel: online')

    await chat.getByRole('textbox', { name: 'Your question' }).fill('Revenue by region')
    await chat.getByRole('textbox', { name: 'Your question' }).press('Enter')
    const answer = chat.locator('li.msg.assistant').last()
    await expect(answer).toHaveAttribute('data-status', 'done')
    await expect(answer.locator('.query')).toContainText('Channel is online')
    await expect(answer.getByRole('img')).toHaveAttribute('aria-label', /^Bar chart of /)

    const { byRegion } = await expectedFor({ ...ALICE, channels: ['online'] })
    const expected = byRegion.map(({ region, revenue }) => [region, revenue] as const)
    await answer.getByRole('button', { name: 'Show data as table' }).click()
    await expect(answer.locator('tbody tr')).toHaveText(
      expected.map(
        ([region, revenue]) => new RegExp(`^${region}\\s*${usd(revenue).replace('$', '\\$')}$`),
      ),
    )
    const [detail] = (await fixtureEvents(page, 'inset-answer')) as Array<{
      result: { rows: Array<[string, number]> }
      question: string
    }>
    expect(detail?.question).toBe('Revenue by region')
    detail?.result.rows.forEach(([region, revenue], i) => {
      expect(region).toBe(expected[i]?.[0])
      expect(revenue).toBeCloseTo(expected[i]?.[1] ?? Number.NaN, 2)
    })

    // A follow-up from the answer's suggestions keeps the conversation going.
    await chat
      .getByRole('group', { name: 'Suggested questions' })
      .getByRole('button')
      .first()
      .click()
    await expect(chat.locator('li.msg.assistant[data-status="done"]')).toHaveCount(2)
    await expect(chat.locator('li.msg.user')).toHaveCount(2)

    // A top-3 answer is cut at 3 rows: it says so; the full answer above does not.
    await chat.getByRole('textbox', { name: 'Your question' }).fill('Top 3 products by revenue')
    await chat.getByRole('textbox', { name: 'Your question' }).press('Enter')
    await expect(chat.locator('li.msg.assistant[data-status="done"]')).toHaveCount(3)
    await expect(chat.locator('li.msg.assistant').last().locator('.note')).toHaveText(
      'Showing the first 3 rows',
    )
    await expect(chat.locator('li.msg.assistant').first().locator('.note')).toHaveCount(0)
    await chat.screenshot({ path: 'test-results/screenshots/assistant-truncated-light.png' })
  })
})
