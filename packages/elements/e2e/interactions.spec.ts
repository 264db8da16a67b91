import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import {
  ALICE,
  BOB,
  expectedFor,
  int,
  queryOrders,
  type Scope,
  usd,
} from '@inset/test-utils/expected'
import { setDashboardFilters, showTable, tablePage, tile } from '@inset/test-utils/harness'
import type { Page } from '@playwright/test'
import { fixtureEvents as events, expect, openDashboard, test } from './fixtures'

const CATEGORY = 'revenue-by-category'

/** The KPI tiles and the top-products table show the numbers of `scope`, by direct SQL. */
async function expectNumbers(page: Page, scope: Scope) {
  const expected = await expectedFor(scope)
  await expect(tile(page, 'revenue').locator('.kpi-value')).toHaveText(usd(expected.revenue))
  await expect(tile(page, 'orders').locator('.kpi-value')).toHaveText(int(expected.orders))
  await expect
    .poll(async () => (await tablePage(page, 'top-products')).map((row) => row[0]))
    .toEqual(
      expected.topProducts
        .slice(0, (await tablePage(page, 'top-products')).length)
        .map((p) => p.product),
    )
  return expected
}

/** Rows of a CSV file (RFC 4180, CRLF; no quoted line breaks in this data). */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/)
    .map((line) =>
      [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)]
        .slice(0, -1)
        .map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')),
    )
}

test('a category bar filters every other tile, shows the selection, and a second activation clears it', async ({
  page,
  site,
  demo,
}) => {
  await openDashboard(page, site, demo, { assistant: 'none' })
  const all = await expectNumbers(page, ALICE)
  const category = all.byCategory[1]!.category
  await showTable(page, CATEGORY)
  const row = tile(page, CATEGORY).locator('tbody tr', { hasText: category })
  await row.focus()
  await page.keyboard.press('Enter')

  await expect(tile(page, CATEGORY).locator('[part="tile-selection"]')).toHaveText(category)
  await expectNumbers(page, { ...ALICE, categories: [category] })
  // The clicked tile keeps every category, its selected row marked.
  expect((await tablePage(page, CATEGORY)).map((cells) => cells[0])).toEqual(
    all.byCategory.map((entry) => entry.category),
  )
  await expect(tile(page, CATEGORY).locator('tbody tr[aria-selected="true"]')).toHaveText(
    new RegExp(category),
  )
  await expect(page.locator('inset-dashboard .sr-only[aria-live]').last()).toHaveText(
    `Filtered by Category: ${category}`,
  )
  const changes = (await events(page, 'inset-filter-change')) as Array<{
    filters: Record<string, unknown>
    origin: string
  }>
  expect(changes.at(-1)).toMatchObject({ filters: { category: [category] }, origin: 'user' })

  // Axe sees the selection chip, the drill toggle and the download menu.
  await tile(page, CATEGORY).locator('[part="tile-download"] summary').click()
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
  expect(
    results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id),
  ).toEqual([])
  await tile(page, CATEGORY).locator('[part="tile-download"] summary').click()

  await tile(page, CATEGORY).locator('tbody tr[aria-selected="true"]').press('Enter')
  await expect(tile(page, CATEGORY).locator('[part="tile-selection"]')).toHaveCount(0)
  await expectNumbers(page, ALICE)
})

test('a click on the bar chart sets the cross-filter of the bar under the pointer', async ({
  page,
  site,
  demo,
}) => {
  await openDashboard(page, site, demo, { assistant: 'none' })
  const all = await expectedFor(ALICE)
  const over = tile(page, CATEGORY).locator('.u-over')
  const box = (await over.boundingBox())!
  // The best category is the top bar.
  await page.mouse.click(box.x + box.width / 4, box.y + box.height / (2 * all.byCategory.length))
  await expect(tile(page, CATEGORY).locator('[part="tile-selection"]')).toHaveText(
    all.byCategory[0]!.category,
  )
  await expectNumbers(page, { ...ALICE, categories: [all.byCategory[0]!.category] })
})

