// POST /v1/assistant and GET /v1/assistant/suggestions over real HTTP with real signed tokens: the
// event protocol as core's client reads it, dashboard context, follow-ups, suggestions, audit.
import { type AssistantSnapshot, type AssistantSuggestions, createInset } from '@inset/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoToken, signTestToken } from '../tokens'
import { type AssistantServer, ask, startAssistantServer } from './ask'

// Generous limits: the whole package's suites share two cores in CI.
describe('the assistant routes', { timeout: 30_000 }, () => {
  let server: AssistantServer
  let alice: string
  let bob: string
  beforeAll(async () => {
    server = await startAssistantServer(undefined, 5_000)
    alice = await demoToken('alice')
    bob = await demoToken('bob')
  }, 60_000)
  afterAll(async () => {
    await server?.close()
  })

  it('streams query → result → chart → text → done for a data question', async () => {
    const answer = await ask(server.url, alice, { question: 'Revenue by region last quarter' })
    expect(answer.status).toBe(200)
    expect(answer.contentType).toContain('text/event-stream')
    expect(answer.events.map((e) => e.event)).toEqual(['query', 'result', 'chart', 'text', 'done'])
    expect(answer.of('query')).toEqual({
      query: {
        dataset: 'orders',
        measures: ['revenue'],
        dimensions: ['region'],
        timeRange: { dimension: 'order_date', from: '2026-07-01', to: '2026-10-01' },
      },
      description: 'Revenue by Region in Q3 2026',
      scope: 'Tenant is acme and Region is EU, NA or APAC',
    })
    const result = answer.of('result')
    expect(result?.columns.map((c) => c.name)).toEqual(['region', 'revenue'])
    expect(result?.rows.map((r) => r[0]).sort()).toEqual(['APAC', 'EU', 'NA'])
    expect(answer.of('chart')).toEqual({ kind: 'breakdown', x: 'region', y: ['revenue'] })
    const [first] = result?.rows ?? []
    expect(answer.text).toContain(`${first?.[0]} comes first`)
    expect(answer.text).toContain('2026-07-01 to 2026-09-30')
    expect(answer.of('done')?.suggestions?.length).toBeGreaterThan(0)
    // Engines never produce SQL: nothing in the stream reads like it.
    expect(JSON.stringify(answer.events)).not.toMatch(/select|from\s+"?orders|group by/i)
  })

  it('answers a question it cannot read with text and suggestions, not an error', async () => {
    const answer = await ask(server.url, alice, { question: 'What is the weather in Paris?' })
    expect(answer.status).toBe(200)
    expect(answer.events.map((e) => e.event)).toEqual(['text', 'done'])
    expect(answer.text).toContain('I did not understand "weather" and "Paris"')
    expect(answer.of('done')?.suggestions).toContain('Revenue by region last quarter')
  })

  it('picks a chart per shape: KPI, time series, table', async () => {
    const kpi = await ask(server.url, alice, { question: 'revenue in 2025' })
    expect(kpi.of('chart')).toEqual({ kind: 'kpi', y: ['revenue'] })
    expect(kpi.of('result')?.rows).toHaveLength(1)
    const series = await ask(server.url, alice, { question: 'orders by month in 2025' })
    expect(series.of('chart')).toEqual({ kind: 'timeseries', x: 'order_date', y: ['orders'] })
    expect(series.of('result')?.rows).toHaveLength(12)
    const table = await ask(server.url, alice, { question: 'revenue by region and channel' })
    expect(table.of('chart')).toEqual({ kind: 'table', x: 'region', y: ['revenue'] })
  })

  it("applies the linked dashboard's filters, which narrow and never widen", async () => {
    const narrowed = await ask(server.url, alice, {
      question: 'revenue by region',
      context: { dashboardId: 'sales-overview', filters: { region: ['EU'], channel: ['online'] } },
    })
    expect(narrowed.of('result')?.rows.map((r) => r[0])).toEqual(['EU'])
    expect(narrowed.of('query')?.description).toContain(
      "the dashboard's filters apply: Region is EU and Channel is online",
    )
    // Bob's token allows EU only: a dashboard filter on NA yields nothing, never NA rows.
    const widened = await ask(server.url, bob, {
      question: 'revenue by region',
      context: { dashboardId: 'sales-overview', filters: { region: ['NA'] } },
    })
    expect(widened.of('result')?.rows).toEqual([])
    expect(widened.text).toContain('No rows match')
  })

  it('continues the conversation from context.history', async () => {
    const answer = await ask(server.url, alice, {
      question: 'what about orders?',
      context: {
        history: [
          { role: 'user', content: 'revenue by region last quarter' },
          { role: 'assistant', content: 'EU comes first…' },
        ],
      },
    })
    expect(answer.of('query')?.query).toMatchObject({
      measures: ['orders'],
      dimensions: ['region'],
    })
  })

  it("works with core's assistant controller, which reads this stream", async () => {
    const inset = createInset({ serverUrl: server.url, fetchToken: async () => alice })
    const chat = inset.assistant({ context: { dashboardId: 'sales-overview' } })
    const snapshots: AssistantSnapshot[] = []
    const unsubscribe = chat.subscribe((snapshot) => snapshots.push(snapshot))
    await chat.ask('Top 3 products by orders this year')
    const answer = chat.getSnapshot().messages.at(-1)
    expect(answer).toMatchObject({
      role: 'assistant',
      status: 'done',
      query: { measures: ['orders'], dimensions: ['product'], limit: 3 },
      chart: { kind: 'breakdown', x: 'product' },
    })
    expect(answer?.result?.rows).toHaveLength(3)
    expect(answer?.text).toContain('comes first')
    expect(answer?.suggestions?.length).toBeGreaterThan(0)
    expect(snapshots.some((s) => s.state === 'streaming')).toBe(true)
    unsubscribe()
    inset.destroy()
  })

  it('writes one audit entry of kind "assistant" per question', async () => {
    const sub = `audit-probe-${Date.now()}`
    const token = await signTestToken({ sub })
    await ask(server.url, token, { question: 'orders by channel' })
    await ask(server.url, token, { question: 'gibberish words' })
    await ask(server.url, token, { question: '' })
    await server.server.runtime.audit.flush()
    const { items } = await server.server.runtime.audit.list({ subject: sub })
    expect(items.map((e) => [e.kind, e.status, e.errorCode ?? null, e.rowCount]).reverse()).toEqual(
      [
        ['assistant', 200, null, 3],
        ['assistant', 200, null, null],
        ['assistant', 400, 'bad_request', null],
      ],
    )
  })

  it('sends CORS headers on the stream for an allowed origin', async () => {
    const answer = await fetch(`${server.url}/v1/assistant`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${alice}`,
        'content-type': 'application/json',
        origin: 'http://localhost:5173',
      },
      body: JSON.stringify({ question: 'orders' }),
    })
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    await answer.text()
  })

  describe('GET /v1/assistant/suggestions', () => {
    const suggestions = async (token: string, query = '') => {
      const response = await fetch(`${server.url}/v1/assistant/suggestions${query}`, {
        headers: { authorization: `Bearer ${token}` },
      })
      return {
        status: response.status,
        body: (await response.json()) as AssistantSuggestions & { error?: { code: string } },
      }
    }

    it('offers questions drawn from the model and the dashboard, each one answerable', async () => {
      const { status, body } = await suggestions(alice, '?dashboardId=sales-overview')
      expect(status).toBe(200)
      expect(body.suggestions).toEqual([
        'Revenue by region last quarter',
        'Revenue by category last quarter',
        'Top 5 products by revenue this year',
        'How many orders did we have last month?',
        'Compare online vs retail revenue this year',
      ])
      for (const question of body.suggestions) {
        const answer = await ask(server.url, alice, {
          question,
          context: { dashboardId: 'sales-overview' },
        })
        expect(answer.of('result'), question).toBeDefined()
      }
      const general = await suggestions(bob)
      expect(general.body.suggestions.length).toBeGreaterThanOrEqual(4)
    })

    it('requires the assistant scope and a granted, existing dashboard', async () => {
      const noAssistant = await signTestToken({ scope: ['dashboard:*'] })
      expect(await suggestions(noAssistant)).toMatchObject({
        status: 403,
        body: { error: { code: 'forbidden' } },
      })
      const onlyOther = await signTestToken({ scope: ['dashboard:ops', 'assistant'] })
      expect(await suggestions(onlyOther, '?dashboardId=sales-overview')).toMatchObject({
        status: 403,
        body: { error: { code: 'forbidden' } },
      })
      expect(await suggestions(alice, '?dashboardId=nope')).toMatchObject({
        status: 404,
        body: { error: { code: 'not_found' } },
      })
    })
  })
})
