import { createInset, type Inset } from '@inset/core'
import type { InsetDashboardElement } from '@inset/elements'
import { createFakeServer } from '@inset/test-utils/fake-server'
import { render } from '@testing-library/svelte'
import { tick } from 'svelte'
import { describe, expect, it, vi } from 'vitest'
import Dashboard from '../test/Dashboard.svelte'
import Probe from '../test/Probe.svelte'
import Provider from '../test/Provider.svelte'
import { dashboardElements, ready, SERVER } from '../test/render'
import { InsetError } from './index'

describe('setInsetContext', () => {
  it('makes one instance for its subtree and destroys it with the component', async () => {
    const server = createFakeServer()
    const found: Inset[] = []
    const { unmount, rerender } = render(Provider, {
      props: { server, child: Probe, found: (inset: Inset) => found.push(inset) },
    })
    await rerender({ contextTheme: 'dark' })
    expect(found.length).toBeGreaterThan(0)
    expect(new Set(found).size).toBe(1)
    const [inset] = found
    expect(inset!.serverUrl).toBe(SERVER)
    await expect(inset!.tokens.getToken()).resolves.toBe('token-1')
    unmount()
    await tick()
    await expect(inset!.tokens.getToken()).rejects.toMatchObject({ code: 'auth' })
  })

  it('uses a given instance as it is and leaves it alive', async () => {
    const server = createFakeServer()
    const given = createInset({
      serverUrl: SERVER,
      fetchToken: server.fetchToken,
      fetch: server.fetch,
    })
    const found = vi.fn()
    const { unmount } = render(Provider, {
      props: { server, inset: given, child: Probe, found },
    })
    expect(found).toHaveBeenCalledWith(given)
    unmount()
    await tick()
    await expect(given.tokens.getToken()).resolves.toBe('token-1')
    given.destroy()
  })

  it('is the one theme channel: elements follow it in place, without a request', async () => {
    const server = createFakeServer()
    const { rerender } = render(Provider, {
      props: { server, child: Dashboard, contextTheme: 'light' },
    })
    const [element] = dashboardElements() as [InsetDashboardElement]
    await ready(element)
    expect(element.inset?.theme).toEqual({ mode: 'light' })
    expect(element.dataset.scheme).toBe('light')
    const before = server.requests.length

    await rerender({ contextTheme: 'dark' })
    expect(dashboardElements()).toEqual([element])
    // Components do not copy the context's theme onto their elements.
    expect(element.theme).toBeUndefined()
    expect(element.inset?.theme).toEqual({ mode: 'dark' })
    expect(element.dataset.scheme).toBe('dark')
    await tick()
    expect(server.requests.length).toBe(before)
  })

  it('keeps the instance when fetchToken changes, and calls the latest one', async () => {
    const server = createFakeServer()
    const first = vi.fn(server.fetchToken)
    const { rerender } = render(Provider, {
      props: { server, child: Dashboard, fetchToken: first },
    })
    const [element] = dashboardElements() as [InsetDashboardElement]
    await ready(element)
    const inset = element.inset!
    const before = server.requests.length

    const second = vi.fn(async () => ({ token: 'second-token', expiresAt: Date.now() + 600_000 }))
    await rerender({ fetchToken: second })
    expect(element.inset).toBe(inset)
    expect(server.requests.length).toBe(before)

    // The next token comes from the new callback; the data on screen stays.
    inset.tokens.invalidate()
    element.refresh()
    await ready(element)
    expect(first).toHaveBeenCalledTimes(1)
    expect(second).toHaveBeenCalledTimes(1)
    expect(server.requests.at(-1)!.authorization).toBe('Bearer second-token')
  })

  it('refuses a bad configuration with a typed error', () => {
    const server = createFakeServer()
    expect(() =>
      render(Provider, {
        props: { server, child: Probe, found: () => {}, serverUrl: 'inset.test' },
      }),
    ).toThrow(expect.objectContaining({ code: 'bad_request' }))
  })
})

describe('getInsetContext', () => {
  it('throws a typed error without setInsetContext above', () => {
    let thrown: unknown
    try {
      render(Probe, { props: { found: () => {} } })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(InsetError)
    expect(thrown).toMatchObject({ code: 'bad_request', message: /setInsetContext/ })
  })
})
