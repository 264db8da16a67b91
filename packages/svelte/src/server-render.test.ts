import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { InsetAssistantElement, InsetDashboardElement } from '@inset/elements'
import { createFakeServer } from '@inset/test-utils/fake-server'
import { screen } from '@testing-library/svelte'
import { flushSync, hydrate, unmount } from 'svelte'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { LOAD, ready } from '../test/render'
import ServerPage from '../test/ServerPage.svelte'

const here = dirname(fileURLToPath(import.meta.url))
const script = join(here, '../test/render-on-server.mjs')
const built = join(here, '../dist/index.js')

/** `test/ServerPage.svelte` rendered by the built package in plain Node, as SvelteKit would. */
async function renderOnServer() {
  expect(existsSync(built), 'build the package first (turbo runs build before test)').toBe(true)
  const { stdout } = await promisify(execFile)(process.execPath, [script], { timeout: 60_000 })
  return JSON.parse(stdout) as {
    present: string[]
    html: string
    fetches: number
    tokenCalls: number
    released: boolean
  }
}

describe('server-side rendering', () => {
  let page: Awaited<ReturnType<typeof renderOnServer>>
  // One render for both tests: starting Vite in a fresh Node takes a few seconds.
  beforeAll(async () => {
    page = await renderOnServer()
  }, 60_000)

  it('renders the elements’ tags in plain Node, touching no DOM, sending nothing', () => {
    expect(page.present).toEqual([])
    // Hydration markers aside: the elements with their host attributes, the helper's first state.
    expect(
      page.html
        .replace(/<!--[^>]*-->/g, '')
        .replace(/>\s+</g, '><')
        .trim(),
    ).toBe(
      '<inset-dashboard id="sales" class="dash"></inset-dashboard>' +
        '<inset-assistant></inset-assistant>' +
        '<p>loading (idle)</p>',
    )
    expect(page.fetches).toBe(0)
    expect(page.tokenCalls).toBe(0)
    expect(page.released).toBe(true)
  })

  it('hydrates onto the server’s elements without a warning, then loads once', async () => {
    const { html } = page
    const server = createFakeServer()
    const container = document.createElement('div')
    container.innerHTML = html
    document.body.append(container)
    const serverElement = container.querySelector('inset-dashboard')
    const warnings = vi.spyOn(console, 'warn')

    const app = hydrate(ServerPage, {
      target: container,
      props: { fetchToken: server.fetchToken, fetch: server.fetch },
    })
    flushSync()
    expect(warnings).not.toHaveBeenCalled()
    const element = container.querySelector('inset-dashboard')
    expect(element).toBe(serverElement)
    expect(element).toBeInstanceOf(InsetDashboardElement)
    expect(container.querySelector('inset-assistant')).toBeInstanceOf(InsetAssistantElement)
    expect(element!.dataset.scheme).toBe('dark')
    await ready(element)
    await screen.findByText('Sales overview: 100 (ready)')
    // The element and the helper each load their own dashboard, each once, on one token.
    expect(server.tokenCalls).toHaveLength(1)
    expect(server.count(LOAD, 'POST')).toBe(2)
    expect(server.requests).toHaveLength(2)
    unmount(app)
    container.remove()
  })
})
