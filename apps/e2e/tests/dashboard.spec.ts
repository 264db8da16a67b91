import { ALICE, BOB, type Expected, expectedFor, tableTexts, usd } from '@inset/test-utils/expected'
import { expect, type Page, test } from '@playwright/test'
import { APP_URL } from '../support/env'
import {
  chooseRegions,
  claimsOf,
  dashboard,
  kpi,
  NetworkLog,
  showTable,
  tableRows,
  tile,
  waitForDashboard,
} from '../support/harness'

/** Every number of the dashboard against the direct query. */
async function expectNumbers(page: Page, expected: Expected) {
  await expect.poll(() => kpi(page, 'orders')).toBe(expected.orders)
  expect(await kpi(page, 'revenue')).toBeCloseTo(expected.revenue, 2)
  await expect(tile(page, 'revenue').locator('.kpi-value')).toHaveText(usd(expected.revenue))
  await expect.poll(() => tableRows(page, 'top-products')).toEqual(tableTexts(expected).topProducts)
  await showTable(page, 'revenue-by-category')
  await expect
    .poll(() => tableRows(page, 'revenue-by-category'))
    .toEqual(tableTexts(expected).byCategory)
}

const regionOptions = async (page: Page) => {
  await dashboard(page)
    .getByRole('button', { name: /^Region/ })
    .click()
  const values = await dashboard(page)
    .getByRole('group', { name: 'Region' })
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value))
  await page.keyboard.press('Escape')
  return values
}

test('the dashboard renders with alice’s numbers', async ({ page }) => {
  const log = new NetworkLog(page)
  await page.goto(`${APP_URL}/?user=alice`)
  await waitForDashboard(page)
  await expectNumbers(page, await expectedFor(ALICE))

  expect(log.tokenRequests.map((r) => r.url.searchParams.get('user'))).toEqual(['alice'])
  expect(claimsOf(log.tokens[0]!)).toMatchObject({ sub: 'alice', tenant: 'acme' })
  expect((await regionOptions(page)).sort()).toEqual(['APAC', 'EU', 'NA'])
  await page.screenshot({ path: test.info().outputPath('overview-alice.png'), fullPage: true })
})

test('switching to bob shows only globex EU rows', async ({ page }) => {
  const log = new NetworkLog(page)
  await page.goto(`${APP_URL}/?user=alice`)
  await waitForDashboard(page)
  const alice = await kpi(page, 'revenue')

  await page.getByLabel('Signed in as').selectOption('bob')
  await expect(page).toHaveURL(/[?&]user=bob\b/)
  const bob = await expectedFor(BOB)
  await expect.poll(() => kpi(page, 'orders')).toBe(bob.orders)
  await waitForDashboard(page)
  await expectNumbers(page, bob)
  expect(bob.revenue).not.toBeCloseTo(alice, 0)

  // The new user got a token of their own, for their own tenant and region.
  expect(log.tokenRequests.at(-1)?.url.searchParams.get('user')).toBe('bob')
  expect(claimsOf(log.tokens.at(-1)!)).toMatchObject({
    sub: 'bob',
    tenant: 'globex',
    attrs: { region: ['EU'] },
  })
  // Every query after the switch went out with a token of bob's (a binding may fetch his twice
  // while the old connection winds down; each must be his).
  const bobTokens = new Set(log.tokens.filter((token) => claimsOf(token).sub === 'bob'))
  const switchedAt = log.tokenRequests.find((r) => r.url.searchParams.get('user') === 'bob')!.at
  const after = log.tileQueries().filter((r) => r.at > switchedAt)
  expect(after.length).toBeGreaterThan(0)
  for (const request of after)
    expect(bobTokens.has(request.authorization?.replace(/^Bearer /, '') ?? '')).toBe(true)
  expect(await regionOptions(page)).toEqual(['EU'])
  await page.screenshot({ path: test.info().outputPath('overview-bob.png'), fullPage: true })

  // A reload keeps the choice: it lives in the URL.
  await page.reload()
  await expect.poll(() => kpi(page, 'orders')).toBe(bob.orders)
  await expect(page.getByLabel('Signed in as')).toHaveValue('bob')
})

