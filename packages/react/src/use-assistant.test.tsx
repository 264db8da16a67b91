import { createFakeServer } from '@inset/fake-server'
import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { providerFor } from '../test/render'
import { useAssistant } from './index'

describe('useAssistant', () => {
  it('asks with its context and streams the answer into messages', async () => {
    const server = createFakeServer()
    const { result, rerender } = renderHook(
      ({ region }) => useAssistant({ dashboardId: 'sales-overview', filters: { region } }),
      { wrapper: providerFor(server), initialProps: { region: ['EU'] } },
    )
    await waitFor(() => expect(result.current.suggestions).toEqual(['Revenue by region']))
    rerender({ region: ['NA'] })
    await act(() => result.current.ask('What is the revenue?'))
    expect(result.current.state).toBe('idle')
    expect(result.current.messages.map((m) => [m.role, m.text, m.status])).toEqual([
      ['user', 'What is the revenue?', 'done'],
      ['assistant', 'Revenue is 600.', 'done'],
    ])
    const asked = server.requests.find((r) => r.path === '/v1/assistant')
    expect(asked?.body).toMatchObject({
      question: 'What is the revenue?',
      context: { dashboardId: 'sales-overview', filters: { region: ['NA'] } },
    })
    expect(server.count('/v1/assistant/suggestions')).toBe(1)

    act(() => result.current.reset())
    expect(result.current.messages).toEqual([])
  })
})
