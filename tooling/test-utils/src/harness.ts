// Locators into <inset-dashboard> and the reading of its tiles, for every browser suite (Playwright's
// CSS selectors pierce the open shadow roots).
import type { Locator, Page } from '@playwright/test'

/**
 * One tile of the dashboard on the page, by tile id.
 *
 * @example
 * await expect(tile(page, 'revenue').locator('.kpi-value')).toHaveText('$10,552,970')
 */
export const tile = (page: Page, id: string): Locator =>
  page.locator(`inset-dashboard section.tile[data-tile="${id}"]`)

/** Switches a chart tile to its table alternative (once; a second call leaves it shown). */
export async function showTable(page: Page, id: string): Promise<void> {
  const toggle = tile(page, id).getByRole('button', { name: 'Show data as table' })
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click()
}

/** The cell texts of the page of a tile's table on screen (a chart tile after `showTable`). */
export async function tablePage(page: Page, id: string): Promise<string[][]> {
  return tile(page, id)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td, th')].map((c) => c.textContent ?? '')),
    )
}

/** Every row of a tile's table, paging through it from the first page. */
export async function tableRows(page: Page, id: string): Promise<string[][]> {
  const previous = tile(page, id).getByRole('button', { name: 'Previous page' })
  while ((await previous.isVisible()) && (await previous.isEnabled())) await previous.click()
  const rows = await tablePage(page, id)
  const next = tile(page, id).getByRole('button', { name: 'Next page' })
  while ((await next.isVisible()) && (await next.isEnabled())) {
    await next.click()
    rows.push(...(await tablePage(page, id)))
  }
  return rows
}

/**
 * Calls the first dashboard's `setFilters()`, as a host page (or a curious user in the console) would.
 *
 * @example
 * await setDashboardFilters(page, { region: ['EU'] })
 */
export async function setDashboardFilters(
  page: Page,
  filters: Record<string, unknown>,
): Promise<void> {
  await page
    .locator('inset-dashboard')
    .first()
    .evaluate(
      (element, value) =>
        (element as HTMLElement & { setFilters(f: unknown): void }).setFilters(value),
      filters,
    )
}