test('filters change the numbers', async ({ page }) => {
  await page.goto(`${APP_URL}/?user=alice`)
  await waitForDashboard(page)
  const all = await expectedFor(ALICE)

  await chooseRegions(page, ['NA'])
  const na = await expectedFor({ ...ALICE, regions: ['NA'] })
  expect(na.orders).toBeLessThan(all.orders)
  await expectNumbers(page, na)

  // Q1 2025 as a custom range: the dashboard sends `to` exclusive.
  await dashboard(page).locator('select[data-filter="date"]').selectOption('custom')
  await dashboard(page).getByLabel('Date: From').fill('2025-01-01')
  await dashboard(page).getByLabel('Date: To').fill('2025-03-31')
  const q1 = await expectedFor({ ...ALICE, regions: ['NA'], from: '2025-01-01', to: '2025-04-01' })
  await expectNumbers(page, q1)
  await page.screenshot({ path: test.info().outputPath('overview-filtered.png'), fullPage: true })
})

test('a page of the host’s own design shows the same numbers through the headless API', async ({
  page,
}) => {
  await page.goto(`${APP_URL}/reports?user=alice`)
  const number = (id: string) =>
    page
      .locator(`[data-kpi="${id}"] [data-value]`)
      .getAttribute('data-value')
      .then((v) => (v ? Number(v) : undefined))
  const all = await expectedFor(ALICE)
  await expect.poll(() => number('orders')).toBe(all.orders)
  expect(await number('revenue')).toBeCloseTo(all.revenue, 2)
  await expect(page.getByTestId('top-products').locator('tbody tr')).toHaveCount(10)
  await expect(page.getByTestId('top-products').locator('tbody tr').first()).toContainText(
    all.topProducts[0]!.product,
  )
  await page.screenshot({ path: test.info().outputPath('reports-alice.png'), fullPage: true })

  await page.getByRole('group', { name: 'Region' }).getByRole('button', { name: 'APAC' }).click()
  const apac = await expectedFor({ ...ALICE, regions: ['APAC'] })
  await expect.poll(() => number('orders')).toBe(apac.orders)
  expect(await number('revenue')).toBeCloseTo(apac.revenue, 2)
  const categories = page.getByTestId('categories').locator('[data-category]')
  await expect
    .poll(() =>
      categories.evaluateAll((items) => items.map((i) => i.getAttribute('data-category'))),
    )
    .toEqual(apac.byCategory.map((c) => c.category))

  // Bob may only choose the regions his token allows.
  await page.getByLabel('Signed in as').selectOption('bob')
  const bob = await expectedFor(BOB)
  await expect.poll(() => number('orders')).toBe(bob.orders)
  await expect(page.getByRole('group', { name: 'Region' }).getByRole('button')).toHaveText([
    'All regions',
    'EU',
  ])
})

test('a category activated in its tile filters every other tile (cross-filtering); its chip clears it', async ({
  page,
}) => {
  await page.goto(`${APP_URL}/?user=bob`)
  await waitForDashboard(page)
  const all = await expectedFor(BOB)
  const category = all.byCategory[0]!.category
  await showTable(page, 'revenue-by-category')
  await tile(page, 'revenue-by-category').locator('tbody tr', { hasText: category }).press('Enter')

  const narrowed = await expectedFor({ ...BOB, categories: [category] })
  await expect.poll(() => kpi(page, 'orders')).toBe(narrowed.orders)
  expect(await kpi(page, 'revenue')).toBeCloseTo(narrowed.revenue, 2)
  await expect.poll(() => tableRows(page, 'top-products')).toEqual(tableTexts(narrowed).topProducts)
  // The tile it came from still lists every category.
  await expect
    .poll(() => tableRows(page, 'revenue-by-category'))
    .toEqual(tableTexts(all).byCategory)

  await tile(page, 'revenue-by-category').locator('[part="tile-selection"]').click()
  await expect.poll(() => kpi(page, 'orders')).toBe(all.orders)
})
