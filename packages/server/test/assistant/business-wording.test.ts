// Issue 17, one class at a time, over real HTTP with real signed tokens: misspellings, ordinary
// wording, shares, growth, periods side by side, chained follow-ups, everyday names of values,
// questions about a tile, refusals with the real reason, and answers that say what they computed.
// Expected numbers come from SQL written here, run directly on the demo database (no semantic
// layer); every result also passes the hard row-level-security check in `ask`.
import type { AssistantTurn, CellValue } from '@inset/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoToken } from '../tokens'
import { type AssistantServer, ask, startAssistantServer } from './ask'

const ALICE = "tenant_id = 'acme'"
const BOB = "tenant_id = 'globex' AND region = 'EU'"
const range = (from: string, to: string) =>
  `order_date >= DATE '${from}' AND order_date < DATE '${to}'`
const LAST_QUARTER = range('2026-07-01', '2026-10-01')

describe('the assistant reads business wording', { timeout: 30_000 }, () => {
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

  const sql = async (text: string) =>
    (await server.sql(text)).map((row) =>
      row.map((cell) => (typeof cell === 'bigint' ? Number(cell) : cell)),
    )
  const close = (actual: CellValue[][] | undefined, expected: CellValue[][], digits = 2) => {
    expect(actual).toHaveLength(expected.length)
    for (const [r, row] of expected.entries()) {
      for (const [c, cell] of row.entries()) {
        const got = actual?.[r]?.[c]
        if (typeof cell === 'number') expect(got, `row ${r} column ${c}`).toBeCloseTo(cell, digits)
        else expect(got, `row ${r} column ${c}`).toEqual(cell)
      }
    }
  }
  const user = (...questions: string[]): AssistantTurn[] =>
    questions.map((content) => ({ role: 'user', content }))

  describe('misspellings', () => {
    it('reads misspelt measures, dimensions and values, and says how it read them', async () => {
      const answer = await ask(server.url, alice, { question: 'revnue by regoin for onlin' })
      expect(answer.of('query')?.query).toMatchObject({
        measures: ['revenue'],
        dimensions: ['region'],
        filters: [{ dimension: 'channel', op: 'in', values: ['online'] }],
      })
      expect(answer.text).toContain('I read "revnue" as "revenue", "regoin" as "region"')
      close(
        answer.of('result')?.rows,
        await sql(
          `SELECT region, SUM(amount) AS v FROM orders WHERE ${ALICE} AND channel = 'online' GROUP BY region ORDER BY v DESC, region`,
        ),
      )
    })

    it('asks "did you mean" when a misspelt field is too far to be sure', async () => {
      const answer = await ask(server.url, alice, { question: 'orders by catgry' })
      expect(answer.of('result')).toBeUndefined()
      expect(answer.text).toContain('There is no field "catgry"')
      expect(answer.text).toContain('Did you mean "category"?')
    })

    it("never suggests another tenant's names", async () => {
      const answer = await ask(server.url, bob, { question: 'revenue for acmee' })
      expect(answer.of('result')).toBeUndefined()
      expect(answer.text).not.toMatch(/"acme"|initech/)
      expect(answer.text).toContain('not a name, field or value in the data you can see')
    })
  })

  describe('ordinary wording', () => {
    it('leaves out words that do not change the question, and says so', async () => {
      const answer = await ask(server.url, alice, {
        question: 'ballpark how much revenue did Analytics Pro pull in last quarter',
      })
      expect(answer.of('query')?.query.filters).toEqual([
        { dimension: 'product', op: 'in', values: ['Analytics Pro'] },
      ])
      expect(answer.text).toContain('I left out "ballpark"')
      close(
        answer.of('result')?.rows,
        await sql(
          `SELECT SUM(amount) FROM orders WHERE ${ALICE} AND product = 'Analytics Pro' AND ${LAST_QUARTER}`,
        ),
      )
    })

    it('reads the plural of a value as the value', async () => {
      const answer = await ask(server.url, alice, {
        question: 'how many orders did the partners bring last quarter',
      })
      expect(answer.of('query')?.query.filters).toEqual([
        { dimension: 'channel', op: 'in', values: ['partner'] },
      ])
    })

    it('never leaves out a word close to a name of the data: it asks instead', async () => {
      const answer = await ask(server.url, alice, { question: 'revenue this year hrdwre' })
      expect(answer.of('result')).toBeUndefined()
      expect(answer.text).toContain('Did you mean "hardware"?')
    })

    it.each([
      'how many orders did initech have last year',
      'initech revenue last quarter',
      'revenue from Hooli',
      'orders of tenant umbrella',
    ])('never leaves out a name: "%s" is refused', async (question) => {
      const answer = await ask(server.url, alice, { question })
      expect(answer.of('result')).toBeUndefined()
      expect(answer.text).toMatch(/I did not understand "\w+"/)
      expect(answer.text).toContain('not a name, field or value in the data you can see')
    })
  })

  describe('shares and growth', () => {
    it('computes each value’s share of the total', async () => {
      const answer = await ask(server.url, alice, { question: 'share of revenue by channel' })
      const result = answer.of('result')
      expect(result?.columns.map((c) => [c.name, c.format])).toEqual([
        ['channel', undefined],
        ['revenue', 'currency'],
        ['revenue_share', 'percent'],
      ])
      const expected = await sql(
        `SELECT channel, SUM(amount) AS v, SUM(amount) / (SELECT SUM(amount) FROM orders WHERE ${ALICE}) FROM orders WHERE ${ALICE} GROUP BY channel ORDER BY v DESC, channel`,
      )
      close(result?.rows, expected, 6)
      const total = (result?.rows ?? []).reduce((sum, row) => sum + Number(row[2]), 0)
      expect(total).toBeCloseTo(1, 9)
      expect(answer.text).toMatch(/^\w+: \d+(\.\d)?% of Revenue/)
    })

    it('keeps only the named value, out of the total over the same period', async () => {
      const answer = await ask(server.url, alice, {
        question: 'what % of orders came from partner last quarter?',
      })
      close(
        answer.of('result')?.rows,
        await sql(
          `SELECT channel, COUNT(*), COUNT(*) / (SELECT COUNT(*) FROM orders WHERE ${ALICE} AND ${LAST_QUARTER}) FROM orders WHERE ${ALICE} AND ${LAST_QUARTER} AND channel = 'partner' GROUP BY channel`,
        ),
        6,
      )
    })

    it('refuses a share of an average, saying why', async () => {
      const answer = await ask(server.url, alice, {
        question: 'share of average order value by region',
      })
      expect(answer.of('result')).toBeUndefined()
      expect(answer.text).toContain('A share of Average order value means nothing')
    })

    it('computes growth from the period before, absolute and as a fraction', async () => {
      const answer = await ask(server.url, alice, {
        question: 'how much did orders grow last month',
      })
      const [[before], [after]] = [
        (
          await sql(
            `SELECT COUNT(*) FROM orders WHERE ${ALICE} AND ${range('2026-09-01', '2026-10-01')}`,
          )
        )[0] as number[],
        (
          await sql(
            `SELECT COUNT(*) FROM orders WHERE ${ALICE} AND ${range('2026-10-01', '2026-11-01')}`,
          )
        )[0] as number[],
      ].map((row) => [Number(row[0])]) as [[number], [number]]
      close(
        answer.of('result')?.rows,
        [
          ['2026-09-01', before, null, null],
          ['2026-10-01', after, after - before, (after - before) / before],
        ] as CellValue[][],
        6,
      )
      expect(answer.text).toContain(after >= before ? 'up' : 'down')
      expect(answer.of('query')?.description).toContain('with the change from one to the next')
    })

    it('compares two periods that are not neighbours side by side', async () => {
      const answer = await ask(server.url, alice, {
        question: 'compare revenue in Q3 2026 with Q3 2025',
      })
      close(
        answer.of('result')?.rows,
        await sql(
          `SELECT CAST(year(order_date) AS VARCHAR) || '-07-01' AS q, SUM(amount) FROM orders WHERE ${ALICE} AND (${range('2025-07-01', '2025-10-01')} OR ${LAST_QUARTER}) GROUP BY q ORDER BY q`,
        ),
      )
    })

    it('reads "vs the month before" and "compared to last" as the period before', async () => {
      for (const question of [
        'revenue last month vs the month before',
        'revenue last month compared to the previous month',
      ]) {
        const answer = await ask(server.url, alice, { question })
        expect(answer.of('query')?.query.timeRange, question).toEqual({
          dimension: 'order_date',
          from: '2026-09-01',
          to: '2026-11-01',
        })
        expect(answer.of('result')?.rows.map((r) => r[0])).toEqual(['2026-09-01', '2026-10-01'])
      }
    })

    it('adds the change to each period of a time series ("month over month")', async () => {
      const answer = await ask(server.url, alice, {
        question: 'month over month orders growth in Q3 2026',
      })
      const rows = answer.of('result')?.rows ?? []
      expect(rows.map((r) => r[0])).toEqual(['2026-07-01', '2026-08-01', '2026-09-01'])
      expect(rows[0]?.slice(2)).toEqual([null, null])
      expect(rows[1]?.[2]).toBe(Number(rows[1]?.[1]) - Number(rows[0]?.[1]))
    })
  })

  describe('conversations', () => {
    it('carries filters, measures and periods across several turns', async () => {
      const answer = await ask(server.url, alice, {
        question: 'what about orders there?',
        context: { history: user('revenue in NA last quarter', 'and in the EU?') },
      })
      expect(answer.of('query')?.query).toMatchObject({
        measures: ['orders'],
        filters: [{ dimension: 'region', op: 'in', values: ['EU'] }],
        timeRange: { from: '2026-07-01', to: '2026-10-01' },
      })
      // The answer restates its filters, so a client keeping only the text still has them.
      expect(answer.text).toContain('Computed: Orders in Q3 2026, where Region is EU.')
    })

    it('stops the chain at the newest question that stands on its own', async () => {
      const answer = await ask(server.url, alice, {
        question: 'and last year?',
        context: { history: user('revenue in NA', 'orders by channel', 'only retail') },
      })
      expect(answer.of('query')?.query).toMatchObject({
        measures: ['orders'],
        dimensions: ['channel'],
        filters: [{ dimension: 'channel', op: 'in', values: ['retail'] }],
        timeRange: { from: '2025-01-01', to: '2026-01-01' },
      })
    })
  })

  describe('everyday names', () => {
    it.each([
      ['revenue in Europe', 'region', 'EU'],
      ['revenue in North America', 'region', 'NA'],
      ['revenue in Asia Pacific', 'region', 'APAC'],
      ['revenue in the UK', 'country', 'GB'],
      ['revenue from the States', 'country', 'US'],
      ['revenue in Holland', 'country', 'NL'],
    ])('"%s" filters %s on %s', async (question, dimension, value) => {
      const answer = await ask(server.url, alice, { question })
      expect(answer.of('query')?.query.filters).toEqual([{ dimension, op: 'in', values: [value] }])
    })

    it("maps a country's everyday name only to codes the asker may see", async () => {
      const answer = await ask(server.url, bob, { question: 'revenue from the States' })
      expect(answer.of('result')).toBeUndefined()
      expect(answer.text).toContain('(Tenant is globex and Region is EU)')
    })
  })

  describe('the dashboard and its tiles', () => {
    const context = { dashboardId: 'sales-overview' }

    it('continues a tile asked about ("break this down by channel")', async () => {
      const answer = await ask(server.url, alice, {
        question: 'break this down by channel',
        context: { ...context, tileId: 'revenue-by-category', filters: { region: ['NA'] } },
      })
      expect(answer.of('query')?.query).toMatchObject({
        measures: ['revenue'],
        dimensions: ['channel'],
        filters: [{ dimension: 'region', op: 'in', values: ['NA'] }],
      })
      expect(answer.of('query')?.description).toContain(
        "the dashboard's filters apply: Region is NA",
      )
    })

    it('answers "why did it drop" with the change, and says it cannot tell why', async () => {
      const answer = await ask(server.url, alice, {
        question: 'why did it drop in March?',
        context: { ...context, tileId: 'revenue-over-time' },
      })
      expect(answer.of('result')?.rows.map((r) => r[0])).toEqual(['2026-02-01', '2026-03-01'])
      expect(answer.text).toContain('The data shows how much it changed, not why')
    })

    it('refuses an unknown tile and a tile without its dashboard', async () => {
      const unknown = await ask(server.url, alice, {
        question: 'and by region?',
        context: { ...context, tileId: 'nope' },
      })
      expect(unknown.status).toBe(404)
      const alone = await ask(server.url, alice, {
        question: 'and by region?',
        context: { tileId: 'orders' } as never,
      })
      expect(alone.status).toBe(400)
    })
  })

  describe('refusals say the real reason', () => {
    it.each([
      'delete all orders from last month',
      'update the revenue for EU to 0',
      'please insert a new order',
      'drop the orders table',
      'change the region of order 5 to NA',
    ])('"%s": read-only', async (question) => {
      const answer = await ask(server.url, alice, { question })
      expect(answer.of('result')).toBeUndefined()
      expect(answer.text).toContain('I only read data: I cannot change, add or delete anything')
      expect(answer.of('done')).toBeDefined()
    })

    it('a field that does not exist, with the fields there are', async () => {
      const answer = await ask(server.url, alice, { question: 'revenue by salesperson' })
      expect(answer.text).toContain(
        'There is no field "salesperson" in Orders: you can group by Region',
      )
    })

    it('a measure that does not exist, with the measures there are', async () => {
      const answer = await ask(server.url, alice, { question: 'average discount by region' })
      expect(answer.text).toContain(
        'There is no measure "discount" in Orders: its measures are Revenue',
      )
    })

    it('another tenant: outside the data the asker can see, with that scope in words', async () => {
      const answer = await ask(server.url, bob, { question: 'revenue for initech last year' })
      expect(answer.text).toContain(
        '"initech" is not a name, field or value in the data you can see (Tenant is globex and Region is EU)',
      )
    })

    it('does not read "change in" or "drop in" as a request to write', async () => {
      const answer = await ask(server.url, alice, { question: 'change in revenue last quarter' })
      expect(answer.of('result')?.rows).toHaveLength(2)
    })
  })

  describe('answers show their work', () => {
    it('states measure, period and filters, and the query event carries the RLS scope', async () => {
      const answer = await ask(server.url, bob, {
        question: 'revenue by channel last quarter',
        context: { dashboardId: 'sales-overview', filters: { channel: ['online', 'retail'] } },
      })
      const query = answer.of('query')
      expect(query?.scope).toBe('Tenant is globex and Region is EU')
      expect(answer.text).toContain(
        "Computed: Revenue by Channel in Q3 2026; the dashboard's filters apply: Channel is online or retail.",
      )
    })
  })

  describe('row-level security of the new answers', () => {
    it("bob's shares are of his own rows: one region, all of it", async () => {
      const answer = await ask(server.url, bob, { question: 'share of orders by region' })
      expect(answer.of('result')?.rows).toEqual([
        ['EU', Number((await sql(`SELECT COUNT(*) FROM orders WHERE ${BOB}`))[0]?.[0]), 1],
      ])
    })

    it("bob's growth by country covers his countries only, from his rows", async () => {
      const answer = await ask(server.url, bob, {
        question: 'revenue growth by country last quarter vs the quarter before',
      })
      const expected = await sql(
        `WITH a AS (SELECT country k, SUM(amount) v FROM orders WHERE ${BOB} AND ${range('2026-04-01', '2026-07-01')} GROUP BY k),
         b AS (SELECT country k, SUM(amount) v FROM orders WHERE ${BOB} AND ${LAST_QUARTER} GROUP BY k)
         SELECT COALESCE(a.k, b.k) k, a.v, b.v, b.v - a.v d, (b.v - a.v) / a.v FROM a FULL JOIN b ON a.k = b.k ORDER BY d DESC NULLS LAST, k`,
      )
      close(answer.of('result')?.rows, expected, 4)
    })

    it("a tile asked about by bob runs under bob's scope", async () => {
      const answer = await ask(server.url, bob, {
        question: 'split this by region',
        context: { dashboardId: 'sales-overview', tileId: 'revenue' },
      })
      close(
        answer.of('result')?.rows,
        await sql(`SELECT region, SUM(amount) FROM orders WHERE ${BOB} GROUP BY region`),
      )
    })
  })
})
