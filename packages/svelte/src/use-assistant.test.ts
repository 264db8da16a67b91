import { createFakeServer } from '@inset/test-utils/fake-server'
import { render, screen, waitFor } from '@testing-library/svelte'
import { flushSync, tick } from 'svelte'
import { describe, expect, it } from 'vitest'
import Chat from '../test/Chat.svelte'
import Provider from '../test/Provider.svelte'
import type { UseAssistantResult } from './index'

describe('useAssistant', () => {
  it('asks with its context, streams the answer into messages, and is released on destroy', async () => {
    const server = createFakeServer()
    let chat: UseAssistantResult | undefined
    const { rerender, unmount } = render(Provider, {
      props: {
        server,
        child: Chat,
        regions: ['EU'],
        onresult: (result: UseAssistantResult) => (chat = result),
      },
    })
    await waitFor(() => expect(screen.getByTestId('suggestions').textContent).not.toBe(''))
    expect(chat!.current.suggestions.length).toBeGreaterThan(0)
    await rerender({ regions: ['NA'] })
    await chat!.ask('What is the revenue?')
    flushSync()
    expect(chat!.current.state).toBe('idle')
    expect(chat!.current.messages.map((m) => [m.role, m.text, m.status])).toEqual([
      ['user', 'What is the revenue?', 'done'],
      ['assistant', 'Revenue is 600.', 'done'],
    ])
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'What is the revenue?',
      'Revenue is 600.',
    ])
    const asked = server.requests.find((r) => r.path === '/v1/assistant')
    expect(asked?.body).toMatchObject({
      question: 'What is the revenue?',
      context: { dashboardId: 'sales-overview', filters: { region: ['NA'] } },
    })
    expect(server.count('/v1/assistant/suggestions')).toBe(1)

    chat!.reset()
    flushSync()
    expect(screen.queryAllByRole('listitem')).toEqual([])

    const { controller } = chat!
    unmount()
    await tick()
    expect(controller.getSnapshot().state).toBe('destroyed')
  })
})
