#!/usr/bin/env node
// Screenshots of the demo for the README and docs/theming.md: the React example at
// the URL given as argument (default http://localhost:5171, i.e. `pnpm demo`), light and dark, written to
// docs/images/. Needs the demo running and Chromium (CHROME_PATH, else /usr/bin/chromium).
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { root } from './docs-lib.mjs'

const require = createRequire(join(root, 'apps/e2e/package.json'))
const { chromium } = require('@playwright/test')
const app = process.argv[2] || 'http://localhost:5171'
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
})
const ready = (page) =>
  page.waitForFunction(
    () => {
      const tiles = document
        .querySelector('inset-dashboard')
        ?.shadowRoot?.querySelectorAll('section.tile')
      return tiles && tiles.length > 0 && [...tiles].every((t) => t.dataset.status === 'ready')
    },
    null,
    { timeout: 60_000 },
  )

for (const scheme of ['light', 'dark']) {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    colorScheme: scheme,
  })
  await page.goto(`${app}/?user=alice`)
  await ready(page)
  // The header is sticky: let it scroll away so it does not cover the element.
  await page.addStyleTag({ content: '.topbar{position:static}' })
  if (scheme === 'dark') {
    // The example app itself is light only (its brand theme says `mode: 'light'`): the element's
    // own `theme` wins over the connection's; darken the app's card around it too.
    await page.addStyleTag({
      content: 'inset-dashboard.panel{background:#0b1120;border-color:#1f2937}',
    })
    await page.locator('inset-dashboard').evaluate((element) => {
      element.theme = 'dark'
    })
  }
  await page.waitForTimeout(500) // charts finish their first draw
  await page
    .locator('inset-dashboard')
    .screenshot({ path: join(root, `docs/images/demo-${scheme}.png`), animations: 'disabled' })
  console.log(`wrote docs/images/demo-${scheme}.png`)
  await page.close()
}
await browser.close()