test('drill from a category into its products and back', async ({ page, site, demo }) => {
  await openDashboard(page, site, demo, { user: 'bob', assistant: 'none' })
  const category = (await expectedFor(BOB)).byCategory[0]!.category
  await showTable(page, CATEGORY)
  await tile(page, CATEGORY).locator('[data-drill-toggle]').click()
  await expect(tile(page, CATEGORY).locator('[data-drill-toggle]')).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await tile(page, CATEGORY).locator('tbody tr', { hasText: category }).press('Enter')

  await expect(tile(page, CATEGORY).locator('[part="tile-breadcrumb"] [aria-current]')).toHaveText(
    category,
  )
  const products = (
    await queryOrders(
      'SELECT product, sum(amount) AS r FROM orders WHERE $where GROUP BY product ORDER BY r DESC LIMIT 10',
      { ...BOB, categories: [category] },
    )
  ).map(([product]) => product)
  await expect
    .poll(async () => (await tablePage(page, CATEGORY)).map((cells) => cells[0]))
    .toEqual(products)
  // Drilling is not filtering: the other tiles keep bob's whole numbers.
  await expectNumbers(page, BOB)
  expect(((await events(page, 'inset-drill-change')) as unknown[]).at(-1)).toMatchObject({
    tileId: CATEGORY,
    drill: [category],
  })

  await tile(page, CATEGORY).locator('[part="tile-breadcrumb"] button').click()
  await expect(tile(page, CATEGORY).locator('[part="tile-breadcrumb"]')).toBeHidden()
  await expect
    .poll(async () => (await tablePage(page, CATEGORY)).map((cells) => cells[0]))
    .toEqual((await expectedFor(BOB)).byCategory.map((entry) => entry.category))
})

for (const user of ['alice', 'bob'] as const) {
  test(`${user}'s CSV of top products holds exactly the rows a direct query gives, even with filters that try to widen`, async ({
    page,
    site,
    demo,
  }) => {
    await openDashboard(page, site, demo, { user, assistant: 'none' })
    // Bob may see EU only: asking for every region must not widen his file.
    await setDashboardFilters(page, { region: ['EU', 'NA', 'APAC'] })
    await tile(page, 'top-products').locator('[part="tile-download"] summary').click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      tile(page, 'top-products').getByRole('button', { name: 'Download CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('sales-overview-top-products.csv')
    const [header, ...rows] = parseCsv(readFileSync((await download.path())!, 'utf8'))
    expect(header).toEqual(['Product', 'Category', 'Revenue', 'Orders', 'Units sold'])
    const scope = user === 'bob' ? BOB : ALICE
    const expected = await queryOrders(
      `SELECT product, any_value(category), round(sum(amount), 2) AS r, count(*), sum(quantity)
       FROM orders WHERE $where GROUP BY product ORDER BY r DESC`,
      scope,
    )
    expect(rows.length).toBe(expected.length)
    expect(rows.map((r) => r[0]).sort()).toEqual(expected.map((r) => String(r[0])).sort())
    const byProduct = new Map(rows.map((r) => [r[0], r]))
    for (const [product, category, revenue, orders, units] of expected) {
      const got = byProduct.get(String(product))!
      expect(got[1]).toBe(category)
      expect(Number(got[2])).toBeCloseTo(Number(revenue), 2)
      expect(Number(got[3])).toBe(Number(orders))
      expect(Number(got[4])).toBe(Number(units))
    }
    expect(((await events(page, 'inset-export')) as unknown[]).at(-1)).toMatchObject({
      tileId: 'top-products',
      format: 'csv',
    })
  })
}

test('a chart downloads as a PNG at twice its size', async ({ page, site, demo }) => {
  await openDashboard(page, site, demo, { assistant: 'none' })
  await tile(page, 'revenue-over-time').locator('[part="tile-download"] summary').click()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    tile(page, 'revenue-over-time').getByRole('button', { name: 'Download PNG' }).click(),
  ])
  const png = readFileSync((await download.path())!)
  expect(png.subarray(1, 4).toString()).toBe('PNG')
  const width = png.readUInt32BE(16)
  const chartWidth = (await tile(page, 'revenue-over-time').locator('.chart').boundingBox())!.width
  expect(Math.abs(width - 2 * chartWidth)).toBeLessThanOrEqual(4)
})

test('a token without the export scope shows no download control and the route answers 403', async ({
  page,
  site,
  demo,
}) => {
  await openDashboard(page, site, demo, { export: 'no', assistant: 'none' })
  await expect(page.locator('inset-dashboard section.tile[data-status="ready"]')).not.toHaveCount(0)
  await expect(page.locator('inset-dashboard [part="tile-download"]')).toHaveCount(0)
  const token = await page.evaluate(() =>
    (
      window as unknown as { inset: { tokens: { getToken(): Promise<string> } } }
    ).inset.tokens.getToken(),
  )
  const response = await fetch(
    `${demo.url}/v1/dashboards/sales-overview/tiles/top-products/export`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    },
  )
  expect(response.status).toBe(403)
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden')
})
