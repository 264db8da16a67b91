import { createFakeServer } from '@inset/test-utils/fake-server'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { createApp, defineComponent, effectScope, h, KeepAlive, nextTick, reactive, ref } from 'vue'
import { LOAD, pluginFor, TILES, withSetup } from '../test/render'
import { type Filters, useDashboard } from './index'

const Revenue = defineComponent({
  props: { regions: { type: Array as () => string[], default: undefined } },
  setup(props) {
    const { state, definition, tiles, error } = useDashboard('sales-overview', {
      filters: () => (props.regions ? { region: props.regions } : undefined),
    })
    return () =>
      h(
        'p',
        state.value === 'error'
          ? `failed: ${error.value?.code}`
          : definition.value
            ? `${definition.value.title}: ${tiles.value.revenue?.data?.rows[0]?.[0] ?? '…'} (${state.value})`
            : `loading (${state.value})`,
      )
  },
})

describe('useDashboard', () => {
  it('renders the states and then the data, with one request each', async () => {
    const server = createFakeServer()
    const wrapper = mount(Revenue, { global: { plugins: [pluginFor(server)] } })
    expect(wrapper.text()).toMatch(/^loading \((idle|authenticating)\)$/)
    await vi.waitFor(() => expect(wrapper.text()).toBe('Sales overview: 600 (ready)'))
    expect(server.tokenCalls).toHaveLength(1)
    // The definition with every tile's result: one request.
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${LOAD}`])
  })

  it('follows a filters getter by content: one query per tile for a change, none for a copy', async () => {
    const server = createFakeServer()
    const wrapper = mount(Revenue, {
      props: { regions: ['EU'] },
      global: { plugins: [pluginFor(server)] },
    })
    await vi.waitFor(() => expect(wrapper.text()).toBe('Sales overview: 100 (ready)'))
    const before = server.requests.length
    await wrapper.setProps({ regions: ['EU'] })
    await flushPromises()
    expect(server.requests.length).toBe(before)

    await wrapper.setProps({ regions: ['NA'] })
    await vi.waitFor(() => expect(wrapper.text()).toBe('Sales overview: 200 (ready)'))
    expect(server.requests.slice(before).map((r) => r.path)).toEqual([
      `${TILES}revenue/query`,
      `${TILES}orders/query`,
    ])
  })

  it('takes refs: another id starts over, a reactive filter changed in place loads anew', async () => {
    const server = createFakeServer()
    const id = ref('sales-overview')
    const filters = reactive<Filters>({ region: ['EU'] })
    const { result } = withSetup(server, () => useDashboard(id, { filters: ref(filters) }))
    await vi.waitFor(() => expect(result.state.value).toBe('ready'))
    expect(result.tiles.value.revenue?.data?.rows[0]?.[0]).toBe(100)

    filters.region = ['APAC']
    await vi.waitFor(() => expect(result.tiles.value.revenue?.data?.rows[0]?.[0]).toBe(300))
    expect(result.filters.value).toEqual({ region: ['APAC'] })

    const first = result.controller.value
    id.value = 'missing'
    await nextTick()
    expect(result.controller.value).not.toBe(first)
    expect(first.getSnapshot().state).toBe('destroyed')
    expect(result.definition.value).toBeUndefined()
    await vi.waitFor(() => expect(result.error.value?.code).toBe('not_found'))
    expect(server.tokenCalls).toHaveLength(1)
  })

  it('gives setFilters, resetFilters and refresh, and keeps the data while updating', async () => {
    const server = createFakeServer()
    const { result } = withSetup(server, () => useDashboard('sales-overview'))
    await vi.waitFor(() => expect(result.state.value).toBe('ready'))
    expect(result.filters.value).toEqual({})

    result.setFilters({ region: ['EU', 'NA'] })
    expect(result.state.value).toBe('updating')
    expect(result.tiles.value.revenue?.data?.rows[0]?.[0]).toBe(600)
    await vi.waitFor(() => expect(result.state.value).toBe('ready'))
    expect(result.tiles.value.revenue?.data?.rows[0]?.[0]).toBe(300)
    expect(result.snapshot.value.filterOrigin).toBe('api')

    result.resetFilters()
    await vi.waitFor(() => expect(result.tiles.value.revenue?.data?.rows[0]?.[0]).toBe(600))
    result.refresh()
    await vi.waitFor(() => expect(result.state.value).toBe('ready'))
    expect(server.count(LOAD, 'POST')).toBe(2)
  })

  it('stops, aborts what is in flight and destroys the controller on unmount', async () => {
    const server = createFakeServer()
    server.hold()
    const { result, wrapper } = withSetup(server, () => useDashboard('sales-overview'))
    await vi.waitFor(() => expect(server.count(LOAD, 'POST')).toBe(1))
    const [loadRequest] = server.requests
    wrapper.unmount()
    expect(loadRequest!.signal?.aborted).toBe(true)
    expect(result.state.value).toBe('destroyed')
    server.release()
    result.setFilters({ region: ['APAC'] })
    result.refresh()
    await flushPromises()
    expect(server.count(TILES)).toBe(0)
    expect(server.requests).toHaveLength(1)
  })

  it('works in an effect scope outside components, and stops with it', async () => {
    const server = createFakeServer()
    const app = createApp({ render: () => null }).use(pluginFor(server))
    const scope = effectScope()
    const result = app.runWithContext(() => scope.run(() => useDashboard('sales-overview')))!
    await vi.waitFor(() => expect(result.state.value).toBe('ready'))
    scope.stop()
    expect(result.state.value).toBe('destroyed')
    const before = server.requests.length
    result.refresh()
    await flushPromises()
    expect(server.requests.length).toBe(before)
  })

  it('warns when called outside a component or scope', async () => {
    const server = createFakeServer()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const app = createApp({ render: () => null }).use(pluginFor(server))
    const result = app.runWithContext(() => useDashboard('sales-overview'))
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/useDashboard\(\) outside setup\(\)/))
    result.controller.value.destroy()
  })

  it('keeps its data in <KeepAlive>: shown again, it sends nothing', async () => {
    const server = createFakeServer()
    const page = ref<'report' | 'other'>('report')
    const Other = defineComponent({ setup: () => () => h('p', 'other') })
    const wrapper = mount(
      () => h(KeepAlive, null, [page.value === 'report' ? h(Revenue) : h(Other)]),
      { global: { plugins: [pluginFor(server)] } },
    )
    await vi.waitFor(() => expect(wrapper.text()).toBe('Sales overview: 600 (ready)'))
    const sent = server.requests.length
    page.value = 'other'
    await flushPromises()
    page.value = 'report'
    await flushPromises()
    expect(wrapper.text()).toBe('Sales overview: 600 (ready)')
    expect(server.requests.length).toBe(sent)
  })
})
