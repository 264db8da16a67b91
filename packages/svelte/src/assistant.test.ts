import { InsetAssistantElement, type InsetDashboardElement } from '@inset/elements'
import { createFakeServer } from '@inset/test-utils/fake-server'
import { render, screen } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import Linked from '../test/Linked.svelte'
import Provider from '../test/Provider.svelte'
import { ready } from '../test/render'

function setup(link: 'for' | 'controller') {
  const server = createFakeServer()
  const onanswer = vi.fn()
  const onstatechange = vi.fn()
  const onelement = vi.fn()
  render(Provider, {
    props: {
      server,
      child: Linked,
      link,
      onanswer,
      onstatechange,
      onelement,
      contextTheme: 'dark',
    },
  })
  const assistant = document.querySelector('inset-assistant') as InsetAssistantElement
  return { server, assistant, onanswer, onstatechange, onelement }
}

describe('<InsetAssistant>', () => {
  it('links to a dashboard by id, and reports answers and its state', async () => {
    const { server, assistant, onanswer, onstatechange, onelement } = setup('for')
    expect(assistant).toBeInstanceOf(InsetAssistantElement)
    expect(onelement).toHaveBeenLastCalledWith(assistant)
    expect(document.querySelectorAll('inset-assistant')).toHaveLength(1)
    expect(assistant.for).toBe('sales')
    expect(assistant.hasAttribute('for')).toBe(false)
    // One theme channel: the context's theme is the instance's, which every element follows.
    expect(assistant.theme).toBeUndefined()
    expect(assistant.inset?.theme).toEqual({ mode: 'dark' })
    expect(assistant.dataset.scheme).toBe('dark')
    expect(assistant.inset).toBe((document.getElementById('sales') as InsetDashboardElement).inset)
    await ready(document.getElementById('sales'))

    await assistant.ask('What is the revenue?')
    expect(onanswer).toHaveBeenCalledTimes(1)
    expect(onanswer.mock.calls[0]![0].detail).toMatchObject({
      question: 'What is the revenue?',
      text: 'Revenue is 600.',
    })
    expect(onstatechange.mock.calls.map(([event]) => event.detail.state)).toContain('streaming')
    const asked = server.requests.find((r) => r.path === '/v1/assistant')
    expect(asked?.body).toMatchObject({
      context: { dashboardId: 'sales-overview', filters: { region: ['EU'] } },
    })
    // One token for the dashboard and the assistant together.
    expect(server.tokenCalls).toHaveLength(1)
  })

  it('follows a headless dashboard given as its controller', async () => {
    const { server, assistant } = setup('controller')
    await screen.findByText('ready')
    await assistant.ask('What is the revenue?')
    const asked = server.requests.find((r) => r.path === '/v1/assistant')
    expect(asked?.body).toMatchObject({
      context: { dashboardId: 'sales-overview', filters: { region: ['APAC'] } },
    })
    expect(server.tokenCalls).toHaveLength(1)
  })
})
