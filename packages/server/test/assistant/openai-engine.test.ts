// The OpenAI-compatible engine over real HTTP: the Inset server talks to a local chat-completions
// fixture that streams tool calls and text, stalls, or answers nonsense.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOpenAIEngine, useAssistantEngine } from '../../src/assistant/index'
import { demoToken } from '../tokens'
import { type AssistantServer, ask, startAssistantServer, TODAY } from './ask'
import {
  type ChatFixture,
  callTool,
  say,
  startChatFixture,
  textChunks,
  writeEvents,
} from './chat-fixture'

const LAST_QUARTER = { dimension: 'order_date', from: '2026-07-01', to: '2026-10-01' }
const BY_REGION = { measures: ['revenue'], dimensions: ['region'], timeRange: LAST_QUARTER }
const ENGINE = {
  model: 'fixture-model',
  apiKey: 'sk-fixture',
  repairAttempts: 2,
  temperature: 0,
  maxResultRows: 100,
}

// Generous limits: the whole package's suites share two cores in CI.
describe('the OpenAI-compatible engine', { timeout: 30_000 }, () => {
  let fixture: ChatFixture
  let server: AssistantServer
  let alice: string
  let bob: string
  beforeAll(async () => {
    fixture = await startChatFixture()
    server = await startAssistantServer(
      (config) => ({
        ...config,
        assistant: {
          ...config.assistant,
          engine: 'openai',
          openai: {
            url: fixture.url,
            model: 'fixture-model',
            apiKey: 'sk-fixture',
            timeoutMs: 5_000,
          },
        },
      }),
      3_000,
    )
    alice = await demoToken('alice')
    bob = await demoToken('bob')
  }, 60_000)
  afterAll(async () => {
    await server?.close()
    await fixture?.close()
  })
  const sqlRows = (where: string) =>
    server.sql(
      `SELECT region, ROUND(SUM(amount), 2) AS v FROM orders WHERE ${where} AND order_date >= DATE '2026-07-01' AND order_date < DATE '2026-10-01' GROUP BY region ORDER BY v DESC, region`,
    )

  it('asks with a tool over the model, runs the call with RLS, streams the text back', async () => {
    fixture.script(callTool(BY_REGION), say('EU leads', ' the quarter', '.'))
    const answer = await ask(server.url, alice, { question: 'How did regions do last quarter?' })
    expect(answer.events.map((e) => e.event)).toEqual([
      'query',
      'result',
      'chart',
      'text',
      'text',
      'text',
      'done',
    ])
    expect(answer.of('query')).toEqual({
      query: { dataset: 'orders', ...BY_REGION },
      description: 'Revenue by Region in Q3 2026',
      scope: 'Tenant is acme and Region is EU, NA or APAC',
    })
    expect(answer.of('result')?.rows).toEqual(await sqlRows("tenant_id = 'acme'"))
    expect(answer.text).toBe('EU leads the quarter.')

    const [first, second] = fixture.requests
    expect(first?.path).toBe('/v1/chat/completions')
    expect(first?.headers.authorization).toBe('Bearer sk-fixture')
    expect(first?.body).toMatchObject({
      model: 'fixture-model',
      stream: true,
      tool_choice: 'auto',
      temperature: 0,
    })
    const tool = first?.body.tools[0].function
    expect(tool.name).toBe('run_query')
    expect(tool.parameters.properties.measures.items.enum).toEqual([
      'revenue',
      'orders',
      'customers',
      'avg_order_value',
      'units',
    ])
    expect(first?.body.messages[0].content).toContain(`Today is ${TODAY}`)
    expect(first?.body.messages.at(-1)).toEqual({
      role: 'user',
      content: 'How did regions do last quarter?',
    })
    // The model sees the result of the RLS-filtered query, nothing else.
    expect(second?.body.tool_choice).toBe('none')
    const toolMessage = second?.body.messages.at(-1)
    expect(toolMessage).toMatchObject({ role: 'tool', tool_call_id: 'call_1' })
    expect(JSON.parse(toolMessage.content).rows).toEqual(await sqlRows("tenant_id = 'acme'"))
  })

  it("shows the model only bob's rows, and no other tenant's values", async () => {
    fixture.script(callTool(BY_REGION), say('Only EU.'))
    const answer = await ask(server.url, bob, { question: 'revenue by region last quarter' })
    const bobRows = await sqlRows("tenant_id = 'globex' AND region = 'EU'")
    expect(answer.of('result')?.rows).toEqual(bobRows)
    const [first, second] = fixture.requests
    expect(JSON.parse(second?.body.messages.at(-1).content).rows).toEqual(bobRows)
    expect(JSON.stringify(first?.body)).not.toMatch(/acme|initech/)

    // A model that names another tenant gets that tenant's rows filtered away by RLS.
    fixture.script(
      callTool({
        measures: ['revenue'],
        filters: [{ dimension: 'tenant', op: 'in', values: ['acme'] }],
      }),
      say('Nothing there.'),
    )
    const other = await ask(server.url, bob, { question: 'revenue of acme' })
    expect(other.of('result')?.rows).toEqual([[null]])
    expect(JSON.parse(fixture.requests[1]?.body.messages.at(-1).content).rows).toEqual([[null]])
  })

  it('sends a refused tool call back to the model, which fixes it', async () => {
    fixture.script(
      callTool({ measures: ['profit'] }),
      callTool({ measures: ['orders'] }),
      say('1,234 orders.'),
    )
    const answer = await ask(server.url, alice, { question: 'how many orders' })
    expect(answer.of('query')?.query).toEqual({ dataset: 'orders', measures: ['orders'] })
    expect(fixture.requests).toHaveLength(3)
    const refusal = fixture.requests[1]?.body.messages.at(-1)
    expect(refusal).toMatchObject({ role: 'tool', tool_call_id: 'call_1' })
    expect(refusal.content).toMatch(/^Refused: query.measures\[0\]: unknown measure "profit"/)
    expect(answer.of('error')).toBeUndefined()
  })

  it('gives up with a `query` error after the repair attempts, without running anything', async () => {
    fixture.script(
      callTool('{"measures": ["revenue"'),
      callTool({ measures: ['revenue'], dataset: 'payroll' }),
      callTool({ measures: ['revenue'], limit: 10_000_000 }),
    )
    const answer = await ask(server.url, alice, { question: 'revenue' })
    expect(answer.events.map((e) => e.event)).toEqual(['error'])
    expect(answer.of('error')).toEqual({
      code: 'query',
      message:
        'The language model did not produce a valid query: query.limit: at most 10000, got 10000000',
    })
    expect(fixture.requests.map((r) => r.body.messages.at(-1).content)).toEqual([
      'revenue',
      'Refused: the arguments are not valid JSON. Call run_query again with a corrected query.',
      'Refused: only the dataset "orders" can be queried. Call run_query again with a corrected query.',
    ])
  })

  it('relays a reply without a tool call as text', async () => {
    fixture.script(say('I can only answer ', 'questions about orders.'))
    const answer = await ask(server.url, alice, { question: 'who are you?' })
    expect(answer.events.map((e) => e.event)).toEqual(['text', 'text', 'done'])
    expect(answer.text).toBe('I can only answer questions about orders.')
  })

  it('reads endpoints that ignore stream: true and answer JSON', async () => {
    const completion = (message: object, finish: string) => ({
      id: 'x',
      object: 'chat.completion',
      choices: [{ index: 0, message, finish_reason: finish }],
    })
    fixture.script(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify(
            completion(
              {
                role: 'assistant',
                content: null,
                tool_calls: [
                  {
                    id: 'c9',
                    type: 'function',
                    function: { name: 'run_query', arguments: '{"measures":["units"]}' },
                  },
                ],
              },
              'tool_calls',
            ),
          ),
        )
      },
      (_req, res) => {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify(completion({ role: 'assistant', content: 'Plenty.' }, 'stop')))
      },
    )
    const answer = await ask(server.url, alice, { question: 'units' })
    expect(answer.of('query')?.query).toEqual({ dataset: 'orders', measures: ['units'] })
    expect(answer.text).toBe('Plenty.')
  })

  it.each([
    ['an event that is not JSON', ['{"choices": [', '{}']],
    ['an event without choices', [{ id: 'x' }]],
    [
      'a tool call without a name',
      [
        {
          choices: [
            {
              index: 0,
              delta: { tool_calls: [{ index: 0, id: 'c', function: { arguments: '{}' } }] },
              finish_reason: 'tool_calls',
            },
          ],
        },
      ],
    ],
  ])('turns a malformed reply (%s) into a `server` error', async (_name, events) => {
    fixture.script((_req, res) => writeEvents(res, events as Array<object | string>))
    const answer = await ask(server.url, alice, { question: 'revenue' })
    expect(answer.of('error')).toMatchObject({
      code: 'server',
      message: expect.stringContaining('malformed reply'),
    })
  })

  it('turns a stream that stops early, or the wrong content type, into a `server` error', async () => {
    fixture.script((_req, res) => writeEvents(res, textChunks('half').slice(0, 2), { done: false }))
    const early = await ask(server.url, alice, { question: 'revenue' })
    expect(early.of('error')).toMatchObject({
      code: 'server',
      message: expect.stringContaining('ended before the reply did'),
    })
    fixture.script((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>proxy</h1>')
    })
    const html = await ask(server.url, alice, { question: 'revenue' })
    expect(html.of('error')).toMatchObject({
      code: 'server',
      message: expect.stringContaining('unexpected content type "text/html"'),
    })
  })

  it.each([
    [500, 'server', 'answered 500: upstream exploded'],
    [401, 'server', 'refused the API key (401)'],
    [429, 'rate_limited', 'rate limited (429)'],
  ])('maps an endpoint status %i to `%s`', async (status, code, message) => {
    fixture.script((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end('upstream exploded')
    })
    const answer = await ask(server.url, alice, { question: 'revenue' })
    expect(answer.events.map((e) => e.event)).toEqual(['error'])
    expect(answer.of('error')).toMatchObject({ code, message: expect.stringContaining(message) })
  })

  describe('with a short timeout', () => {
    beforeAll(() => {
      useAssistantEngine(
        server.server.runtime,
        createOpenAIEngine({ ...ENGINE, url: fixture.url, timeoutMs: 800 }),
      )
    })
    afterAll(() => {
      useAssistantEngine(
        server.server.runtime,
        createOpenAIEngine({ ...ENGINE, url: fixture.url, timeoutMs: 5_000 }),
      )
    })

    it('times out an endpoint that never answers, and a stream that stalls', async () => {
      fixture.script(() => {})
      const silent = await ask(server.url, alice, { question: 'revenue' })
      expect(silent.of('error')).toEqual({
        code: 'timeout',
        message: 'The language model endpoint did not answer within 800 ms',
      })
      await fixture.requests[0]?.aborted

      fixture.script((_req, res) =>
        writeEvents(res, textChunks('Thinking').slice(0, 2), { done: false, end: false }),
      )
      const stalled = await ask(server.url, alice, { question: 'revenue' })
      expect(stalled.events.map((e) => e.event)).toEqual(['text', 'error'])
      expect(stalled.of('error')?.code).toBe('timeout')
      // The engine hung up on the endpoint.
      await fixture.requests[0]?.aborted
    })
  })

  it('reports an unreachable endpoint as `network`', async () => {
    const closed = await startChatFixture()
    await closed.close()
    useAssistantEngine(
      server.server.runtime,
      createOpenAIEngine({ ...ENGINE, url: closed.url, timeoutMs: 5_000 }),
    )
    try {
      const answer = await ask(server.url, alice, { question: 'revenue' })
      expect(answer.of('error')).toEqual({
        code: 'network',
        message: 'The language model endpoint is unreachable',
      })
    } finally {
      useAssistantEngine(
        server.server.runtime,
        createOpenAIEngine({ ...ENGINE, url: fixture.url, timeoutMs: 5_000 }),
      )
    }
  })

  it('hangs up on the endpoint when the client goes away', async () => {
    fixture.script((_req, res) =>
      writeEvents(res, textChunks('Thinking').slice(0, 2), { done: false, end: false }),
    )
    const client = new AbortController()
    const response = await fetch(`${server.url}/v1/assistant`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice}`, 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'revenue' }),
      signal: client.signal,
    })
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    const { value } = await reader.read()
    expect(new TextDecoder().decode(value)).toContain('event: text')
    client.abort()
    // Resolves only when the server closed its request to the endpoint.
    await fixture.requests[0]?.aborted
  })
})
