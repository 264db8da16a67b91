import {
  ALICE,
  expectedFor,
  int,
  monthLabel,
  previousPeriod,
  tableTexts,
  usd,
} from '@inset/test-utils/expected'
import { setDashboardFilters, showTable, tableRows, tile } from '@inset/test-utils/harness'
import { fixtureEvents as events, expect, openDashboard, test } from './fixtures'

test.describe('<inset-dashboard> against the demo server', () => {
  test('a chart shown as a table after the filters changed while it was hidden shows their rows', async ({
    page,
    site,
    demo,
  }) => {
    await openDashboard(page, site, demo, { assistant: 'none' })
    const all = await expectedFor(ALICE)
    await showTable(page, 'revenue-by-category')
    expect(await tableRows(page, 'revenue-by-category')).toEqual(tableTexts(all).byCategory)
    // Back to the chart: its table is hidden, and (since it is) no longer filled on each result.
    const toggle = tile(page, 'revenue-by-category').getByRole('button', {
      name: 'Show data as table',
    })
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await setDashboardFilters(page, { region: ['NA'] })
    const na = await expectedFor({ ...ALICE, regions: ['NA'] })
    await expect(tile(page, 'orders').locator('.kpi-value')).toHaveText(int(na.orders))
    await showTable(page, 'revenue-by-category')
    expect(await tableRows(page, 'revenue-by-category')).toEqual(tableTexts(na).byCategory)
  })

  test('renders every tile with the numbers of a direct computation over the sample data', async ({
    page,
    site,
    demo,
  }) => {
    const requests: string[] = []
    page.on('request', (request) => requests.push(new URL(request.url()).pathname))
    await openDashboard(page, site, demo, { assistant: 'none' })
    const expected = await expectedFor(ALICE)

    await expect(tile(page, 'revenue').locator('.kpi-value')).toHaveText(usd(expected.revenue))
    const raw = Number(await tile(page, 'revenue').locator('.kpi-value').getAttribute('data-value'))
    expect(raw).toBeCloseTo(expected.revenue, 2)
    await expect(tile(page, 'orders').locator('.kpi-value')).toHaveText(int(expected.orders))

    await showTable(page, 'revenue-over-time')
    expect(await tableRows(page, 'revenue-over-time')).toEqual(tableTexts(expected).byMonth)
    await showTable(page, 'revenue-by-category')
    expect(await tableRows(page, 'revenue-by-category')).toEqual(tableTexts(expected).byCategory)
    expect(await tableRows(page, 'top-products')).toEqual(tableTexts(expected).topProducts)
    // More products sold than the tile's limit of 10: the table says it shows only the first ones.
    expect(expected.productCount).toBeGreaterThan(10)
    await expect(tile(page, 'top-products').locator('.note')).toHaveText(
      'Showing the first 10 rows',
    )
    await expect(tile(page, 'revenue-by-category').locator('.note')).toBeHidden()

    // The chart code came in its own chunk, not in the page's module.
    expect(requests.some((path) => /chart-tile-[\w-]+\.js$/.test(path))).toBe(true)
    const [ready] = await events(page, 'inset-ready')
    expect(ready).toMatchObject({
      source: 'dashboard',
      dashboardId: 'sales-overview',
      definition: { title: 'Sales overview' },
    })
  })

  test('charts have an accessible name and the tiles a part for host styling', async ({
    page,
    site,
    demo,
  }) => {
    await openDashboard(page, site, demo, { assistant: 'none' })
    const expected = await expectedFor(ALICE)
    const first = monthLabel(expected.byMonth[0]!.month)
    const last = monthLabel(expected.byMonth.at(-1)!.month)
    await expect(tile(page, 'revenue-over-time').getByRole('img')).toHaveAttribute(
      'aria-label',
      `Line chart of Revenue over time, ${expected.byMonth.length} points, from ${first} to ${last}`,
    )
    await expect(tile(page, 'revenue-by-category').locator('canvas').first()).toBeVisible()
    await page.addStyleTag({ content: 'inset-dashboard::part(tile){border-color:rgb(255, 0, 0)}' })
    await expect(tile(page, 'orders')).toHaveCSS('border-top-color', 'rgb(255, 0, 0)')
  })

  test('filters change the numbers and send inset-filter-change', async ({ page, site, demo }) => {
    const { dashboard } = await openDashboard(page, site, demo, { assistant: 'none' })
    // Loading (and reloading) the definition changes no filter.
    await dashboard.getByRole('button', { name: 'Refresh' }).click()
    await expect(dashboard.locator('section.tile[aria-busy="true"]')).toHaveCount(0)
    await expect(dashboard.locator('[part="filter-bar"]')).toHaveCount(1)
    expect(await events(page, 'inset-filter-change')).toEqual([])

    // Region: keep EU only, by keyboard.
    const region = dashboard.getByRole('button', { name: /Region/ })
    await region.focus()
    await page.keyboard.press('Enter')
    await expect(region).toHaveAttribute('aria-expanded', 'true')
    await dashboard.getByRole('checkbox', { name: 'NA' }).press('Space')
    await dashboard.getByRole('checkbox', { name: 'APAC' }).press('Space')
    await page.keyboard.press('Escape')
    await expect(region).toHaveAttribute('aria-expanded', 'false')
    await expect(region).toBeFocused()
    await expect(region).toContainText('EU')

    // Date: a custom range, Q1 2025 (the dashboard sends `to` exclusive: 2025-04-01).
    await dashboard.getByRole('combobox', { name: 'Date' }).selectOption('custom')
    await dashboard.getByLabel('Date: From').fill('2025-01-01')
    await dashboard.getByLabel('Date: To').fill('2025-03-31')

    const scope = { ...ALICE, regions: ['EU'], from: '2025-01-01', to: '2025-04-01' }
    const expected = await expectedFor(scope)
    await expect(tile(page, 'revenue').locator('.kpi-value')).toHaveText(usd(expected.revenue))
    await expect(tile(page, 'orders').locator('.kpi-value')).toHaveText(int(expected.orders))
    const before = await expectedFor({ ...scope, ...previousPeriod(scope.from, scope.to) })
    const ratio = (expected.revenue - before.revenue) / before.revenue
    const delta = Number(
      await tile(page, 'revenue').locator('[data-delta]').getAttribute('data-delta'),
    )
    expect(delta).toBeCloseTo(ratio, 6)
    await expect(tile(page, 'revenue').locator('.delta')).toHaveClass(ratio > 0 ? /up/ : /down/)
    await showTable(page, 'revenue-by-category')
    expect(await tableRows(page, 'revenue-by-category')).toEqual(tableTexts(expected).byCategory)

    const changes = (await events(page, 'inset-filter-change')) as Array<{
      filters: Record<string, unknown>
      origin: string
    }>
    expect(changes.at(-1)).toEqual({
      dashboardId: 'sales-overview',
      origin: 'user',
      filters: { region: ['EU'], date: { from: '2025-01-01', to: '2025-04-01' } },
    })

    // setFilters() from the host, and Reset.
    await setDashboardFilters(page, { channel: ['online'] })
    const online = await expectedFor({ ...scope, channels: ['online'] })
    await expect(tile(page, 'orders').locator('.kpi-value')).toHaveText(int(online.orders))
    expect(
      ((await events(page, 'inset-filter-change')) as Array<{ origin: string }>).at(-1)?.origin,
    ).toBe('api')
    await dashboard.getByRole('button', { name: 'Reset filters' }).click()
    await expect(tile(page, 'orders').locator('.kpi-value')).toHaveText(
      int((await expectedFor(ALICE)).orders),
    )
    await expect(dashboard.getByRole('button', { name: 'Reset filters' })).toBeHidden()
  })

  test('tables sort and page by keyboard; activating a row sends inset-data-point-click', async ({
    page,
    site,
    demo,
  }) => {
    await openDashboard(page, site, demo, { assistant: 'none' })
    const products = (await expectedFor(ALICE)).topProducts
    const table = tile(page, 'top-products')
    const units = table.getByRole('button', { name: 'Units sold' })
    await units.focus()
    await page.keyboard.press('Enter')
    await expect(table.locator('th[aria-sort="descending"]')).toHaveText('Units sold')
    const byUnits = [...products].sort((a, b) => b.units - a.units)
    await expect(table.locator('tbody tr').first().locator('td').first()).toHaveText(
      byUnits[0]!.product,
    )
    await page.keyboard.press('Enter')
    await expect(table.locator('th[aria-sort="ascending"]')).toHaveText('Units sold')
    await expect(table.locator('tbody tr').first().locator('td').first()).toHaveText(
      byUnits.at(-1)!.product,
    )

    const next = table.getByRole('button', { name: 'Next page' })
    await next.focus()
    await page.keyboard.press('Enter')
    await expect(table.locator('.pager span')).toHaveText(/^\d+–10 of 10$/)

    const firstRow = table.locator('tbody tr').first()
    const product = await firstRow.locator('td').first().textContent()
    await firstRow.focus()
    await page.keyboard.press('Enter')
    const [click] = (await events(page, 'inset-data-point-click')) as Array<{
      tileId: string
      row: unknown[]
      value: number
    }>
    expect(click?.tileId).toBe('top-products')
    expect(click?.row[0]).toBe(product)
    expect(click?.value).toBeCloseTo(products.find((p) => p.product === product)!.revenue, 2)
  })

  test('shows an empty state when no rows match', async ({ page, site, demo }) => {
    await openDashboard(page, site, demo, { assistant: 'none' })
    await setDashboardFilters(page, { date: { from: '2031-01-01', to: '2031-02-01' } })
    await expect(tile(page, 'revenue-over-time').locator('.state.empty')).toContainText(
      'No data for these filters',
    )
    await expect(tile(page, 'top-products').locator('.state.empty')).toBeVisible()
  })

  test('a failing tile shows its error code and recovers with its retry button', async ({
    page,
    site,
    demo,
  }) => {
    const failure = { error: { code: 'query', message: 'boom' } }
    // The first load brings every tile in one answer (`…/load`): this tile's part of it fails, and
    // so does the tile's own query.
    await page.route('**/dashboards/sales-overview/load', async (route) => {
      const answer = await (await route.fetch()).json()
      answer.tiles['revenue-by-category'] = failure
      await route.fulfill({ json: answer })
    })
    await page.route('**/tiles/revenue-by-category/query', (route) =>
      route.fulfill({ status: 500, json: failure }),
    )
    const query = new URLSearchParams({ server: demo.url, assistant: 'none' })
    await page.goto(`${site.url}/?${query}`)
    const failing = tile(page, 'revenue-by-category')
    await expect(failing.getByRole('alert')).toContainText('This tile could not be loaded')
    await expect(failing.locator('[data-error-code]')).toHaveAttribute('data-error-code', 'query')
    await expect(tile(page, 'revenue').locator('.kpi-value')).toHaveText(
      usd((await expectedFor(ALICE)).revenue),
    )
    const errors = (await events(page, 'inset-error')) as Array<{
      tileId?: string
      error: { code: string }
    }>
    expect(errors.some((e) => e.tileId === 'revenue-by-category')).toBe(true)
    await page.unroute('**/dashboards/sales-overview/load')
    await page.unroute('**/tiles/revenue-by-category/query')
    await failing.getByRole('button', { name: 'Try again' }).click()
    await expect(failing.locator('canvas').first()).toBeVisible()
  })

  test('an unknown dashboard shows the dashboard error with its stable code', async ({
    page,
    site,
    demo,
  }) => {
    await page.goto(`${site.url}/?${new URLSearchParams({ server: demo.url, assistant: 'none' })}`)
    await page.locator('inset-dashboard').evaluate((el: HTMLElement & { dashboardId: string }) => {
      el.dashboardId = 'no-such-dashboard'
    })
    const alert = page.locator('inset-dashboard').getByRole('alert')
    await expect(alert).toContainText('This dashboard could not be loaded')
    await expect(alert.locator('[data-error-code]')).toHaveAttribute('data-error-code', 'not_found')
  })

  test('lays tiles out on 12, 6 or 1 columns by the element width', async ({
    page,
    site,
    demo,
  }) => {
    await openDashboard(page, site, demo, { assistant: 'none' })
    const span = (id: string) =>
      tile(page, id).evaluate((el) => getComputedStyle(el).getPropertyValue('--w'))
    expect(await span('revenue-over-time')).toBe('8')
    await page.setViewportSize({ width: 700, height: 900 })
    await expect.poll(() => span('revenue-over-time')).toBe('4')
    await page.setViewportSize({ width: 420, height: 900 })
    await expect.poll(() => span('revenue-over-time')).toBe('1')
  })

  test('follows prefers-color-scheme with theme auto, and host CSS custom properties win', async ({
    page,
    site,
    demo,
  }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    const { dashboard } = await openDashboard(page, site, demo, {
      assistant: 'none',
      theme: 'auto',
    })
    await expect(dashboard).toHaveAttribute('data-scheme', 'dark')
    // The line is drawn in the dark palette's first colour (core's defaultDarkPalette), and
    // redrawn in the light one when the page's preference changes.
    const seriesPixels = (rgb: [number, number, number]) =>
      tile(page, 'revenue-over-time')
        .locator('canvas')
        .first()
        .evaluate((canvas: HTMLCanvasElement, [r, g, b]) => {
          const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
          let count = 0
          for (let i = 0; i < data.length; i += 4)
            if (data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] === 255)
              count++
          return count
        }, rgb)
    const darkSeries: [number, number, number] = [0x60, 0xa5, 0xfa]
    const lightSeries: [number, number, number] = [0x25, 0x63, 0xeb]
    await expect.poll(() => seriesPixels(darkSeries)).toBeGreaterThan(50)
    expect(await seriesPixels(lightSeries)).toBe(0)
    await page.emulateMedia({ colorScheme: 'light' })
    await expect(dashboard).toHaveAttribute('data-scheme', 'light')
    await expect.poll(() => seriesPixels(lightSeries)).toBeGreaterThan(50)
    expect(await seriesPixels(darkSeries)).toBe(0)
    await page.addStyleTag({ content: 'inset-dashboard{--inset-color-primary:rgb(1, 2, 3)}' })
    await setDashboardFilters(page, { channel: ['retail'] })
    await expect(dashboard.getByRole('button', { name: 'Reset filters' })).toBeVisible()
    await dashboard.getByRole('button', { name: 'Reset filters' }).focus()
    await expect(dashboard.getByRole('button', { name: 'Reset filters' })).toHaveCSS(
      'outline-color',
      'rgb(1, 2, 3)',
    )
  })
})
