import { dispatchInsetEvent, InsetDashboardElement } from '@inset/elements'
import { createFakeServer, definition, type FakeServer } from '@inset/test-utils/fake-server'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { createSSRApp, defineComponent, h, KeepAlive, nextTick, reactive, ref } from 'vue'
import { renderToString } from 'vue/server-renderer'
import FiltersModel from '../test/FiltersModel.vue'
import { dashboardElements, LOAD, pluginFor, ready, SERVER, TILES } from '../test/render'
import { type Filters, InsetDashboard } from './index'

/** Mounts `<InsetDashboard>` with the given props under the plugin of `server`. */
function mountDashboard(server: FakeServer, props: Record<string, unknown> = {}) {
  return mount(InsetDashboard, {
    props: { dashboardId: 'sales-overview', ...props },
    attachTo: document.body,
    global: { plugins: [pluginFor(server)] },
  })
}

describe('<InsetDashboard>', () => {
  it('renders one element that loads once: one token fetch, one request for the definition and its tiles, one @ready', async () => {
    const server = createFakeServer()
    const wrapper = mountDashboard(server)
    await ready(dashboardElements()[0])
    expect(dashboardElements()).toHaveLength(1)
    expect(server.tokenCalls).toHaveLength(1)
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${LOAD}`])
    expect(Object.keys(dashboardElements()[0]!.snapshot!.tiles)).toEqual(
      definition.tiles.map((tile) => tile.id),
    )
    expect(wrapper.emitted('ready')).toHaveLength(1)
  })

  it('sets props and the provided instance as element properties, never as attributes', async () => {
    const server = createFakeServer()
    const wrapper = mountDashboard(server, {
      filters: { region: ['EU'] },
      locale: 'de-DE',
      currency: 'EUR',
    })
    await nextTick()
    const element = wrapper.element as InsetDashboardElement
    expect(element).toBeInstanceOf(InsetDashboardElement)
    expect(wrapper.vm.element).toBe(element)
    expect(element.dashboardId).toBe('sales-overview')
    expect(element.locale).toBe('de-DE')
    expect(element.currency).toBe('EUR')
    expect(element.inset?.serverUrl).toBe(SERVER)
    await ready(element)
    expect(element.filters).toEqual({ region: ['EU'] })
    expect(element.snapshot!.tiles.revenue!.data!.rows[0]![0]).toBe(100)
    expect(element.getAttributeNames().filter((name) => name !== 'data-scheme')).toEqual([])
  })

  it('passes host attributes (id, class, style, aria, data) through to the element', async () => {
    const server = createFakeServer()
    const warnings = vi.spyOn(console, 'warn')
    const wrapper = mount(
      () =>
        h(InsetDashboard, {
          dashboardId: 'sales-overview',
          id: 'sales',
          class: 'wide',
          style: { minHeight: '400px' },
          'aria-label': 'Sales',
          'data-testid': 'dash',
        }),
      { attachTo: document.body, global: { plugins: [pluginFor(server)] } },
    )
    const element = wrapper.find('inset-dashboard').element as InsetDashboardElement
    expect(element.id).toBe('sales')
    expect(element.getAttribute('class')).toBe('wide')
    expect(element.style.minHeight).toBe('400px')
    expect(element.getAttribute('aria-label')).toBe('Sales')
    expect(element.dataset.testid).toBe('dash')
    expect(element.hasAttribute('dashboard-id')).toBe(false)
    await ready(element)
    expect(warnings).not.toHaveBeenCalled()
  })

  it('changes filters in place: same element, one query per tile, one @filter-change', async () => {
    const server = createFakeServer()
    const wrapper = mountDashboard(server, { filters: { region: ['EU'] } })
    const element = dashboardElements()[0]!
    await ready(element)
    expect(wrapper.emitted('filterChange')).toBeUndefined()
    const before = server.requests.length

    await wrapper.setProps({ filters: { region: ['NA', 'APAC'] } })
    expect(wrapper.emitted('filterChange')).toHaveLength(1)
    expect(wrapper.emitted<[CustomEvent]>('filterChange')![0]![0].detail).toMatchObject({
      filters: { region: ['NA', 'APAC'] },
      origin: 'api',
    })
    await ready(element)
    expect(element.snapshot!.tiles.revenue!.data!.rows[0]![0]).toBe(500)
    expect(dashboardElements()).toEqual([element])
    const after = server.requests.slice(before)
    expect(after.map((r) => r.path).sort()).toEqual([
      `${TILES}orders/query`,
      `${TILES}revenue/query`,
    ])
    expect(
      after.every((r) => JSON.stringify(r.body) === '{"filters":{"region":["NA","APAC"]}}'),
    ).toBe(true)

    // The same filters as a new object: nothing is sent.
    await wrapper.setProps({ filters: { region: ['NA', 'APAC'] } })
    await flushPromises()
    expect(server.requests.length).toBe(before + 2)
    expect(server.tokenCalls).toHaveLength(1)
  })

  it('follows a reactive filters object changed in place', async () => {
    const server = createFakeServer()
    const filters = reactive<Filters>({ region: ['EU'] })
    mount(() => h(InsetDashboard, { dashboardId: 'sales-overview', filters }), {
      attachTo: document.body,
      global: { plugins: [pluginFor(server)] },
    })
    const element = dashboardElements()[0]!
    await ready(element)
    filters.region = ['APAC']
    await nextTick()
    await vi.waitFor(() => expect(element.snapshot!.tiles.revenue!.data!.rows[0]![0]).toBe(300))
    expect(element.filters).toEqual({ region: ['APAC'] })
  })

  it('binds v-model:filters both ways, and applying the defaults at load changes nothing', async () => {
    const server = createFakeServer()
    const wrapper = mount(FiltersModel, {
      attachTo: document.body,
      global: { plugins: [pluginFor(server)] },
    })
    const element = wrapper.vm.element()!
    expect(element).toBe(dashboardElements()[0])
    expect(element.getAttribute('class')).toBe('wide')
    await ready(element)
    expect(wrapper.emitted('update:filters')).toBeUndefined()
    expect(wrapper.vm.changes).toEqual([])

    // The element changes them (as its filter bar would): the host's state follows.
    element.setFilters({ region: ['NA'] })
    await nextTick()
    expect(wrapper.emitted<[Filters]>('update:filters')!.at(-1)![0]).toEqual({ region: ['NA'] })
    expect(wrapper.get('[data-testid="chosen"]').text()).toContain('NA')
    expect(wrapper.vm.changes).toEqual(['api:NA'])
    await vi.waitFor(() => expect(element.snapshot!.tiles.revenue!.data!.rows[0]![0]).toBe(200))

    // The host changes them: the element follows, and the echo sends nothing more.
    await wrapper.setProps({ filters: { region: ['APAC'] } })
    await vi.waitFor(() => expect(element.snapshot!.tiles.revenue!.data!.rows[0]![0]).toBe(300))
    await flushPromises()
    expect(wrapper.vm.changes).toEqual(['api:NA', 'api:APAC'])
    // One load, then a query per tile for each of the two changes.
    expect(server.count(LOAD)).toBe(1)
    expect(server.count(TILES)).toBe(2 * definition.tiles.length)
  })

  it('shows another dashboard in the same element when dashboard-id changes', async () => {
    const server = createFakeServer()
    const wrapper = mountDashboard(server)
    const element = dashboardElements()[0]!
    await ready(element)
    await wrapper.setProps({ dashboardId: 'missing' })
    expect(dashboardElements()).toEqual([element])
    await vi.waitFor(() => expect(element.snapshot?.error?.code).toBe('not_found'))
    expect(wrapper.emitted<[CustomEvent]>('error')![0]![0].detail.error.code).toBe('not_found')
    expect(server.tokenCalls).toHaveLength(1)
  })

  it('changes its own theme in place without a request', async () => {
    const server = createFakeServer()
    const wrapper = mountDashboard(server, { theme: 'light' })
    const element = dashboardElements()[0]!
    await ready(element)
    expect(element.dataset.scheme).toBe('light')
    const before = server.requests.length
    await wrapper.setProps({ theme: 'dark' })
    expect(element.theme).toBe('dark')
    expect(element.dataset.scheme).toBe('dark')
    await flushPromises()
    expect(server.requests.length).toBe(before)
  })

  it("follows the plugin's theme ref through the instance, in place and without a request", async () => {
    const server = createFakeServer()
    const theme = ref<'light' | 'dark'>('light')
    mount(() => h(InsetDashboard, { dashboardId: 'sales-overview' }), {
      attachTo: document.body,
      global: { plugins: [pluginFor(server, { theme })] },
    })
    const element = dashboardElements()[0]!
    await ready(element)
    expect(element.dataset.scheme).toBe('light')
    const before = server.requests.length
    theme.value = 'dark'
    await nextTick()
    expect(element.theme).toBeUndefined()
    expect(element.inset?.theme).toEqual({ mode: 'dark' })
    expect(element.dataset.scheme).toBe('dark')
    await flushPromises()
    expect(server.requests.length).toBe(before)
  })

  it('emits every dashboard event of the table under its key', async () => {
    const server = createFakeServer()
    const wrapper = mountDashboard(server, { dashboardId: 'missing' })
    const element = dashboardElements()[0]!
    await vi.waitFor(() => expect(wrapper.emitted('error')).toHaveLength(1))
    const states = wrapper.emitted<[CustomEvent]>('stateChange')!.map(([e]) => e.detail.state)
    expect(states).toContain('error')
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
    expect(wrapper.emitted<[CustomEvent]>('dataPointClick')![0]![0].detail.value).toBe(100)
    expect(wrapper.emitted<[CustomEvent]>('askAbout')![0]![0].detail.tileId).toBe('revenue')
    expect(wrapper.emitted('ready')).toHaveLength(1)
    expect(wrapper.emitted('filterChange')).toBeUndefined()
    expect(Object.keys(wrapper.emitted()).sort()).toEqual(
      ['askAbout', 'dataPointClick', 'error', 'ready', 'stateChange'].sort(),
    )
  })

  it('stops emitting and loading after unmount', async () => {
    const server = createFakeServer()
    const onFilterChange = vi.fn()
    const wrapper = mountDashboard(server, { onFilterChange })
    const element = dashboardElements()[0]!
    await ready(element)
    wrapper.unmount()
    await flushPromises()
    const before = server.requests.length
    dispatchInsetEvent(element, 'inset-filter-change', {
      dashboardId: 'sales-overview',
      filters: {},
      origin: 'user',
    })
    element.refresh()
    await flushPromises()
    expect(onFilterChange).not.toHaveBeenCalled()
    expect(server.requests.length).toBe(before)
    expect(element.snapshot).toBeUndefined()
  })

  it('remounts without duplicates: one element, the token kept, one load per mount', async () => {
    const server = createFakeServer()
    server.hold()
    const shown = ref(true)
    mount(() => (shown.value ? h(InsetDashboard, { dashboardId: 'sales-overview' }) : null), {
      attachTo: document.body,
      global: { plugins: [pluginFor(server)] },
    })
    await vi.waitFor(() => expect(server.count(LOAD, 'POST')).toBe(1))
    const [first] = server.requests
    shown.value = false
    await flushPromises()
    expect(first!.signal?.aborted).toBe(true)
    shown.value = true
    await nextTick()
    server.release()
    await ready(dashboardElements()[0])
    expect(dashboardElements()).toHaveLength(1)
    expect(server.tokenCalls).toHaveLength(1)
    expect(server.count(LOAD, 'POST')).toBe(2)
    expect(server.requests).toHaveLength(2)
  })
})

describe('<InsetDashboard> in <KeepAlive>', () => {
  const Other = defineComponent({ name: 'OtherPage', setup: () => () => h('p', 'other page') })

  // The dashboard as the kept page's root, and inside a wrapper of the kept page.
  it.each([
    ['as its root', () => h(InsetDashboard, { dashboardId: 'sales-overview', class: 'kept' })],
    [
      'inside it',
      () =>
        h('section', [
          h('h1', 'Sales'),
          h(InsetDashboard, { dashboardId: 'sales-overview' }),
          h('footer'),
        ]),
    ],
  ])('shown again %s: the same element with its data, nothing sent', async (_, render) => {
    const server = createFakeServer()
    const Page = defineComponent({ name: 'KeptPage', setup: () => render })
    const page = ref<'dashboard' | 'other' | 'none'>('dashboard')
    const wrapper = mount(
      () =>
        page.value === 'none'
          ? null
          : h(KeepAlive, null, [page.value === 'dashboard' ? h(Page) : h(Other)]),
      { attachTo: document.body, global: { plugins: [pluginFor(server)] } },
    )
    const element = dashboardElements()[0]!
    const onReady = vi.fn()
    await ready(element)
    element.addEventListener('inset-ready', onReady)
    element.setFilters({ region: ['APAC'] })
    await vi.waitFor(() => expect(element.snapshot!.tiles.revenue!.data!.rows[0]![0]).toBe(300))
    const sent = server.requests.length

    page.value = 'other'
    await flushPromises()
    expect(wrapper.text()).toBe('other page')
    expect(element.isConnected && element.closest('[hidden]')).toBeTruthy()
    page.value = 'dashboard'
    await flushPromises()
    expect(dashboardElements()).toEqual([element])
    expect(element.closest('[hidden]')).toBeNull()
    expect(wrapper.html()).toContain(element.outerHTML)
    if (wrapper.find('section').exists())
      expect([...wrapper.get('section').element.children].map((c) => c.localName)).toEqual([
        'h1',
        'inset-dashboard',
        'footer',
      ])
    expect(element.snapshot?.state).toBe('ready')
    expect(element.filters).toEqual({ region: ['APAC'] })
    expect(element.snapshot!.tiles.revenue!.data!.rows[0]![0]).toBe(300)
    expect(server.requests.length).toBe(sent)
    expect(onReady).not.toHaveBeenCalled()

    // Dropped from the cache while inactive: the parked element leaves the page and stops.
    page.value = 'other'
    await flushPromises()
    page.value = 'none'
    await flushPromises()
    expect(element.isConnected).toBe(false)
    expect(element.snapshot).toBeUndefined()
    expect(server.tokenCalls).toHaveLength(1)
  })
})

describe('server-rendered pages', () => {
  it('hydrate onto the server element without a mismatch, then load', async () => {
    const server = createFakeServer()
    const page = () =>
      h(InsetDashboard, {
        dashboardId: 'sales-overview',
        class: 'panel',
        theme: 'dark',
        filters: { region: ['EU'] },
      })
    const html = await renderToString(createSSRApp({ render: page }).use(pluginFor(server)))
    expect(html).toBe('<inset-dashboard class="panel"></inset-dashboard>')
    const container = document.createElement('div')
    container.innerHTML = html
    document.body.append(container)
    const element = container.querySelector('inset-dashboard') as InsetDashboardElement
    expect(server.requests).toEqual([])

    const warnings = vi.spyOn(console, 'warn')
    const errors = vi.spyOn(console, 'error')
    const app = createSSRApp({ render: page }).use(pluginFor(server))
    app.mount(container)
    expect(warnings).not.toHaveBeenCalled()
    expect(errors).not.toHaveBeenCalled()
    expect(container.querySelector('inset-dashboard')).toBe(element)
    await nextTick()
    expect(element.dataset.scheme).toBe('dark')
    await ready(element)
    expect(element.snapshot!.tiles.revenue!.data!.rows[0]![0]).toBe(100)
    app.unmount()
    container.remove()
  })
})
