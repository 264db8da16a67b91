import { createInset, type Inset, InsetError } from '@inset/core'
import { createFakeServer } from '@inset/test-utils/fake-server'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { createApp, defineComponent, h, nextTick, ref, version } from 'vue'
import { dashboardElements, pluginFor, ready, SERVER } from '../test/render'
import { createInsetPlugin, INSET_KEY, InsetDashboard, provideInset, useInset } from './index'

/** A component that reports the instance it injects. */
const probe = (found: (inset: Inset) => void) =>
  defineComponent({
    setup() {
      found(useInset())
      return () => null
    },
  })

/** Vue 3.5 tells plugins that the app unmounts (`app.onUnmount`); 3.4 does not. */
const tellsPluginsOfUnmount = Number(version.split('.')[1]) >= 5

describe('createInsetPlugin', () => {
  it('gives every component one instance, destroyed when the app unmounts (Vue 3.5+)', async () => {
    const server = createFakeServer()
    const seen: Inset[] = []
    const wrapper = mount(() => [h(probe((i) => seen.push(i))), h(probe((i) => seen.push(i)))], {
      global: { plugins: [pluginFor(server)] },
    })
    expect(seen).toHaveLength(2)
    expect(seen[0]).toBe(seen[1])
    expect(seen[0]!.serverUrl).toBe(SERVER)
    wrapper.unmount()
    if (tellsPluginsOfUnmount)
      await expect(seen[0]!.tokens.getToken()).rejects.toMatchObject({ code: 'auth' })
    else seen[0]!.destroy()
  })

  it('uses a given instance as is and never destroys it; a theme ref follows', async () => {
    const server = createFakeServer()
    const given = createInset(server.options)
    const theme = ref<'light' | 'dark'>('dark')
    let seen: Inset | undefined
    const app = createApp(probe((inset) => (seen = inset)))
    app.use(createInsetPlugin({ inset: given, theme }))
    app.mount(document.createElement('div'))
    expect(seen).toBe(given)
    expect(given.theme).toEqual({ mode: 'dark' })
    theme.value = 'light'
    await nextTick()
    expect(given.theme).toEqual({ mode: 'light' })
    app.unmount()
    // Once the app unmounted, the theme is no longer followed.
    if (tellsPluginsOfUnmount) {
      theme.value = 'dark'
      await nextTick()
      expect(given.theme).toEqual({ mode: 'light' })
    }
    await expect(given.tokens.getToken()).resolves.toBe('token-1')
    given.destroy()
  })

  it('refuses a bad configuration with a typed error', () => {
    expect(() =>
      createApp({ render: () => null }).use(
        createInsetPlugin({ serverUrl: 'inset.test', fetchToken: async () => 'token' }),
      ),
    ).toThrow(expect.objectContaining({ code: 'bad_request' }))
  })
})

describe('provideInset', () => {
  it('connects the components below, with its own theme, and ends with its component', async () => {
    const server = createFakeServer()
    const shown = ref(true)
    const theme = ref<'light' | 'dark'>('light')
    let provided: Inset | undefined
    const Layout = defineComponent({
      setup(_, { slots }) {
        provided = provideInset({ ...server.options, theme })
        return () => slots.default?.()
      },
    })
    mount(
      () =>
        shown.value
          ? h(Layout, null, { default: () => h(InsetDashboard, { dashboardId: 'sales-overview' }) })
          : null,
      { attachTo: document.body },
    )
    const element = dashboardElements()[0]!
    await ready(element)
    expect(element.inset).toBe(provided)
    expect(element.dataset.scheme).toBe('light')
    theme.value = 'dark'
    await nextTick()
    expect(element.dataset.scheme).toBe('dark')

    shown.value = false
    await flushPromises()
    await expect(provided!.tokens.getToken()).rejects.toMatchObject({ code: 'auth' })
    expect(server.tokenCalls).toHaveLength(1)
  })

  it('wins over the app plugin below it', () => {
    const server = createFakeServer()
    let outer: Inset | undefined
    let inner: Inset | undefined
    const Layout = defineComponent({
      setup() {
        outer = useInset()
        provideInset(server.options)
        return () => h(probe((inset) => (inner = inset)))
      },
    })
    mount(Layout, { global: { plugins: [pluginFor(server)] } })
    expect(inner).toBeDefined()
    expect(inner).not.toBe(outer)
  })
})

describe('useInset', () => {
  it('throws a typed error without a plugin or provider, in a component or outside one', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    let thrown: unknown
    mount(
      defineComponent({
        setup() {
          try {
            useInset()
          } catch (error) {
            thrown = error
          }
          return () => null
        },
      }),
    )
    expect(thrown).toBeInstanceOf(InsetError)
    expect(thrown).toMatchObject({ code: 'bad_request', message: /createInsetPlugin/ })
    expect(() => useInset()).toThrow(InsetError)
  })

  it('finds the plugin through app.runWithContext, e.g. in a store', () => {
    const server = createFakeServer()
    const app = createApp({ render: () => null }).use(pluginFor(server))
    const inset = app.runWithContext(() => useInset())
    expect(inset).toBe(app._context.provides[INSET_KEY as symbol])
  })
})
