// Row-level security of the assistant: bob (tenant globex, region EU) gets globex/EU rows only, and a
// question naming another tenant gets no rows of it. (The evaluation suite compares bob's numbers.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoToken } from '../tokens'
import { type AssistantServer, ask, startAssistantServer } from './ask'

// Generous limits: the whole package's suites share two cores in CI.
describe('assistant answers under row-level security', { timeout: 30_000 }, () => {
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

  const total = async (where: string) =>
    (await server.sql(`SELECT ROUND(SUM(amount), 2) FROM orders WHERE ${where}`))[0]?.[0]

  it('groups only what bob may see', async () => {
    const byTenant = await ask(server.url, bob, { question: 'revenue by tenant' })
    expect(byTenant.of('result')?.rows).toEqual([
      ['globex', await total("tenant_id = 'globex' AND region = 'EU'")],
    ])
    const byRegion = await ask(server.url, bob, { question: 'orders by region and channel' })
    expect(new Set(byRegion.of('result')?.rows.map((r) => r[0]))).toEqual(new Set(['EU']))
    const byCountry = await ask(server.url, bob, { question: 'revenue by country' })
    const countries = byCountry.of('result')?.rows.map((r) => r[0]) ?? []
    expect(countries.length).toBeGreaterThan(0)
    expect(
      countries.every((c) => ['DE', 'FR', 'GB', 'NL', 'ES', 'IT', 'SE'].includes(String(c))),
    ).toBe(true)
  })

  it.each([
    'revenue for acme',
    'how many orders did initech have last year',
    'revenue of tenant acme by region',
  ])('bob asking "%s" gets no rows of another tenant', async (question) => {
    const answer = await ask(server.url, bob, { question })
    expect(answer.status).toBe(200)
    // bob's vocabulary holds only globex: the other tenant's name is not understood, nothing runs.
    expect(answer.of('result')).toBeUndefined()
    expect(answer.text).toMatch(/I did not understand "(acme|initech)"/)
    expect(answer.of('done')).toBeDefined()
  })

  it('a region bob may not see yields nothing, not that region', async () => {
    const answer = await ask(server.url, bob, { question: 'revenue in NA by tenant' })
    expect(answer.of('query')?.query.filters).toEqual([
      { dimension: 'region', op: 'in', values: ['NA'] },
    ])
    expect(answer.of('result')?.rows).toEqual([])
  })

  it('alice can name her own tenant', async () => {
    const answer = await ask(server.url, alice, { question: 'revenue for acme' })
    expect(answer.of('result')?.rows).toEqual([[await total("tenant_id = 'acme'")]])
  })

  it("suggests nothing from other tenants' data", async () => {
    const response = await fetch(`${server.url}/v1/assistant/suggestions`, {
      headers: { authorization: `Bearer ${bob}` },
    })
    const text = await response.text()
    expect(text).not.toMatch(/acme|initech/i)
    const answer = await ask(server.url, bob, { question: 'revenue by channel' })
    expect(JSON.stringify(answer.events)).not.toMatch(/acme|initech/i)
  })
})
