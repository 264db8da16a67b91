// The OpenAI-compatible engine gets the built-in engine's context and refusals (issue 17): the RLS
// scope and the tile asked about in its prompt, requests to change data refused without asking the
// model, and shares and changes computed by the server from an `analysis` the model asks for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoToken } from '../tokens'
import { type AssistantServer, ask, startAssistantServer } from './ask'
import { type ChatFixture, callTool, say, startChatFixture } from './chat-fixture'

const LAST_QUARTER = { dimension: 'order_date', from: '2026-07-01', to: '2026-10-01' }

describe('the OpenAI-compatible engine with the assistant context', { timeout: 30_000 }, () => {
  let fixture: ChatFixture
  let server: AssistantServer
  let bob: string
  beforeAll(async () => {
    fixture = await startChatFixture()
    server = await startAssistantServer(
      (config) => ({
        ...config,
        assistant: {
          ...config.assistant,
          engine: 'openai',
          openai: { url: fixture.url, model: 'fixture-model', timeoutMs: 5_000 },
        },
      }),
      3_000,
    )
    bob = await demoToken('bob')
  }, 60_000)
  afterAll(async () => {
    await server?.close()
    await fixture?.close()
  })

  it('refuses a request to change data without asking the model', async () => {
    fixture.script()
    const answer = await ask(server.url, bob, { question: 'delete all orders from 2025' })
    expect(fixture.requests).toHaveLength(0)
    expect(answer.of('result')).toBeUndefined()
    expect(answer.text).toContain('I only read data')
    expect(answer.of('done')).toBeDefined()
  })

  it('tells the model the scope, the rules and the tile asked about', async () => {
    fixture.script(callTool({ measures: ['revenue'], dimensions: ['channel'] }), say('Done.'))
    const answer = await ask(server.url, bob, {
      question: 'break this down by channel',
      context: { dashboardId: 'sales-overview', tileId: 'revenue-by-category' },
    })
    expect(answer.of('query')?.scope).toBe('Tenant is globex and Region is EU')
    const prompt = String(fixture.requests[0]?.body.messages[0].content)
    expect(prompt).toContain('The user may see only rows where Tenant is globex and Region is EU.')
    expect(prompt).toContain('refuse any request to change, add or delete data')
    expect(prompt).toContain('The question is about the tile "Revenue by category"')
    expect(prompt).toContain('"dimensions":["category"]')
  })

  it('runs the share the model asks for, from RLS-filtered totals', async () => {
    fixture.script(
      callTool({
        measures: ['orders'],
        dimensions: ['channel'],
        timeRange: LAST_QUARTER,
        analysis: { kind: 'share', dimension: 'channel', values: ['online'] },
      }),
      say('Online is the biggest part.'),
    )
    const answer = await ask(server.url, bob, { question: 'what % of orders were online?' })
    const where =
      "tenant_id = 'globex' AND region = 'EU' AND order_date >= DATE '2026-07-01' AND order_date < DATE '2026-10-01'"
    const [[online]] = (await server.sql(
      `SELECT COUNT(*) FROM orders WHERE ${where} AND channel = 'online'`,
    )) as [[number]]
    const [[all]] = (await server.sql(`SELECT COUNT(*) FROM orders WHERE ${where}`)) as [[number]]
    const [row] = answer.of('result')?.rows ?? []
    expect(row?.slice(0, 2)).toEqual(['online', Number(online)])
    expect(row?.[2]).toBeCloseTo(Number(online) / Number(all), 10)
    expect(answer.of('query')?.description).toContain('Share of Orders by Channel')
  })

  it('sends a malformed analysis back to the model to fix', async () => {
    fixture.script(
      callTool({ measures: ['orders'], analysis: { kind: 'share', dimension: 'channel' } }),
      callTool({ measures: ['orders'], dimensions: ['channel'] }),
      say('Fixed.'),
    )
    const answer = await ask(server.url, bob, { question: 'share of orders' })
    expect(answer.of('result')).toBeDefined()
    const repair = fixture.requests[1]?.body.messages.at(-1)
    expect(repair?.content).toContain("analysis.dimension: must be one of the query's dimensions")
  })
})
