import { createFakeServer } from '@inset/test-utils/fake-server'
import { describe, expect, it, vi } from 'vitest'
import { nextTick, ref } from 'vue'
import { withSetup } from '../test/render'
import { useAssistant, useDashboard } from './index'

describe('useAssistant', () => {
  it('asks with its context refs and streams the answer into messages', async () => {
    const server = createFakeServer()
    const region = ref(['EU'])
    const { result } = withSetup(server, () =>
      useAssistant({ dashboardId: 'sales-overview', filters: () => ({ region: region.value }) }),
    )
    await vi.waitFor(() => expect(result.suggestions.value).toEqual(['Revenue by region']))
    region.value = ['NA']
    await nextTick()
    expect(result.context.value).toEqual({
      dashboardId: 'sales-overview',
      filters: { region: ['NA'] },
    })
    await result.ask('What is the revenue?')
    expect(result.state.value).toBe('idle')
    expect(result.messages.value.map((m) => [m.role, m.text, m.status])).toEqual([
      ['user', 'What is the revenue?', 'done'],
      ['assistant', 'Revenue is 600.', 'done'],
    ])
    const asked = server.requests.find((r) => r.path === '/v1/assistant')
    expect(asked?.body).toMatchObject({
      question: 'What is the revenue?',
      context: { dashboardId: 'sales-overview', filters: { region: ['NA'] } },
    })
    expect(server.count('/v1/assistant/suggestions')).toBe(1)

    result.reset()
    expect(result.messages.value).toEqual([])
  })

  it("follows a useDashboard controller's filters, and survives another dashboard id", async () => {
    const server = createFakeServer()
    const id = ref('sales-overview')
    const { result } = withSetup(server, () => {
      const dashboard = useDashboard(id)
      return { dashboard, assistant: useAssistant({ dashboard: dashboard.controller }) }
    })
    const { dashboard, assistant } = result
    await vi.waitFor(() => expect(dashboard.state.value).toBe('ready'))
    dashboard.setFilters({ region: ['APAC'] })
    await nextTick()
    expect(assistant.context.value).toEqual({
      dashboardId: 'sales-overview',
      filters: { region: ['APAC'] },
    })
    await assistant.ask('What is the revenue?')
    const asked = server.requests.find((r) => r.path === '/v1/assistant')
    expect(asked?.body).toMatchObject({ context: { filters: { region: ['APAC'] } } })

    // Another dashboard: the assistant follows the new controller and keeps the conversation.
    id.value = 'missing'
    await nextTick()
    await nextTick()
    expect(assistant.context.value.dashboardId).toBe('missing')
    expect(assistant.messages.value).toHaveLength(2)
  })

  it('stops with its component: nothing more is sent', async () => {
    const server = createFakeServer()
    const { result, wrapper } = withSetup(server, () => useAssistant())
    await vi.waitFor(() => expect(result.suggestions.value).toHaveLength(1))
    wrapper.unmount()
    expect(result.state.value).toBe('destroyed')
    const before = server.requests.length
    await result.ask('What is the revenue?')
    expect(server.requests.length).toBe(before)
  })
})
