// Against the example app instance that mints 20-second tokens: the token source refreshes about
// every 10 s (at `exp - max(30 s lead, 20 % of lifetime)`, capped at half the lifetime).

import { ALICE, expectedFor } from '@inset/test-utils/expected'
import { expect, type Page, test } from '@playwright/test'
import { SHORT_TTL_APP_URL } from '../support/env'
import {
  assistant,
  assistantRouteExists,
  chooseRegions,
  claimsOf,
  insetErrors,
  kpi,
  NetworkLog,
  recordInsetErrors,
  tile,
  waitForDashboard,
} from '../support/harness'

/** Keeps references to the nodes that must survive, and counts tile state changes from now on. */
async function markState(page: Page) {
  await page.evaluate(() => {
    const dash = document.querySelector('inset-dashboard')!
    const chat = document.querySelector('inset-assistant')!
    const nodes = (root: ShadowRoot) => [
      ...root.querySelectorAll('section.tile, .kpi-value, canvas, table, li[data-message], input'),
    ]
    const kept = [dash, chat, ...nodes(dash.shadowRoot!), ...nodes(chat.shadowRoot!)]
    const changes: string[] = []
    new MutationObserver((records) => {
      for (const r of records)
        changes.push(`${(r.target as HTMLElement).dataset.tile}:${r.attributeName}`)
    }).observe(dash.shadowRoot!, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-status', 'aria-busy'],
    })
    Object.assign(window, { __kept: kept, __tileChanges: changes })
  })
}

async function keptState(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __kept: Element[]; __tileChanges: string[] }
    const dash = document.querySelector('inset-dashboard')!
    const chat = document.querySelector('inset-assistant')!
    const root = dash.shadowRoot!
    return {
      sameNodes: w.__kept.every((node) => node.isConnected),
      dashboardIsSame: w.__kept[0] === dash && w.__kept[1] === chat,
      tileChanges: w.__tileChanges.length,
      scrollY: window.scrollY,
      sort: root
        .querySelector('[data-tile="top-products"] th[aria-sort]')
        ?.getAttribute('aria-sort'),
      pager: root.querySelector('[data-tile="top-products"] .pager span')?.textContent,
      draft: chat.shadowRoot!.querySelector('input')?.value,
      messages: chat.shadowRoot!.querySelectorAll('li[data-message]').length,
    }
  })
}

