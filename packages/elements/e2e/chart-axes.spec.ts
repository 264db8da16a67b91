// Axis labels on narrow charts: uPlot draws them on a canvas, so the chart records the labels it
// shows and their centres (`data-axis-bottom`, `data-axis-left`); here each one is measured again
// as DOM text in the chart's font, and no two may overlap or leave the canvas.
import type { Locator, Page } from '@playwright/test'
import { expect, openDashboard, test } from './fixtures'

interface AxisCheck {
  canvasWidth: number
  bottom: string[]
  left: string[]
  problems: string[]
}

/** The labels of one chart and what is wrong with them (overlaps, cut off), measured in the page. */
function checkAxes(chart: Locator): Promise<AxisCheck> {
  return chart.evaluate((element: HTMLElement) => {
    const canvas = element.querySelector('canvas')
    const canvasWidth = canvas?.getBoundingClientRect().width ?? 0
    const probe = document.createElement('span')
    probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:12px ${
      getComputedStyle(element).fontFamily
    };line-height:1`
    element.append(probe)
    const size = (text: string) => {
      probe.textContent = text
      const box = probe.getBoundingClientRect()
      return { width: box.width, height: box.height }
    }
    const problems: string[] = []
    const read = (side: 'bottom' | 'left') => {
      const labels = JSON.parse(element.getAttribute(`data-axis-${side}`) ?? '[]') as Array<
        [string, number]
      >
      // Along a bottom axis a label is as wide as its text, along a left axis one line high.
      const boxes = labels
        .map(([text, at]) => {
          const extent = side === 'bottom' ? size(text).width : size(text).height
          return { text, start: at - extent / 2, end: at + extent / 2 }
        })
        .sort((a, b) => a.start - b.start)
      boxes.forEach((box, i) => {
        const next = boxes[i + 1]
        if (next && next.start < box.end + 2)
          problems.push(`${side}: "${box.text}" runs into "${next.text}"`)
        if (side === 'bottom' && (box.start < 0 || box.end > canvasWidth))
          problems.push(
            `${side}: "${box.text}" is cut off (${box.start}–${box.end} of ${canvasWidth})`,
          )
      })
      return labels.map(([text]) => text)
    }
    const result = { canvasWidth, bottom: read('bottom'), left: read('left'), problems }
    probe.remove()
    return result
  })
}

const chartIn = (page: Page, tile: string) =>
  page.locator(`inset-dashboard section[data-tile="${tile}"] [part="chart"]`)

/** Waits until the chart has been laid out again for the size its box has now. */
async function settled(chart: Locator) {
  await expect
    .poll(() =>
      chart.evaluate((element: HTMLElement) => {
        const canvas = element.querySelector('canvas')
        return canvas ? Math.abs(canvas.getBoundingClientRect().width - element.clientWidth) : -1
      }),
    )
    .toBeLessThan(1)
}

test.describe('chart axes on narrow charts', () => {
  for (const user of ['alice', 'bob']) {
    test(`${user}: no axis labels overlap in the dashboard's charts from 240 px up`, async ({
      page,
      site,
      demo,
    }) => {
      await page.setViewportSize({ width: 1280, height: 900 })
      const { dashboard } = await openDashboard(page, site, demo, { assistant: 'none', user })
      let narrowest = Infinity
      for (const width of [1200, 700, 480, 360, 300, 280]) {
        await dashboard.evaluate((el: HTMLElement, w) => {
          el.style.width = `${w}px`
        }, width)
        for (const [tile, valueSide] of [
          ['revenue-by-category', 'bottom'],
          ['revenue-over-time', 'left'],
        ] as const) {
          const chart = chartIn(page, tile)
          await settled(chart)
          const check = await checkAxes(chart)
          narrowest = Math.min(narrowest, check.canvasWidth)
          expect(check.problems, `${tile} at ${width} px`).toEqual([])
          // Thinned, never emptied: the value axis keeps "$0" and at least one more label.
          expect(check[valueSide].length, `${tile} at ${width} px`).toBeGreaterThanOrEqual(2)
          expect(check[valueSide][0]).toBe('$0')
        }
        // Every category keeps its label; the time axis keeps at least its first and another.
        expect((await checkAxes(chartIn(page, 'revenue-by-category'))).left).toHaveLength(5)
        expect(
          (await checkAxes(chartIn(page, 'revenue-over-time'))).bottom.length,
        ).toBeGreaterThanOrEqual(2)
        if (width === 280) {
          await dashboard
            .locator('section[data-tile="revenue-by-category"]')
            .screenshot({ path: `test-results/screenshots/narrow-category-${user}.png` })
          await dashboard
            .locator('section[data-tile="revenue-over-time"]')
            .screenshot({ path: `test-results/screenshots/narrow-time-${user}.png` })
        }
      }
      expect(narrowest).toBeLessThanOrEqual(240)
    })
  }

  test("no axis labels overlap in the assistant's narrow panel", async ({ page, site, demo }) => {
    const { chat } = await openDashboard(page, site, demo, { assistant: 'fixture' })
    await page.addStyleTag({ content: 'main{grid-template-columns:minmax(0,1fr) 300px}' })
    await chat.getByRole('textbox', { name: 'Your question' }).fill('Which region sells most?')
    await chat.getByRole('button', { name: 'Ask' }).click()
    const answer = chat.locator('li.msg.assistant')
    await expect(answer).toHaveAttribute('data-status', 'done')
    const chart = answer.locator('[part="chart"]')
    await settled(chart)
    const check = await checkAxes(chart)
    expect(check.canvasWidth).toBeLessThanOrEqual(240)
    expect(check.problems).toEqual([])
    expect(check.left).toEqual(['NA', 'EU', 'APAC'])
    expect(check.bottom.length).toBeGreaterThanOrEqual(2)
    await answer
      .locator('.result')
      .screenshot({ path: 'test-results/screenshots/narrow-assistant-chart.png' })
  })
})
