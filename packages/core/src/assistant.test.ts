import { describe, expect, it } from 'vitest'
import { createFakeApi, resultOf } from '../test/fake-api'
import { createIssuer } from '../test/support'
import { createAssistantController } from './assistant'
import { InsetError } from './errors'
import { defaultScheduler } from './timing'
import { createTokenSource } from './token-source'

function setup(context = { dashboardId: 'sales-overview' }) {
  const fake = createFakeApi()
  const tokens = createTokenSource({ fetchToken: createIssuer().fetchToken, environment: null })
  const chat = createAssistantController(
    { api: fake.api, tokens, scheduler: defaultScheduler, random: Math.random },
    { context },
  )
  return { ...fake, tokens, chat }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('assistant controller', () => {
  it('loads starter suggestions on the first subscriber', async () => {
    const { chat, pending } = setup()
    expect(pending()).toHaveLength(0)
    const stop = chat.subscribe(() => {})
    expect(pending('suggestions')[0]!.args).toEqual(['sales-overview'])
    pending('suggestions')[0]!.resolve({ suggestions: ['Revenue by region'] })
    await tick()
    expect(chat.getSnapshot().suggestions).toEqual(['Revenue by region'])
    stop()
    chat.subscribe(() => {})
    expect(pending('suggestions')).toHaveLength(0)
  })

  it('streams an answer into one message, then marks it done with follow-ups', async () => {
    const { chat, streams } = setup()
    const answered = chat.ask('  Revenue by region?  ')
    expect(chat.getSnapshot()).toMatchObject({
      state: 'streaming',
      messages: [
        { role: 'user', text: 'Revenue by region?', status: 'done' },
        { role: 'assistant', text: '', status: 'streaming' },
      ],
    })
    const stream = streams[0]!
    expect(stream.args[0]).toEqual({
      question: 'Revenue by region?',
      context: { dashboardId: 'sales-overview', history: [] },
    })
    stream.push({ event: 'text', data: { delta: 'Revenue ' } })
    stream.push({ event: 'text', data: { delta: 'by region' } })
    const query = { dataset: 'orders', measures: ['revenue'], dimensions: ['region'] }
    stream.push({ event: 'query', data: { query, description: 'Revenue by region' } })
    stream.push({ event: 'result', data: resultOf(7) })
    stream.push({ event: 'chart', data: { kind: 'breakdown', x: 'region', y: ['revenue'] } })
    stream.push({ event: 'done', data: { suggestions: ['And by channel?'] } })
    stream.end()
    await answered
    const snapshot = chat.getSnapshot()
    expect(snapshot.state).toBe('idle')
    expect(snapshot.suggestions).toEqual(['And by channel?'])
    expect(snapshot.messages[1]).toMatchObject({
      role: 'assistant',
      text: 'Revenue by region',
      status: 'done',
      query,
      description: 'Revenue by region',
      result: resultOf(7),
      chart: { kind: 'breakdown', x: 'region', y: ['revenue'] },
      suggestions: ['And by channel?'],
    })
    expect(snapshot.messages[0]!.id).not.toBe(snapshot.messages[1]!.id)
  })

  it('sends the previous turns as history, with the current context', async () => {
    const { chat, streams } = setup()
    const first = chat.ask('Revenue?')
    streams[0]!.push({ event: 'text', data: { delta: '42' } })
    streams[0]!.end()
    await first
    chat.setContext({ dashboardId: 'sales-overview', filters: { region: ['EU'] } })
    void chat.ask('And last year?')
    expect(streams[1]!.args[0]).toEqual({
      question: 'And last year?',
      context: {
        dashboardId: 'sales-overview',
        filters: { region: ['EU'] },
        history: [
          { role: 'user', content: 'Revenue?' },
          { role: 'assistant', content: '42' },
        ],
      },
    })
  })

  it('turns an error event into a failed message with its code', async () => {
    const { chat, streams } = setup()
    const answered = chat.ask('Margin?')
    streams[0]!.push({ event: 'error', data: { code: 'query', message: 'No margin measure' } })
    streams[0]!.end()
    await answered
    const failed = chat.getSnapshot().messages[1]!
    expect(failed).toMatchObject({
      status: 'error',
      error: { code: 'query', message: 'No margin measure' },
    })
    expect(failed.error).toBeInstanceOf(InsetError)
  })

  it('turns a failed request into a failed message; the conversation goes on', async () => {
    const { chat, streams } = setup()
    const answered = chat.ask('Margin?')
    streams[0]!.end(new InsetError('rate_limited', 'Slow down', { status: 429 }))
    await answered
    expect(chat.getSnapshot().messages[1]).toMatchObject({
      status: 'error',
      error: { code: 'rate_limited' },
    })
    void chat.ask('Revenue?')
    expect(chat.getSnapshot().messages).toHaveLength(4)
    // Failed answers are not sent back as history.
    expect((streams[1]!.args[0] as { context: { history: unknown[] } }).context.history).toEqual([
      { role: 'user', content: 'Margin?' },
    ])
  })

  it('cancel() keeps what arrived; a new question cancels the one in flight', async () => {
    const { chat, streams } = setup()
    const first = chat.ask('One?')
    streams[0]!.push({ event: 'text', data: { delta: 'Partial' } })
    await tick()
    const second = chat.ask('Two?')
    expect(streams[0]!.signal!.aborted).toBe(true)
    await first
    expect(chat.getSnapshot().messages[1]).toMatchObject({ text: 'Partial', status: 'done' })
    expect(chat.getSnapshot().state).toBe('streaming')
    chat.cancel()
    await second
    expect(chat.getSnapshot().state).toBe('idle')
    expect(chat.getSnapshot().messages.map((message) => message.status)).toEqual([
      'done',
      'done',
      'done',
      'done',
    ])
  })

  it('reset() clears the conversation; destroy() stops everything', async () => {
    const { chat, streams, pending, calls } = setup()
    chat.subscribe(() => {})
    void chat.ask('One?')
    chat.reset()
    expect(streams[0]!.signal!.aborted).toBe(true)
    expect(chat.getSnapshot()).toMatchObject({ state: 'idle', messages: [], suggestions: [] })
    // The first suggestions request was superseded by the reset's.
    expect(calls.filter((call) => call.kind === 'suggestions')).toHaveLength(2)
    expect(pending('suggestions')).toHaveLength(1)
    chat.destroy()
    expect(pending('suggestions')).toHaveLength(0)
    expect(chat.getSnapshot().state).toBe('destroyed')
    await chat.ask('Anyone?')
    expect(streams).toHaveLength(1)
  })

  it('refuses an empty question', async () => {
    const { chat } = setup()
    await expect(chat.ask('   ')).rejects.toMatchObject({ code: 'bad_request' })
    expect(chat.getSnapshot().messages).toHaveLength(0)
  })

  it('reloads suggestions when the linked dashboard changes, and ignores equal contexts', () => {
    const { chat, pending } = setup()
    const seen: unknown[] = []
    chat.subscribe((snapshot) => seen.push(snapshot))
    pending('suggestions')[0]!.resolve({ suggestions: [] })
    chat.setContext({ dashboardId: 'sales-overview' })
    expect(seen).toHaveLength(0)
    chat.setContext({ dashboardId: 'marketing' })
    expect(pending('suggestions').map((call) => call.args)).toEqual([['marketing']])
  })
})
