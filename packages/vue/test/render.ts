// Shared by the component and composable tests: the fake server's URL, a plugin for it, waiting.
import type { InsetDashboardElement } from '@inset/elements'
import type { FakeServer } from '@inset/test-utils/fake-server'
import { mount } from '@vue/test-utils'
import { expect, vi } from 'vitest'
import { defineComponent } from 'vue'
import { createInsetPlugin, type InsetConfig } from '../src/index'

export const SERVER = 'https://inset.test'
/** Path prefix of the tile queries of `sales-overview`. */
export const TILES = '/v1/dashboards/sales-overview/tiles/'
/** `sales-overview`'s definition with its tiles' first results, in one request. */
export const LOAD = '/v1/dashboards/sales-overview/load'

/** `global.plugins` for `mount()`: the Inset plugin talking to `server`. */
export function pluginFor(server: FakeServer, config: Partial<InsetConfig> = {}) {
  return createInsetPlugin({
    serverUrl: SERVER,
    fetchToken: server.fetchToken,
    fetch: server.fetch,
    ...config,
  } as InsetConfig)
}

export function dashboardElements(): InsetDashboardElement[] {
  return [...document.querySelectorAll('inset-dashboard')]
}

/** Waits until the `<inset-dashboard>` has loaded everything. */
export async function ready(element: Element | null | undefined): Promise<void> {
  await vi.waitFor(() => expect((element as InsetDashboardElement).snapshot?.state).toBe('ready'))
}

/** Mounts a component whose setup runs `composable` under the plugin; returns what it returned. */
export function withSetup<T>(server: FakeServer, composable: () => T) {
  let result: T | undefined
  const wrapper = mount(
    defineComponent({
      setup() {
        result = composable()
        return () => null
      },
    }),
    { global: { plugins: [pluginFor(server)] } },
  )
  return { result: result as T, wrapper }
}
