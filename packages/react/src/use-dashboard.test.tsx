import { createFakeServer } from '@inset/fake-server'
import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import * as React from 'react'
import { describe, expect, it } from 'vitest'
import { LOAD, providerFor, TILES } from '../test/render'
import { useDashboard } from './index'

function Revenue({ regions }: { regions?: string[] }) {
  const { state, definition, tiles, error } = useDashboard(
    'sales-overview',
    regions ? { filters: { region: regions } } : {},
  )
  if (state === 'error') return <p>failed: {error?.code}</p>
  if (!definition) return <p>loading ({state})</p>
  return (
    <p>
      {definition.title}: {String(tiles.revenue?.data?.rows[0]?.[0] ?? '…')} ({state})
    </p>
  )
}

function Missing() {
  const { state, error } = useDashboard('missing')
  return <p>{state === 'error' ? `failed: ${error?.code}` : state}</p>
}

describe('useDashboard', () => {
  it('renders the states and then the data, with one request each under StrictMode', async () => {
    const server = createFakeServer()
    render(<Revenue />, { wrapper: providerFor(server) })
    expect(screen.getByText(/^loading \((idle|authenticating)\)$/)).toBeTruthy()
    await screen.findByText('Sales overview: 600 (ready)')
    expect(server.tokenCalls).toHaveLength(1)
    // The definition with both tiles' results: one request.
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${LOAD}`])
  })

  it('follows the filters option by content and sends one query per tile for a change', async () => {
    const server = createFakeServer()
    const { rerender } = render(<Revenue regions={['EU']} />, { wrapper: providerFor(server) })
    await screen.findByText('Sales overview: 100 (ready)')
    const before = server.requests.length
    rerender(<Revenue regions={['EU']} />)
    await act(async () => {})
    expect(server.requests.length).toBe(before)

    rerender(<Revenue regions={['NA']} />)
    await screen.findByText('Sales overview: 200 (ready)')
    expect(server.requests.slice(before).map((r) => r.path)).toEqual([
      `${TILES}revenue/query`,
      `${TILES}orders/query`,
    ])
  })

  it('gives setFilters and refresh, and shows the data while updating', async () => {
    const server = createFakeServer()
    const { result } = renderHook(() => useDashboard('sales-overview'), {
      wrapper: providerFor(server),
    })
    await waitFor(() => expect(result.current.state).toBe('ready'))
    const first = result.current
    expect(first.filters).toEqual({})
    expect(first.tiles.orders?.data?.rows[0]?.[0]).toBe(3)

    act(() => result.current.setFilters({ region: ['EU', 'NA'] }))
    expect(result.current.state).toBe('updating')
    expect(result.current.tiles.revenue?.data?.rows[0]?.[0]).toBe(600)
    await waitFor(() => expect(result.current.state).toBe('ready'))
    expect(result.current.tiles.revenue?.data?.rows[0]?.[0]).toBe(300)
    expect(result.current.filters).toEqual({ region: ['EU', 'NA'] })

    act(() => result.current.refresh())
    await waitFor(() => expect(result.current.state).toBe('ready'))
    expect(server.count(LOAD, 'POST')).toBe(2)
    expect(server.count(TILES)).toBe(2)
    // The actions are the controller's own: stable across renders.
    expect(result.current.setFilters).toBe(first.setFilters)
  })

  it('reports a failed dashboard as an error state', async () => {
    const server = createFakeServer()
    render(<Missing />, { wrapper: providerFor(server) })
    await screen.findByText('failed: not_found')
  })

  it('stops and releases the controller on unmount', async () => {
    const server = createFakeServer()
    const { result, unmount } = renderHook(() => useDashboard('sales-overview'), {
      wrapper: providerFor(server),
    })
    await waitFor(() => expect(result.current.state).toBe('ready'))
    const { setFilters, refresh } = result.current
    unmount()
    await act(async () => {})
    const before = server.requests.length
    setFilters({ region: ['APAC'] })
    refresh()
    await act(async () => {})
    expect(server.requests.length).toBe(before)
  })

  it('aborts the requests in flight on unmount', async () => {
    const server = createFakeServer()
    server.hold()
    const { unmount } = renderHook(() => useDashboard('sales-overview'), {
      wrapper: providerFor(server),
    })
    await waitFor(() => expect(server.count(LOAD, 'POST')).toBe(1))
    const [loadRequest] = server.requests
    unmount()
    await act(async () => {})
    expect(loadRequest!.signal?.aborted).toBe(true)
    server.release()
    await act(async () => {})
    expect(server.requests).toHaveLength(1)
  })

  // `<Activity>` (React 19.2+) runs effect cleanups when hidden and the effects again when shown.
  it.runIf('Activity' in React)('loads again when shown after being hidden', async () => {
    const Activity = (
      React as unknown as { Activity: React.FC<{ mode: string; children: ReactNode }> }
    ).Activity
    const server = createFakeServer()
    const tree = (mode: string) => (
      <Activity mode={mode}>
        <Revenue />
      </Activity>
    )
    const { rerender } = render(tree('visible'), { wrapper: providerFor(server) })
    await screen.findByText('Sales overview: 600 (ready)')
    rerender(tree('hidden'))
    await act(async () => {})
    expect(server.count(LOAD)).toBe(1)
    rerender(tree('visible'))
    await waitFor(() => expect(server.count(LOAD)).toBe(2))
    await screen.findByText('Sales overview: 600 (ready)')
  })

  it('starts over for another dashboard id', async () => {
    const server = createFakeServer()
    const { result, rerender } = renderHook(({ id }) => useDashboard(id), {
      wrapper: providerFor(server),
      initialProps: { id: 'sales-overview' },
    })
    await waitFor(() => expect(result.current.state).toBe('ready'))
    rerender({ id: 'missing' })
    expect(result.current.definition).toBeUndefined()
    await waitFor(() => expect(result.current.error?.code).toBe('not_found'))
  })
})
