import { createFakeServer } from '@inset/fake-server'
import { describe, expect, it, vi } from 'vitest'
import { createInset } from './inset'

/** A dashboard (loaded) and an assistant linked to it, both listened to, on the fake server. */
async function linked() {
  const server = createFakeServer()
  const inset = createInset(server.options)
  const dashboard = inset.dashboard('sales-overview', { filters: { region: ['EU'] } })
  dashboard.subscribe(() => {})
  await vi.waitFor(() => expect(dashboard.getSnapshot().state).toBe('ready'))
  const chat = inset.assistant({ dashboard })
  const stop = chat.subscribe(() => {})
  /** The `context` of the assistant requests sent so far. */
  const sent = () =>
    server.requests
      .filter((request) => request.path === '/v1/assistant')
      .map((request) => (request.body as { context: unknown }).context)
  return { server, inset, dashboard, chat, stop, sent }
}

describe('ask about a tile', () => {
  it('sends the tile asked about with the filters in effect when asking', async () => {
    const { dashboard, chat, sent, inset } = await linked()
    dashboard.askAbout('revenue')
    expect(chat.getSnapshot().context).toMatchObject({
      dashboardId: 'sales-overview',
      tileId: 'revenue',
      tileTitle: 'Revenue',
      filters: { region: ['EU'] },
    })
    // The filters may change between "Ask about this" and the question: the tile shows the new ones.
    dashboard.setFilters({ region: ['NA', 'APAC'] })
    await chat.ask('break this down by channel')
    expect(sent()).toEqual([
      {
        dashboardId: 'sales-overview',
        tileId: 'revenue',
        filters: { region: ['NA', 'APAC'] },
        history: [],
      },
    ])
    inset.destroy()
  })

  it('starts the conversation at the tile: earlier turns are not sent as history', async () => {
    const { dashboard, chat, sent, inset } = await linked()
    await chat.ask('orders by region')
    dashboard.askAbout('orders')
    await chat.ask('and by channel?')
    await chat.ask('only online')
    const [, first, second] = sent() as Array<{ tileId?: string; history: unknown[] }>
    expect(first).toMatchObject({ tileId: 'orders', history: [] })
    expect(second).toMatchObject({
      tileId: 'orders',
      history: [
        { role: 'user', content: 'and by channel?' },
        { role: 'assistant', content: 'Revenue is 600.' },
      ],
    })
    inset.destroy()
  })

  it('clears the tile with setTile(undefined), reset() and when the dashboard goes', async () => {
    const { dashboard, chat, sent, inset } = await linked()
    dashboard.askAbout('revenue')
    chat.setTile(undefined)
    await chat.ask('revenue by region')
    expect(sent()[0]).not.toHaveProperty('tileId')
    dashboard.askAbout('revenue')
    chat.reset()
    expect(chat.getSnapshot().context).not.toHaveProperty('tileId')
    dashboard.askAbout('revenue')
    dashboard.destroy()
    expect(chat.getSnapshot().context).toEqual({})
    inset.destroy()
  })

  it('ignores tiles the definition does not have', async () => {
    const { dashboard, chat, inset } = await linked()
    dashboard.askAbout('nope')
    expect(chat.getSnapshot().context).not.toHaveProperty('tileId')
    inset.destroy()
  })

  it('says whether anyone listens (canAskAbout), and tells headless listeners', async () => {
    const { dashboard, stop, inset } = await linked()
    expect(dashboard.getSnapshot().canAskAbout).toBe(true)
    stop()
    expect(dashboard.getSnapshot().canAskAbout).toBe(false)
    const heard = vi.fn()
    const off = dashboard.onAskAbout(heard)
    expect(dashboard.getSnapshot().canAskAbout).toBe(true)
    dashboard.askAbout('orders')
    expect(heard).toHaveBeenCalledWith({
      tileId: 'orders',
      tileTitle: 'Orders',
      filters: { region: ['EU'] },
    })
    off()
    dashboard.askAbout('orders')
    expect(heard).toHaveBeenCalledTimes(1)
    inset.destroy()
  })

  it('needs no dashboard: setTile with an own dashboardId', async () => {
    const server = createFakeServer()
    const inset = createInset(server.options)
    const chat = inset.assistant({ context: { dashboardId: 'sales-overview' } })
    chat.setTile({ tileId: 'orders', tileTitle: 'Orders' })
    await chat.ask('by channel')
    const request = server.requests.find((r) => r.path === '/v1/assistant')
    expect(request?.body).toEqual({
      question: 'by channel',
      context: { dashboardId: 'sales-overview', tileId: 'orders', history: [] },
    })
    inset.destroy()
  })
})
