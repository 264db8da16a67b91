import { InsetAssistantElement, type InsetDashboardElement } from '@inset/elements'
import { createFakeServer } from '@inset/test-utils/fake-server'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { pluginFor, ready } from '../test/render'
import { InsetAssistant, InsetDashboard, useDashboard } from './index'

describe('<InsetAssistant>', () => {
  it('links to a dashboard by id, and emits answers and its state', async () => {
    const server = createFakeServer()
    const onAnswer = vi.fn()
    const onStateChange = vi.fn()
    const assistantRef = ref<InstanceType<typeof InsetAssistant>>()
    mount(
      () => [
        h(InsetDashboard, {
          id: 'sales',
          dashboardId: 'sales-overview',
          filters: { region: ['EU'] },
        }),
        h(InsetAssistant, { ref: assistantRef, for: 'sales', onAnswer, onStateChange }),
      ],
      { attachTo: document.body, global: { plugins: [pluginFor(server, { theme: 'dark' })] } },
    )
    const assistant = assistantRef.value!.element!
    expect(assistant).toBeInstanceOf(InsetAssistantElement)
    expect(assistantRef.value!.$el).toBe(assistant)
    expect(document.querySelectorAll('inset-assistant')).toHaveLength(1)
    expect(assistant.for).toBe('sales')
    expect(assistant.hasAttribute('for')).toBe(false)
    // One theme channel: the plugin's theme is the instance's, which every element follows.
    expect(assistant.theme).toBeUndefined()
    expect(assistant.inset?.theme).toEqual({ mode: 'dark' })
    expect(assistant.dataset.scheme).toBe('dark')
    const dashboard = document.getElementById('sales') as InsetDashboardElement
    expect(assistant.inset).toBe(dashboard.inset)
    await ready(dashboard)

    await assistant.ask('What is the revenue?')
    expect(onAnswer).toHaveBeenCalledTimes(1)
    expect(onAnswer.mock.calls[0]![0].detail).toMatchObject({
      question: 'What is the revenue?',
      text: 'Revenue is 600.',
    })
    expect(onStateChange.mock.calls.map(([event]) => event.detail.state)).toContain('streaming')
    const asked = server.requests.find((r) => r.path === '/v1/assistant')
    expect(asked?.body).toMatchObject({
      context: { dashboardId: 'sales-overview', filters: { region: ['EU'] } },
    })
    expect(server.tokenCalls).toHaveLength(1)
  })

  it('follows a useDashboard controller given as its dashboard property', async () => {
    const server = createFakeServer()
    const Page = defineComponent({
      setup() {
        const sales = useDashboard('sales-overview', { filters: { region: ['NA'] } })
        return () => h(InsetAssistant, { dashboard: sales.controller.value })
      },
    })
    const wrapper = mount(Page, {
      attachTo: document.body,
      global: { plugins: [pluginFor(server)] },
    })
    const assistant = wrapper.element as InsetAssistantElement
    await vi.waitFor(() => expect(server.count('/v1/dashboards/sales-overview/load')).toBe(1))
    await assistant.ask('What is the revenue?')
    const asked = server.requests.find((r) => r.path === '/v1/assistant')
    expect(asked?.body).toMatchObject({
      context: { dashboardId: 'sales-overview', filters: { region: ['NA'] } },
    })
  })
})
