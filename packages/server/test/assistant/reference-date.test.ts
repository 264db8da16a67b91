// The demo's "today" (`assistant.referenceDate: end-of-data`): the day after the asker's last order
// while the real date is later, so relative periods land on data however long after 2026-10-31 it runs.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { addDays } from '../../src/assistant/time/calendar'
import { demoToken } from '../tokens'
import { type AssistantServer, ask, startAssistantServer } from './ask'

describe('the demo assistant’s today', { timeout: 30_000 }, () => {
  let server: AssistantServer
  beforeAll(async () => {
    // The demo's own configuration, without the suites' pinned date.
    server = await startAssistantServer(
      (config) => ({ ...config, assistant: { referenceDate: 'end-of-data' } }),
      5_000,
    )
  }, 60_000)
  afterAll(() => server?.close())
  afterEach(() => vi.useRealTimers())

  const lastOrder = async (where: string) =>
    String((await server.sql(`SELECT MAX(order_date) FROM orders WHERE ${where}`))[0]?.[0])
  const rangeOf = async (user: 'alice' | 'bob', question: string) => {
    const answer = await ask(server.url, await demoToken(user), { question })
    expect(answer.status).toBe(200)
    const range = answer.of('query')?.query.timeRange
    return { from: range?.from, to: range?.to, value: answer.of('result')?.rows[0]?.[0] }
  }

  it('is the day after the asker’s last order once the data has ended', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2031-03-14T09:00:00Z'))
    expect(await rangeOf('alice', 'How many orders last month?')).toMatchObject({
      from: '2026-10-01',
      to: '2026-11-01',
    })
    expect(await rangeOf('alice', 'revenue last quarter')).toMatchObject({
      from: '2026-07-01',
      to: '2026-10-01',
    })
    // "Yesterday" is each asker's own last day with orders (row-level security applies).
    for (const [user, where] of [
      ['alice', "tenant_id = 'acme'"],
      ['bob', "tenant_id = 'globex' AND region = 'EU'"],
    ] as const) {
      const last = await lastOrder(where)
      const count = (
        await server.sql(`SELECT COUNT(*) FROM orders WHERE ${where} AND order_date = $1`, [last])
      )[0]?.[0]
      expect(await rangeOf(user, 'How many orders yesterday?')).toEqual({
        from: last,
        to: addDays(last, 1),
        value: count,
      })
    }
  })

  it('is the real date while that comes before the end of the data', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-08-20T09:00:00Z'))
    expect(await rangeOf('alice', 'How many orders last month?')).toMatchObject({
      from: '2026-07-01',
      to: '2026-08-01',
    })
  })
})
