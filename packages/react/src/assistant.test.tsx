import { InsetAssistantElement, type InsetDashboardElement } from '@inset/elements'
import { createFakeServer } from '@inset/fake-server'
import { act, render } from '@testing-library/react'
import { createRef, StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ready, SERVER } from '../test/render'
import { InsetAssistant, InsetDashboard, InsetProvider } from './index'

describe('<InsetAssistant>', () => {
  it('links to a dashboard by id, and reports answers and its state', async () => {
    const server = createFakeServer()
    const ref = createRef<InsetAssistantElement>()
    const onAnswer = vi.fn()
    const onStateChange = vi.fn()
    render(
      <StrictMode>
        <InsetProvider
          serverUrl={SERVER}
          fetchToken={server.fetchToken}
          fetch={server.fetch}
          theme="dark"
        >
          <InsetDashboard id="sales" dashboardId="sales-overview" filters={{ region: ['EU'] }} />
          <InsetAssistant ref={ref} for="sales" onAnswer={onAnswer} onStateChange={onStateChange} />
        </InsetProvider>
      </StrictMode>,
    )
    const assistant = ref.current!
    expect(assistant).toBeInstanceOf(InsetAssistantElement)
    expect(document.querySelectorAll('inset-assistant')).toHaveLength(1)
    expect(assistant.for).toBe('sales')
    expect(assistant.hasAttribute('for')).toBe(false)
    // One theme channel: the provider's theme is the instance's, which every element follows.
    expect(assistant.theme).toBeUndefined()
    expect(assistant.inset?.theme).toEqual({ mode: 'dark' })
    expect(assistant.dataset.scheme).toBe('dark')
    expect(assistant.inset).toBe((document.getElementById('sales') as InsetDashboardElement).inset)
    await ready(document.getElementById('sales'))

    await act(() => assistant.ask('What is the revenue?'))
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
    // One token for the dashboard and the assistant together.
    expect(server.tokenCalls).toHaveLength(1)
  })
})
