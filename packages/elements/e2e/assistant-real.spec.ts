import type { Page } from '@playwright/test'
import { ordersIn, usd } from './expected'
import { expect, openDashboard, test } from './fixtures'

const answers = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { fixture: { events: Array<{ type: string; detail: unknown }> } }
    ).fixture.events
      .filter((e) => e.type === 'inset-answer')
      .map((e) => e.detail),
  )

test.describe('<inset-assistant> against the demo server', () => {
  test("answers with the linked dashboard's filters, the query in words and the right numbers", async ({
    page,
    site,
    demo,
  }) => {
    await openDashboard(page, site, demo)
    const chat = page.locator('inset-assistant')
    // Starter questions come from the server's semantic model.
    await expect(
      chat.getByRole('group', { name: 'Suggested questions' }).getByRole('button').first(),
    ).toBeVisible()
    await page
      .locator('inset-dashboard')
      .evaluate((el: HTMLElement & { setFilters(f: unknown): void }) =>
        el.setFilters({ channel: ['online'] }),
      )
    await expect(chat.locator('[data-context-filter="channel"]')).toHaveText('Channel: online')

    await chat.getByRole('textbox', { name: 'Your question' }).fill('Revenue by region')
    await chat.getByRole('textbox', { name: 'Your question' }).press('Enter')
    const answer = chat.locator('li.msg.assistant').last()
    await expect(answer).toHaveAttribute('data-status', 'done')
    await expect(answer.locator('.query')).toContainText('Channel is online')
    await expect(answer.getByRole('img')).toHaveAttribute('aria-label', /^Bar chart of /)

    const byRegion = new Map<string, number>()
    for (const o of ordersIn({ tenant: 'acme', channels: ['online'] }))
      byRegion.set(o.region, (byRegion.get(o.region) ?? 0) + o.amount)
    const expected = [...byRegion.entries()].sort((a, b) => b[1] - a[1])
    await answer.getByRole('button', { name: 'Show data as table' }).click()
    await expect(answer.locator('tbody tr')).toHaveText(
      expected.map(
        ([region, revenue]) => new RegExp(`^${region}\\s*${usd(revenue).replace('$', '\\$')}$`),
      ),
    )
    const [detail] = (await answers(page)) as Array<{
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
