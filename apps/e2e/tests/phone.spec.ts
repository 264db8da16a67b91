import { expect, test } from '@playwright/test'
import { APP_URL } from '../support/env'
import { tile, waitForDashboard } from '../support/harness'

// A phone (390 × 844, an iPhone 12–15): the page never scrolls sideways, and a table wider than
// its tile scrolls inside the tile with its first column kept in view.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

test('at 390 px the page does not scroll sideways and the table scrolls inside its tile', async ({
  page,
}) => {
  await page.goto(`${APP_URL}/?user=alice`)
  await waitForDashboard(page)

  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth)
  expect(await pageWidth()).toBeLessThanOrEqual(390)

  const products = tile(page, 'top-products')
  const wrap = products.locator('[part="table"]')
  // In view, so that what is drawn at a point can be asked (page coordinates stay put from here).
  await products.locator('tbody tr:first-child').scrollIntoViewIfNeeded()
  const box = await products.boundingBox()
  expect(box).not.toBeNull()
  // The tile fits the viewport; its table is wider than the wrap, which scrolls.
  expect(box!.x).toBeGreaterThanOrEqual(0)
  expect(box!.x + box!.width).toBeLessThanOrEqual(390)
  const widths = await wrap.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }))
  expect(widths.scroll).toBeGreaterThan(widths.client)

  const firstCell = products.locator('tbody tr:first-child td:first-child')
  const secondCell = products.locator('tbody tr:first-child td:nth-child(2)')
  const before = await firstCell.boundingBox()
  const secondBefore = await secondCell.boundingBox()
  await wrap.evaluate((el) => {
    el.scrollLeft = el.scrollWidth
  })
  await expect.poll(() => wrap.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0)
  const scrolled = await wrap.evaluate((el) => el.scrollLeft)

  // The other columns moved left by the scroll; the first column stayed where it was, in the tile.
  const secondAfter = await secondCell.boundingBox()
  expect(secondAfter!.x).toBeCloseTo(secondBefore!.x - scrolled, 0)
  const after = await firstCell.boundingBox()
  expect(after!.x).toBeCloseTo(before!.x, 0)
  expect(after!.x).toBeGreaterThanOrEqual(box!.x)
  expect(after!.x + after!.width).toBeLessThanOrEqual(box!.x + box!.width)
  // …and it is what is drawn there: the product's name, not a cell scrolled beneath it.
  const text = (await firstCell.textContent())?.trim() ?? ''
  expect(text).not.toBe('')
  const hit = await page.evaluate(
    ({ x, y }) => {
      let node: Element | null = document.elementFromPoint(x, y)
      while (node?.shadowRoot) {
        const inner = node.shadowRoot.elementFromPoint(x, y)
        if (!inner || inner === node) break
        node = inner
      }
      return node?.closest('td')?.textContent?.trim() ?? null
    },
    { x: after!.x + 4, y: after!.y + after!.height / 2 },
  )
  expect(hit).toBe(text)
  expect(await pageWidth()).toBeLessThanOrEqual(390)
  await page.screenshot({ path: test.info().outputPath('phone-table-scrolled.png') })
})
