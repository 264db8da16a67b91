import { ALICE, BOB, expectedFor } from '@inset/test-utils/expected'
import { type APIRequestContext, expect, test } from '@playwright/test'
import { SignJWT } from 'jose'
import { APP_URL, INSET_URL } from '../support/env'
import {
  assistant,
  claimsOf,
  kpi,
  NetworkLog,
  setDashboardFilters,
  tile,
  waitForDashboard,
} from '../support/harness'

test('the token never appears in a URL, a cookie, localStorage, sessionStorage or the DOM', async ({
  page,
  context,
}) => {
  const log = new NetworkLog(page)
  await page.goto(`${APP_URL}/assistant?user=alice`)
  await waitForDashboard(page)
  await expect(assistant(page).locator('form')).toBeVisible()
  await page.goto(`${APP_URL}/reports?user=alice`)
  await expect(page.locator('[data-kpi="orders"] [data-value]')).not.toHaveAttribute(
    'data-value',
    '',
  )

  // The page did hold tokens, and sent them where they belong: the Authorization header.
  expect(log.tokens.length).toBeGreaterThan(0)
  expect(log.insetRequests.length).toBeGreaterThan(0)
  for (const request of log.insetRequests)
    expect(log.tokens.map((t) => `Bearer ${t}`)).toContain(request.authorization)

  const stored = await page.evaluate(() => {
    const read = (storage: Storage) =>
      Array.from({ length: storage.length }, (_, i) => {
        const key = storage.key(i) ?? ''
        return `${key}=${storage.getItem(key)}`
      })
    // Every attribute and text in the document, shadow roots included.
    const texts: string[] = []
    const walk = (root: Node) => {
      for (const node of (root as ParentNode).querySelectorAll?.('*') ?? []) {
        for (const attribute of node.attributes) texts.push(attribute.value)
        if (node.shadowRoot) walk(node.shadowRoot)
      }
      texts.push(root.textContent ?? '')
    }
    walk(document)
    return {
      local: read(localStorage),
      session: read(sessionStorage),
      cookie: document.cookie,
      location: location.href,
      history: history.length,
      dom: texts.join('\n'),
    }
  })
  const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`)
  const signatures = log.tokens.map((t) => t.split('.')[2]!)
  for (const [i, token] of log.tokens.entries()) {
    for (const needle of [token, signatures[i]!]) {
      expect(log.allUrls.filter((url) => url.includes(needle))).toEqual([])
      expect(stored.local.join('\n')).not.toContain(needle)
      expect(stored.session.join('\n')).not.toContain(needle)
      expect(stored.cookie).not.toContain(needle)
      expect(cookies.join('\n')).not.toContain(needle)
      expect(stored.location).not.toContain(needle)
      expect(stored.dom).not.toContain(needle)
    }
  }
})

/** A token for `user` from the example app's own endpoint, as its page would get it. */
async function tokenFor(request: APIRequestContext, user: string): Promise<string> {
  const response = await request.get(`${APP_URL}/api/inset-token?user=${user}`)
  expect(response.status()).toBe(200)
  return ((await response.json()) as { token: string }).token
}

async function queryTile(
  request: APIRequestContext,
  token: string,
  tileId: string,
  filters: Record<string, unknown>,
) {
  const response = await request.post(
    `${INSET_URL}/v1/dashboards/sales-overview/tiles/${tileId}/query`,
    { headers: { authorization: `Bearer ${token}`, origin: APP_URL }, data: { filters } },
  )
  return {
    status: response.status(),
    body: (await response.json()) as {
      rows?: unknown[][]
      error?: { code: string }
    },
  }
}

test('a token for another tenant cannot read acme’s rows', async ({ request }) => {
  const bob = await tokenFor(request, 'bob')
  expect(claimsOf(bob)).toMatchObject({ tenant: 'globex', attrs: { region: ['EU'] } })
  const acme = await expectedFor(ALICE)
  const globex = await expectedFor(BOB)

  // Bob's token reads globex EU, and nothing of acme's however the filters ask.
  const own = await queryTile(request, bob, 'revenue', {})
  expect(own.status).toBe(200)
  expect(own.body.rows?.[0]?.[0]).toBeCloseTo(globex.revenue, 2)
  // Filters narrow rows, never widen them: regions outside the token match nothing...
  for (const region of [['NA', 'APAC'], ['NA'], ['APAC']]) {
    const { status, body } = await queryTile(request, bob, 'revenue', { region })
    expect(status).toBe(200)
    expect([null, 0]).toContain(body.rows?.[0]?.[0])
  }
  // ...and there is no filter to pick a tenant: refused, or at best bob's own rows.
  for (const filters of [{ tenant: ['acme'] }, { tenant_id: 'acme' }]) {
    const { status, body } = await queryTile(request, bob, 'revenue', filters)
    if (status === 200) expect(body.rows?.[0]?.[0]).toBeCloseTo(globex.revenue, 2)
    else expect([status, body.error?.code]).toEqual([400, 'bad_request'])
  }
  expect(acme.revenue).not.toBeCloseTo(globex.revenue, 0)
  const products = await queryTile(request, bob, 'top-products', { region: ['NA', 'APAC'] })
  expect(products.status === 400 || products.body.rows?.length === 0).toBe(true)

  // Changing the tenant in bob's token breaks its signature.
  const [header, , signature] = bob.split('.')
  const forgedClaims = { ...claimsOf(bob), tenant: 'acme', attrs: { region: ['EU', 'NA', 'APAC'] } }
  const forged = `${header}.${Buffer.from(JSON.stringify(forgedClaims)).toString('base64url')}.${signature}`
  const refused = await queryTile(request, forged, 'revenue', {})
  expect(refused.status).toBe(401)
  expect(refused.body.error?.code).toBe('invalid_token')

  // So does signing one with a guessed secret.
  const guessed = await new SignJWT(forgedClaims)
    .setProtectedHeader({ alg: 'HS256', kid: 'demo' })
    .sign(new TextEncoder().encode('not-the-demo-secret'))
  expect((await queryTile(request, guessed, 'revenue', {})).status).toBe(401)
})

test('in the page, bob asking for other regions gets no rows', async ({ page }) => {
  await page.goto(`${APP_URL}/?user=bob`)
  await waitForDashboard(page)
  const globex = await expectedFor(BOB)
  expect(await kpi(page, 'revenue')).toBeCloseTo(globex.revenue, 2)
  // What a curious user could type in the console: the element's own API.
  await setDashboardFilters(page, { region: ['NA', 'APAC'] })
  await expect(tile(page, 'top-products')).not.toHaveAttribute('data-status', /loading|updating/)
  await expect(tile(page, 'top-products').locator('tbody tr')).toHaveCount(0)
  const value = await tile(page, 'revenue').locator('.kpi-value').getAttribute('data-value')
  expect(['', '0', null]).toContain(value)
})

test('the token endpoint refuses unknown users', async ({ request }) => {
  const response = await request.get(`${APP_URL}/api/inset-token?user=mallory`)
  expect(response.status()).toBe(401)
  expect(await response.json()).toMatchObject({ error: { code: 'auth' } })
})
