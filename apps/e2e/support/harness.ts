// What every spec uses: locators into the Inset elements (open shadow roots: Playwright's CSS
// selectors pierce them), a record of the page's network traffic, and Inset events seen on window.
import { tile } from '@inset/test-utils/harness'
import { type APIRequestContext, expect, type Page, type Request } from '@playwright/test'
import { APP_URL, INSET_URL } from './env'

export {
  setDashboardFilters,
  showTable,
  tablePage,
  tableRows,
  tile,
} from '@inset/test-utils/harness'

export const dashboard = (page: Page) => page.locator('inset-dashboard')
export const assistant = (page: Page) => page.locator('inset-assistant')

/** Waits until the dashboard shows every tile with data. */
export async function waitForDashboard(page: Page): Promise<void> {
  await expect(tile(page, 'revenue')).toHaveAttribute('data-status', 'ready')
  await expect
    .poll(() =>
      page
        .locator('inset-dashboard section.tile')
        .evaluateAll(
          (tiles) => tiles.length > 0 && tiles.every((t) => t.dataset.status === 'ready'),
        ),
    )
    .toBe(true)
}

/** A KPI tile's raw value (`data-value`, unformatted). */
export async function kpi(page: Page, id: 'revenue' | 'orders'): Promise<number> {
  const value = tile(page, id).locator('.kpi-value')
  await expect(value).not.toHaveAttribute('data-value', '')
  return Number(await value.getAttribute('data-value'))
}

/** Chooses region checkboxes in the dashboard's filter bar; `[]` means every region. */
export async function chooseRegions(page: Page, regions: string[]): Promise<void> {
  const button = dashboard(page).getByRole('button', { name: /^Region/ })
  await button.click()
  const boxes = dashboard(page).getByRole('group', { name: 'Region' }).getByRole('checkbox')
  for (const box of await boxes.all()) {
    const value = await box.getAttribute('value')
    const want = regions.length === 0 || regions.includes(value ?? '')
    if ((await box.isChecked()) !== want) await box.click()
  }
  await page.keyboard.press('Escape')
}

export interface SeenRequest {
  at: number
  url: URL
  method: string
  authorization: string | undefined
}

/** Everything the page asked of the token endpoint and of the Inset server, with timestamps. */
export class NetworkLog {
  readonly tokenRequests: SeenRequest[] = []
  /** Tokens the token endpoint handed out, in order. */
  readonly tokens: string[] = []
  readonly insetRequests: SeenRequest[] = []
  readonly allUrls: string[] = []

  constructor(page: Page) {
    page.on('request', (request) => this.#onRequest(request))
    page.on('response', async (response) => {
      if (!isTokenRequest(response.request()) || !response.ok()) return
      const body = (await response.json().catch(() => ({}))) as { token?: string }
      if (body.token) this.tokens.push(body.token)
    })
  }

  #onRequest(request: Request) {
    const url = new URL(request.url())
    this.allUrls.push(request.url())
    const seen = {
      at: Date.now(),
      url,
      method: request.method(),
      authorization: request.headers().authorization,
    }
    if (isTokenRequest(request)) this.tokenRequests.push(seen)
    else if (url.origin === new URL(INSET_URL).origin) this.insetRequests.push(seen)
  }

  /** Requests that query tiles: a tile's own route, or the one request that loads a dashboard. */
  tileQueries(): SeenRequest[] {
    return this.insetRequests.filter(
      (r) => r.url.pathname.includes('/tiles/') || r.url.pathname.endsWith('/load'),
    )
  }
}

export const isTokenRequest = (request: Request) =>
  new URL(request.url()).pathname === '/api/inset-token'

/** Collects `inset-error` events (they bubble out of the shadow roots) into `window.__insetErrors`. */
export async function recordInsetErrors(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const errors: string[] = []
    Object.assign(window, { __insetErrors: errors })
    window.addEventListener('inset-error', (event) => {
      const detail = (event as CustomEvent<{ error?: { code?: string } }>).detail
      errors.push(detail?.error?.code ?? 'unknown')
    })
  })
}

export const insetErrors = (page: Page) =>
  page.evaluate(() => (window as unknown as { __insetErrors: string[] }).__insetErrors)

/** The claims of a JWT, read without checking it (the tests compare them, the server verifies). */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'))
}

/**
 * Whether the Inset server answers the assistant route yet (it 404s as an unknown route until
 * the assistant is mounted there).
 */
export async function assistantRouteExists(request: APIRequestContext): Promise<boolean> {
  const token = await request.get(`${APP_URL}/api/inset-token?user=alice`)
  const { token: value } = (await token.json()) as { token: string }
  const response = await request.post(`${INSET_URL}/v1/assistant`, {
    headers: { authorization: `Bearer ${value}`, origin: APP_URL },
    data: { question: 'How many orders did we have?' },
  })
  await response.dispose()
  return response.status() !== 404
}
