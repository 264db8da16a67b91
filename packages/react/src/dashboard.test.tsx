import { dispatchInsetEvent, InsetDashboardElement } from '@inset/elements'
import { createFakeServer, definition, type FakeServer } from '@inset/fake-server'
import { act, render, waitFor } from '@testing-library/react'
import { createRef, StrictMode } from 'react'
import { hydrateRoot, type Root } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { dashboardElements, LOAD, ready, SERVER, TILES } from '../test/render'
import { InsetDashboard, InsetProvider } from './index'

function App(props: {
  server: FakeServer
  fetchToken?: () => Promise<{ token: string; expiresAt: number }>
  filters?: Record<string, string[]>
  theme?: 'light' | 'dark'
  onReady?: () => void
  onFilterChange?: (event: CustomEvent) => void
  dashboardRef?: React.Ref<InsetDashboardElement>
}) {
  const { server } = props
  return (
    <InsetProvider
      serverUrl={SERVER}
      fetchToken={props.fetchToken ?? server.fetchToken}
      fetch={server.fetch}
    >
      <InsetDashboard
        ref={props.dashboardRef}
        dashboardId="sales-overview"
        filters={props.filters}
        theme={props.theme}
        onReady={props.onReady}
        onFilterChange={props.onFilterChange}
      />
    </InsetProvider>
  )
}