test('over 70 s the token is refreshed with one request per refresh, and nothing re-renders', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000)
  const log = new NetworkLog(page)
  await recordInsetErrors(page)
  const withAssistant = await assistantRouteExists(request)

  // Two components on the page (dashboard + linked assistant), under React StrictMode.
  await page.goto(`${SHORT_TTL_APP_URL}/assistant?user=alice`)
  await waitForDashboard(page)
  await expect(assistant(page).locator('form')).toBeVisible()
  expect(log.tokenRequests).toHaveLength(1)

  // State a re-render would lose: a sorted, paged table, a conversation, a draft, a scroll position.
  const products = tile(page, 'top-products')
  await products.getByRole('button', { name: 'Units sold' }).click()
  await products.getByRole('button', { name: 'Next page' }).click()
  const input = assistant(page).locator('input[type="text"]')
  if (withAssistant) {
    await input.fill('How many orders did we have in March 2025?')
    await input.press('Enter')
    await expect(assistant(page).locator('li.msg.assistant')).toHaveAttribute(
      'data-status',
      /done|error/,
    )
  }
  await input.fill('revenue by category in EU')
  const scrolled = await page.evaluate(() => {
    const y = Math.floor((document.documentElement.scrollHeight - window.innerHeight) / 2)
    window.scrollTo(0, y)
    return y
  })
  expect(scrolled).toBeGreaterThan(50)
  await markState(page)
  const before = await keptState(page)
  expect(before.scrollY).toBe(scrolled)
  const queriesBefore = log.insetRequests.length
  const started = Date.now()

  // The window is real time because the tokens are real: the server checks `exp`.
  while (Date.now() - started < 70_000) {
    await page.waitForTimeout(Math.min(10_000, 70_000 - (Date.now() - started)))
    expect(await keptState(page)).toEqual(before)
  }

  // Refreshed at least twice, each refresh one request, whatever the number of components.
  const refreshes = log.tokenRequests.slice(1)
  expect(refreshes.length).toBeGreaterThanOrEqual(2)
  const gaps = log.tokenRequests.slice(1).map((r, i) => r.at - log.tokenRequests[i]!.at)
  for (const gap of gaps) expect(gap).toBeGreaterThan(5_000)
  expect(new Set(log.tokens).size).toBe(log.tokens.length)
  const issued = log.tokens.map((t) => claimsOf(t).iat as number)
  expect(issued).toEqual([...issued].sort((a, b) => a - b))
  test.info().annotations.push({
    type: 'token requests',
    description: `${log.tokenRequests.length} in ${Math.round((Date.now() - started) / 1000)} s; gaps ${gaps.map((g) => (g / 1000).toFixed(1)).join(', ')} s`,
  })

  // Nothing was fetched again or redrawn meanwhile.
  expect(log.insetRequests.length).toBe(queriesBefore)
  expect(await insetErrors(page)).toEqual([])

  // The next queries go out with a refreshed token, still valid, and show the right numbers.
  // (A refresh may land while they are sent: the token before it is then the one in use.)
  await chooseRegions(page, ['EU'])
  const eu = await expectedFor({ ...ALICE, regions: ['EU'] })
  await expect.poll(() => kpi(page, 'orders')).toBe(eu.orders)
  const recent = log.tokens.slice(-2).map((t) => `Bearer ${t}`)
  const after = log.tileQueries().slice(-5)
  expect(after).toHaveLength(5)
  for (const query of after) {
    expect(recent).toContain(query.authorization)
    expect(query.authorization).not.toBe(`Bearer ${log.tokens[0]}`)
    const exp = claimsOf(query.authorization!.slice('Bearer '.length)).exp as number
    expect(exp * 1000).toBeGreaterThan(query.at)
  }
})

test('the token endpoint failing for 10 s shows no error, and the page recovers', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const log = new NetworkLog(page)
  await recordInsetErrors(page)
  await page.goto(`${SHORT_TTL_APP_URL}/assistant?user=alice`)
  await waitForDashboard(page)
  expect(log.tokens).toHaveLength(1)
  const visibleErrors = page.locator('[role="alert"], [data-error-code]').filter({ visible: true })

  // The outage covers a refresh (due about 10 s after the token arrived) and its retries.
  let failing = true
  let refused = 0
  await page.route('**/api/inset-token*', (route) => {
    if (!failing) return route.continue()
    refused++
    return route.abort('connectionrefused')
  })
  const outage = Date.now()
  // Meanwhile the page is used: queries go out with the token still held.
  await chooseRegions(page, ['NA'])
  const na = await expectedFor({ ...ALICE, regions: ['NA'] })
  await expect.poll(() => kpi(page, 'orders')).toBe(na.orders)
  // Ten seconds at least, and until a refresh has been refused (one is due every ~10 s).
  while (Date.now() - outage < 10_000 || (refused === 0 && Date.now() - outage < 25_000)) {
    await expect(visibleErrors).toHaveCount(0)
    await page.waitForTimeout(500)
  }
  failing = false
  expect(refused).toBeGreaterThanOrEqual(1)
  expect(log.tokens).toHaveLength(1)

  // Recovery: a new token before the old one runs out, and queries with it.
  await expect.poll(() => log.tokens.length, { timeout: 15_000 }).toBe(2)
  await chooseRegions(page, ['APAC'])
  const apac = await expectedFor({ ...ALICE, regions: ['APAC'] })
  await expect.poll(() => kpi(page, 'orders')).toBe(apac.orders)
  // Sent with the token fetched after the outage (or a later one), not the one from before it.
  const refreshed = log.tokens.slice(1).map((t) => `Bearer ${t}`)
  expect(refreshed).toContain(log.tileQueries().at(-1)?.authorization)
  await expect(visibleErrors).toHaveCount(0)
  expect(await insetErrors(page)).toEqual([])
  test.info().annotations.push({ type: 'refused token requests', description: String(refused) })
})
