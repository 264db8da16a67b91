import AxeBuilder from '@axe-core/playwright'
import { expect, openDashboard, test } from './fixtures'

for (const theme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations, and screenshots, in the ${theme} theme`, async ({
    page,
    site,
    demo,
  }) => {
    const { chat } = await openDashboard(page, site, demo, { theme })
    await chat.getByRole('textbox', { name: 'Your question' }).fill('Revenue by month')
    await chat.getByRole('button', { name: 'Ask' }).click()
    await expect(chat.locator('li.msg.assistant')).toHaveAttribute('data-status', 'done')
    // Open a popover and a table alternative too, so that they are scanned.
    await page
      .locator('inset-dashboard section[data-tile="revenue-by-category"]')
      .getByRole('button', { name: 'Show data as table' })
      .click()

    await page
      .locator('inset-dashboard')
      .screenshot({ path: `test-results/screenshots/dashboard-${theme}.png` })
    await chat.screenshot({ path: `test-results/screenshots/assistant-${theme}.png` })
    await page.screenshot({ path: `test-results/screenshots/page-${theme}.png`, fullPage: false })

    await page
      .locator('inset-dashboard')
      .getByRole('button', { name: /Region/ })
      .click()
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze()
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
      }))
    expect(serious).toEqual([])
    expect(results.passes.length).toBeGreaterThan(10)
  })
}
