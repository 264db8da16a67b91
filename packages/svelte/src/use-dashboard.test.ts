import { createFakeServer } from '@inset/test-utils/fake-server'
import { render, screen, waitFor } from '@testing-library/svelte'
import { flushSync, tick } from 'svelte'
import { describe, expect, it } from 'vitest'
import DeepFilters from '../test/DeepFilters.svelte'
import Provider from '../test/Provider.svelte'
import Report from '../test/Report.svelte'
import { LOAD, TILES } from '../test/render'
import type { UseDashboardResult } from './index'

function setup(props: Record<string, unknown> = {}) {
  const server = createFakeServer()
  let result: UseDashboardResult | undefined
  const view = render(Provider, {
    props: { server, child: Report, onresult: (r: UseDashboardResult) => (result = r), ...props },
  })
  return { server, result: () => result!, ...view }
}

describe('useDashboard', () => {
  it('renders the states and then the data, with one request each', async () => {
    const { server } = setup()
    expect(screen.getByText(/^loading \((idle|authenticating)\)$/)).toBeTruthy()
    await screen.findByText('Sales overview: 600 (ready)')
    expect(server.tokenCalls).toHaveLength(1)
    // The definition with both tiles' results: one request.
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${LOAD}`])
  })

  it('follows the filters by content and sends one query per tile for a change', async () => {
    const { server, rerender } = setup({ regions: ['EU'] })
    await screen.findByText('Sales overview: 100 (ready)')
    const before = server.requests.length
    await rerender({ regions: ['EU'] })
    await tick()
    expect(server.requests.length).toBe(before)

    await rerender({ regions: ['NA'] })
    await screen.findByText('Sales overview: 200 (ready)')
    expect(server.requests.slice(before).map((r) => r.path)).toEqual([
      `${TILES}revenue/query`,
      `${TILES}orders/query`,
    ])
  })

  it('follows changes deep inside `$state` filters, and hands core plain values', async () => {
    const server = createFakeServer()
    render(Provider, { props: { server, child: DeepFilters } })
    await screen.findByText('100 (ready)')
    screen.getByRole('button', { name: 'Add NA' }).click()
    await screen.findByText('300 (ready)')
    const last = server.requests.at(-1)!
    expect(last.body).toEqual({ filters: { region: ['EU', 'NA'] } })
    // One load, then a query per tile for the change.
    expect(server.count(LOAD)).toBe(1)
    expect(server.count(TILES)).toBe(2)
  })

  it('gives setFilters, resetFilters and refresh, and shows the data while updating', async () => {
    const { server, result } = setup()
    await screen.findByText('Sales overview: 600 (ready)')
    const { controller } = result()
    expect(result().current.filters).toEqual({})

    result().setFilters({ region: ['EU', 'NA'] })
    flushSync()
    expect(result().current.state).toBe('updating')
    expect(result().current.filterOrigin).toBe('api')
    screen.getByText('Sales overview: 600 (updating)')
    await screen.findByText('Sales overview: 300 (ready)')
    expect(result().current.filters).toEqual({ region: ['EU', 'NA'] })

    result().resetFilters()
    await screen.findByText('Sales overview: 600 (ready)')
    result().refresh()
    await screen.findByText('Sales overview: 600 (updating)')
    await screen.findByText('Sales overview: 600 (ready)')
    expect(server.count(LOAD, 'POST')).toBe(2)
    expect(result().controller).toBe(controller)
  })

  it('reports a failed dashboard as an error state', async () => {
    setup({ dashboardId: 'missing' })
    await screen.findByText('failed: not_found')
  })

  it('stops and releases the controller when its component is destroyed', async () => {
    const { server, result, unmount } = setup()
    await screen.findByText('Sales overview: 600 (ready)')
    const { controller, setFilters, refresh } = result()
    unmount()
    await tick()
    expect(controller.getSnapshot().state).toBe('destroyed')
    const before = server.requests.length
    setFilters({ region: ['APAC'] })
    refresh()
    await tick()
    expect(server.requests.length).toBe(before)
  })

  it('aborts the requests in flight when destroyed', async () => {
    const { server, unmount } = (() => {
      const s = createFakeServer()
      s.hold()
      return { server: s, ...render(Provider, { props: { server: s, child: Report } }) }
    })()
    await waitFor(() => expect(server.count(LOAD, 'POST')).toBe(1))
    const [loadRequest] = server.requests
    unmount()
    await tick()
    expect(loadRequest!.signal?.aborted).toBe(true)
    server.release()
    await tick()
    expect(server.requests).toHaveLength(1)
  })

  it('starts over for another dashboard id and destroys the previous controller', async () => {
    const { result, rerender } = setup()
    await screen.findByText('Sales overview: 600 (ready)')
    const first = result().controller
    await rerender({ dashboardId: 'missing' })
    await screen.findByText('failed: not_found')
    expect(result().controller).not.toBe(first)
    expect(result().controller.id).toBe('missing')
    expect(first.getSnapshot().state).toBe('destroyed')
  })
})