describe('<InsetDashboard>', () => {
  it('mounts once under StrictMode: one element, one token fetch, one request for the definition and its tiles', async () => {
    const server = createFakeServer()
    const onReady = vi.fn()
    render(
      <StrictMode>
        <App server={server} onReady={onReady} />
      </StrictMode>,
    )
    await ready(dashboardElements()[0])
    expect(dashboardElements()).toHaveLength(1)
    expect(server.tokenCalls).toHaveLength(1)
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${LOAD}`])
    const [element] = dashboardElements() as InsetDashboardElement[]
    expect(Object.keys(element!.snapshot!.tiles)).toEqual(definition.tiles.map((tile) => tile.id))
    expect(onReady).toHaveBeenCalledTimes(1)
  })

  it('forwards its ref to the element, which carries the provider instance as a property', async () => {
    const server = createFakeServer()
    const ref = createRef<InsetDashboardElement>()
    render(<App server={server} dashboardRef={ref} />)
    expect(ref.current).toBeInstanceOf(InsetDashboardElement)
    expect(ref.current).toBe(dashboardElements()[0])
    expect(ref.current!.dashboardId).toBe('sales-overview')
    expect(ref.current!.inset?.serverUrl).toBe(SERVER)
    // Properties, not attributes: nothing of ours is stringified onto the element.
    expect(ref.current!.getAttributeNames().filter((name) => name !== 'data-scheme')).toEqual([])
    await ready(ref.current)
  })

  it('passes host props (id, class, style, aria) to the element as React does', async () => {
    const server = createFakeServer()
    const warnings = vi.spyOn(console, 'error')
    render(
      <InsetProvider serverUrl={SERVER} fetchToken={server.fetchToken} fetch={server.fetch}>
        <InsetDashboard
          dashboardId="sales-overview"
          id="sales"
          className="wide"
          style={{ minHeight: 400 }}
          aria-label="Sales"
          data-testid="dash"
        />
      </InsetProvider>,
    )
    const element = dashboardElements()[0] as InsetDashboardElement
    expect(element.id).toBe('sales')
    expect(element.getAttribute('class')).toBe('wide')
    expect(element.style.minHeight).toBe('400px')
    expect(element.getAttribute('aria-label')).toBe('Sales')
    expect(element.dataset.testid).toBe('dash')
    expect(element.hasAttribute('dashboard-id')).toBe(false)
    expect(warnings).not.toHaveBeenCalled()
    await ready(element)
  })

  it('changes filters in place: same element, one query per tile with the new filters', async () => {
    const server = createFakeServer()
    const { rerender } = render(<App server={server} filters={{ region: ['EU'] }} />)
    const element = dashboardElements()[0] as InsetDashboardElement
    await ready(element)
    expect(element.snapshot!.tiles.revenue!.data!.rows[0]![0]).toBe(100)
    const before = server.requests.length

    const onFilterChange = vi.fn()
    rerender(
      <App server={server} filters={{ region: ['NA', 'APAC'] }} onFilterChange={onFilterChange} />,
    )
    expect(onFilterChange).toHaveBeenCalledTimes(1)
    expect(onFilterChange.mock.calls[0]![0].detail.filters).toEqual({ region: ['NA', 'APAC'] })
    await waitFor(() => expect(element.snapshot!.tiles.revenue!.data!.rows[0]![0]).toBe(500))
    await ready(element)

    expect(dashboardElements()).toEqual([element])
    expect(element.filters).toEqual({ region: ['NA', 'APAC'] })
    const after = server.requests.slice(before)
    expect(after.map((r) => r.path).sort()).toEqual([
      `${TILES}orders/query`,
      `${TILES}revenue/query`,
    ])
    expect(
      after.every((r) => JSON.stringify(r.body) === '{"filters":{"region":["NA","APAC"]}}'),
    ).toBe(true)
    expect(server.tokenCalls).toHaveLength(1)

    // The same filters as a new object: nothing is sent.
    rerender(<App server={server} filters={{ region: ['NA', 'APAC'] }} />)
    await act(async () => {})
    expect(server.requests.length).toBe(before + 2)
  })

  it('shows another dashboard in the same element when dashboardId changes', async () => {
    const server = createFakeServer()
    const tree = (dashboardId: string) => (
      <InsetProvider serverUrl={SERVER} fetchToken={server.fetchToken} fetch={server.fetch}>
        <InsetDashboard dashboardId={dashboardId} />
      </InsetProvider>
    )
    const { rerender } = render(tree('sales-overview'))
    const element = dashboardElements()[0] as InsetDashboardElement
    await ready(element)
    rerender(tree('missing'))
    expect(dashboardElements()).toEqual([element])
    await waitFor(() => expect(element.snapshot?.error?.code).toBe('not_found'))
    expect(server.tokenCalls).toHaveLength(1)
  })

  it('changes the theme in place without a request', async () => {
    const server = createFakeServer()
    const { rerender } = render(<App server={server} theme="light" />)
    const element = dashboardElements()[0] as InsetDashboardElement
    await ready(element)
    expect(element.theme).toBe('light')
    expect(element.dataset.scheme).toBe('light')
    const before = server.requests.length

    rerender(<App server={server} theme="dark" />)
    expect(dashboardElements()).toEqual([element])
    expect(element.theme).toBe('dark')
    expect(element.dataset.scheme).toBe('dark')
    await act(async () => {})
    expect(server.requests.length).toBe(before)
  })

  it("follows the provider's theme through the instance, in place and without a request", async () => {
    const server = createFakeServer()
    const tree = (theme: 'light' | 'dark') => (
      <InsetProvider
        serverUrl={SERVER}
        fetchToken={server.fetchToken}
        fetch={server.fetch}
        theme={theme}
      >
        <InsetDashboard dashboardId="sales-overview" />
      </InsetProvider>
    )
    const { rerender } = render(tree('light'))
    const element = dashboardElements()[0] as InsetDashboardElement
    await ready(element)
    expect(element.dataset.scheme).toBe('light')
    const before = server.requests.length

    rerender(tree('dark'))
    expect(dashboardElements()).toEqual([element])
    expect(element.theme).toBeUndefined()
    expect(element.inset?.theme).toEqual({ mode: 'dark' })
    expect(element.dataset.scheme).toBe('dark')
    await act(async () => {})
    expect(server.requests.length).toBe(before)
  })

  it('keeps the instance and the element when only fetchToken changes, and calls the latest one', async () => {
    const server = createFakeServer()
    const first = vi.fn(server.fetchToken)
    const { rerender } = render(<App server={server} fetchToken={first} />)
    const element = dashboardElements()[0] as InsetDashboardElement
    await ready(element)
    const inset = element.inset
    const before = server.requests.length

    const second = vi.fn(async () => ({ token: 'second-token', expiresAt: Date.now() + 600_000 }))
    rerender(<App server={server} fetchToken={second} />)
    await act(async () => {})
    expect(dashboardElements()).toEqual([element])
    expect(element.inset).toBe(inset)
    expect(element.snapshot!.state).toBe('ready')
    expect(server.requests.length).toBe(before)

    // The next token comes from the new callback; the data on screen stays.
    inset!.tokens.invalidate()
    await act(async () => element.refresh())
    await ready(element)
    expect(first).toHaveBeenCalledTimes(1)
    expect(second).toHaveBeenCalledTimes(1)
    expect(server.requests.at(-1)!.authorization).toBe('Bearer second-token')
  })

  it('sends each event to the latest callback, once', async () => {
    const server = createFakeServer()
    const early = vi.fn()
    const late = vi.fn()
    const { rerender } = render(
      <StrictMode>
        <App server={server} onFilterChange={early} />
      </StrictMode>,
    )
    const element = dashboardElements()[0] as InsetDashboardElement
    await ready(element)
    // Defaults applied at load are not a filter change.
    expect(early).not.toHaveBeenCalled()
    rerender(
      <StrictMode>
        <App server={server} onFilterChange={late} />
      </StrictMode>,
    )
    await act(async () => element.setFilters({ region: ['EU'] }))
    await ready(element)
    expect(early).not.toHaveBeenCalled()
    expect(late).toHaveBeenCalledTimes(1)
    const event = late.mock.calls[0]![0] as CustomEvent
    expect(event.type).toBe('inset-filter-change')
    expect(event.detail).toMatchObject({ filters: { region: ['EU'] }, origin: 'api' })
  })

  it('maps every dashboard event of the table to its callback', async () => {
    const server = createFakeServer()
    const callbacks = {
      onReady: vi.fn(),
      onError: vi.fn(),
      onStateChange: vi.fn(),
      onFilterChange: vi.fn(),
      onDataPointClick: vi.fn(),
      onAskAbout: vi.fn(),
    }
    render(
      <InsetProvider serverUrl={SERVER} fetchToken={server.fetchToken} fetch={server.fetch}>
        <InsetDashboard dashboardId="missing" {...callbacks} />
      </InsetProvider>,
    )
    const element = dashboardElements()[0] as InsetDashboardElement
    await waitFor(() => expect(callbacks.onError).toHaveBeenCalledTimes(1))
    expect(callbacks.onError.mock.calls[0]![0].detail.error.code).toBe('not_found')
    expect(callbacks.onStateChange.mock.calls.map(([event]) => event.detail.state)).toContain(
      'error',
    )
    dispatchInsetEvent(element, 'inset-data-point-click', {
      source: 'dashboard',
      columns: [],
      row: ['EU', 100],
      value: 100,
    })
    dispatchInsetEvent(element, 'inset-ready', {
      source: 'dashboard',
      dashboardId: 'missing',
      definition,
    })
    dispatchInsetEvent(element, 'inset-ask-about', {
      dashboardId: 'missing',
      tileId: 'revenue',
      title: 'Revenue',
      filters: {},
    })
    expect(callbacks.onAskAbout.mock.calls[0]![0].detail.tileId).toBe('revenue')
    expect(callbacks.onDataPointClick.mock.calls[0]![0].detail.value).toBe(100)
    expect(callbacks.onReady).toHaveBeenCalledTimes(1)
    expect(callbacks.onFilterChange).not.toHaveBeenCalled()
  })

  it('stops listening and loading after unmount', async () => {
    const server = createFakeServer()
    const onFilterChange = vi.fn()
    const { unmount } = render(<App server={server} onFilterChange={onFilterChange} />)
    const element = dashboardElements()[0] as InsetDashboardElement
    await ready(element)
    onFilterChange.mockClear()
    unmount()
    await act(async () => {})
    const before = server.requests.length
    dispatchInsetEvent(element, 'inset-filter-change', {
      dashboardId: 'sales-overview',
      filters: {},
      origin: 'user',
    })
    element.refresh()
    await act(async () => {})
    expect(onFilterChange).not.toHaveBeenCalled()
    expect(server.requests.length).toBe(before)
    expect(element.snapshot).toBeUndefined()
  })
})

describe('server-rendered pages', () => {
  it('hydrate onto the server element without a warning, then load', async () => {
    const server = createFakeServer()
    const tree = (
      <InsetProvider serverUrl={SERVER} fetchToken={server.fetchToken} fetch={server.fetch}>
        <InsetDashboard dashboardId="sales-overview" className="panel" theme="dark" />
      </InsetProvider>
    )
    const container = document.createElement('div')
    container.innerHTML = renderToString(tree)
    document.body.append(container)
    const element = container.querySelector('inset-dashboard') as InsetDashboardElement
    expect(server.requests).toEqual([])
    const errors = vi.spyOn(console, 'error')
    let root: Root | undefined
    await act(async () => {
      root = hydrateRoot(container, tree)
    })
    expect(errors).not.toHaveBeenCalled()
    expect(container.querySelector('inset-dashboard')).toBe(element)
    expect(element.dataset.scheme).toBe('dark')
    await ready(element)
    act(() => root!.unmount())
    container.remove()
  })
})
