import type { AssistantTurn, StructuredQuery } from '@inset/core'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../config/load-config'
import { demoConfig } from '../../demo/demo-config'
import { buildSemanticModel, type DatasetModel } from '../../semantic/model'
import { starterQuestions } from '../suggestions'
import { interpretQuestion } from './builtin-engine'

const dataset = buildSemanticModel(parseConfig(demoConfig())).datasets.orders as DatasetModel
// What alice may see of the demo data.
const VALUES = {
  region: ['APAC', 'EU', 'NA'],
  channel: ['online', 'partner', 'retail'],
  tenant: ['acme'],
  country: [
    'AU',
    'CA',
    'DE',
    'ES',
    'FR',
    'GB',
    'IN',
    'IT',
    'JP',
    'KR',
    'MX',
    'NL',
    'SE',
    'SG',
    'US',
  ],
  category: ['Accessories', 'Add-ons', 'Hardware', 'Services', 'Software'],
  product: ['API Credits', 'Analytics Pro', 'SSO Add-on', 'Team Plan', 'Training Day'],
}
const TODAY = '2026-11-21'
const LAST_QUARTER = { dimension: 'order_date', from: '2026-07-01', to: '2026-10-01' }

function interpret(question: string, history: AssistantTurn[] = [], values = VALUES) {
  return interpretQuestion({ question, history, dataset, values, today: TODAY, maxRows: 10_000 })
}
function queryOf(question: string, history: AssistantTurn[] = []): StructuredQuery {
  const interpreted = interpret(question, history)
  if ('message' in interpreted) throw new Error(`not understood: ${interpreted.message}`)
  return interpreted.query
}
const messageOf = (question: string, values = VALUES) => {
  const interpreted = interpret(question, [], values)
  return 'message' in interpreted ? interpreted.message : undefined
}

describe('interpretQuestion (built-in engine)', () => {
  it('reads the questions of the issue', () => {
    expect(queryOf('revenue by region last quarter')).toEqual({
      dataset: 'orders',
      measures: ['revenue'],
      dimensions: ['region'],
      timeRange: LAST_QUARTER,
    })
    expect(queryOf('top 5 products by orders in EU')).toEqual({
      dataset: 'orders',
      measures: ['orders'],
      dimensions: ['product'],
      filters: [{ dimension: 'region', op: 'in', values: ['EU'] }],
      sort: [{ field: 'orders', direction: 'desc' }],
      limit: 5,
    })
    expect(queryOf('how many orders did we have in March 2025')).toEqual({
      dataset: 'orders',
      measures: ['orders'],
      timeRange: { dimension: 'order_date', from: '2025-03-01', to: '2025-04-01' },
    })
    expect(queryOf('compare online vs retail revenue this year')).toEqual({
      dataset: 'orders',
      measures: ['revenue'],
      dimensions: ['channel'],
      filters: [{ dimension: 'channel', op: 'in', values: ['online', 'retail'] }],
      timeRange: { dimension: 'order_date', from: '2026-01-01', to: '2027-01-01' },
    })
  })

  it.each([
    ['average order value by channel', { measures: ['avg_order_value'], dimensions: ['channel'] }],
    ['average revenue per order', { measures: ['avg_order_value'] }],
    [
      'monthly orders',
      { measures: ['orders'], timeGrain: { dimension: 'order_date', grain: 'month' } },
    ],
    ['revenue by week last quarter', { timeGrain: { dimension: 'order_date', grain: 'week' } }],
    ['revenue over time last month', { timeGrain: { dimension: 'order_date', grain: 'day' } }],
    [
      'which region had the most revenue',
      { sort: [{ field: 'revenue', direction: 'desc' }], limit: 1 },
    ],
    ['top products', { dimensions: ['product'], limit: 10 }],
    ['bottom five categories by units', { sort: [{ field: 'units', direction: 'asc' }], limit: 5 }],
    [
      'revenue excluding partner and retail',
      { filters: [{ dimension: 'channel', op: 'not_in', values: ['partner', 'retail'] }] },
    ],
    ['revenue in Germany', { filters: [{ dimension: 'country', op: 'in', values: ['DE'] }] }],
    ['Revenue in IN', { filters: [{ dimension: 'country', op: 'in', values: ['IN'] }] }],
    ['revenue in eu', { filters: [{ dimension: 'region', op: 'in', values: ['EU'] }] }],
    [
      'orders for SSO Add-on',
      { filters: [{ dimension: 'product', op: 'in', values: ['SSO Add-on'] }] },
    ],
    ['orders for Training Day by day', { timeGrain: { dimension: 'order_date', grain: 'day' } }],
    [
      'total revenue in EU and NA',
      { measures: ['revenue'], filters: [{ dimension: 'region', op: 'in', values: ['EU', 'NA'] }] },
    ],
    ['revenue and units by category', { measures: ['revenue', 'units'], dimensions: ['category'] }],
    ['how many customers', { measures: ['customers'] }],
    [
      'orders in 2025 vs 2026',
      {
        timeGrain: { dimension: 'order_date', grain: 'year' },
        timeRange: { dimension: 'order_date', from: '2025-01-01', to: '2027-01-01' },
      },
    ],
    ['revenue in the EU region', { filters: [{ dimension: 'region', op: 'in', values: ['EU'] }] }],
    ['average order value of online orders', { measures: ['avg_order_value'] }],
    ['revenue of online orders by region', { measures: ['revenue'], dimensions: ['region'] }],
    ['how many online orders', { measures: ['orders'] }],
  ])('%s', (question, expected) => {
    expect(queryOf(question)).toMatchObject(expected)
  })

  it('keeps "in", "it" and "us" as words unless written as country codes', () => {
    expect(queryOf('show us revenue in it')).toEqual({ dataset: 'orders', measures: ['revenue'] })
    expect(queryOf('revenue in IT')).toMatchObject({
      filters: [{ dimension: 'country', values: ['IT'] }],
    })
  })

  it('assumes the first measure when none is named, and says so', () => {
    const interpreted = interpret('by region last quarter')
    expect(interpreted).toMatchObject({ query: { measures: ['revenue'], dimensions: ['region'] } })
    expect(interpreted).toMatchObject({
      notes: [
        expect.stringContaining('used Revenue'),
        expect.stringContaining('2026-07-01 to 2026-09-30'),
      ],
    })
  })

  it('says which words it did not understand and what it can answer', () => {
    const message = messageOf('what is the weather in Paris')
    expect(message).toContain('"weather"')
    expect(message).toContain('"Paris"')
    expect(message).toContain('Revenue, Orders, Customers, Average order value and Units sold')
    expect(messageOf('hello')).toContain('"hello"')
    expect(messageOf('the of and')).toContain('could not find anything to compute')
    expect(messageOf('how many products')).toContain('cannot count distinct Product')
    expect(messageOf('average units')).toContain('no average of Units sold')
    expect(messageOf('revenue in 2025 vs last quarter')).toContain('periods of one kind')
  })

  it('knows only the values the asker may see (plus declared ones)', () => {
    const bob = { ...VALUES, tenant: ['globex'], region: ['EU'], country: ['DE', 'FR'] }
    expect(messageOf('revenue for acme', bob)).toContain('"acme"')
    expect(messageOf('revenue in Japan', bob)).toContain('"Japan"')
    // Declared values (the config's) are known to everyone; row-level security empties them.
    expect(messageOf('revenue in NA', bob)).toBeUndefined()
  })

  it('answers follow-ups from the previous question', () => {
    const history: AssistantTurn[] = [
      { role: 'user', content: 'revenue by region last quarter' },
      { role: 'assistant', content: 'EU comes first…' },
    ]
    expect(queryOf('what about orders?', history)).toEqual({
      dataset: 'orders',
      measures: ['orders'],
      dimensions: ['region'],
      timeRange: LAST_QUARTER,
    })
    expect(queryOf('and only online', history)).toMatchObject({
      measures: ['revenue'],
      dimensions: ['region'],
      filters: [{ dimension: 'channel', op: 'in', values: ['online'] }],
    })
    expect(queryOf('in 2025?', history)).toMatchObject({
      dimensions: ['region'],
      timeRange: { from: '2025-01-01', to: '2026-01-01' },
    })
    expect(queryOf('and by month', history)).toEqual({
      dataset: 'orders',
      measures: ['revenue'],
      timeGrain: { dimension: 'order_date', grain: 'month' },
      timeRange: LAST_QUARTER,
    })
    // A complete question stands on its own.
    expect(queryOf('orders by channel', history)).toEqual({
      dataset: 'orders',
      measures: ['orders'],
      dimensions: ['channel'],
    })
  })

  it('steps back from the period of the conversation ("the quarter before")', () => {
    const turn = (content: string): AssistantTurn[] => [
      { role: 'user', content },
      { role: 'assistant', content: '…' },
    ]
    expect(queryOf('what about the previous quarter', turn('units in Q2 2026'))).toMatchObject({
      measures: ['units'],
      timeRange: { from: '2026-01-01', to: '2026-04-01' },
    })
    expect(
      queryOf('and the month before that?', turn('orders by channel last month')),
    ).toMatchObject({
      dimensions: ['channel'],
      timeRange: { from: '2026-09-01', to: '2026-10-01' },
    })
    // A year back from a quarter is the same quarter a year earlier.
    expect(queryOf('and the year before?', turn('revenue in Q2 2026'))).toMatchObject({
      timeRange: { from: '2025-04-01', to: '2025-07-01' },
    })
    // Asked alone it is the one before today's; after "vs" it is a comparison.
    expect(queryOf('revenue the year before')).toMatchObject({
      timeRange: { from: '2025-01-01', to: '2026-01-01' },
    })
    expect(queryOf('revenue last month vs the month before').timeGrain).toMatchObject({
      grain: 'month',
    })
  })

  it('regroups the conversation so far ("by region instead")', () => {
    const history: AssistantTurn[] = [
      { role: 'user', content: 'customers per month in 2026' },
      { role: 'assistant', content: '…' },
      { role: 'user', content: 'only online' },
      { role: 'assistant', content: '…' },
    ]
    const expected = {
      dataset: 'orders',
      measures: ['customers'],
      dimensions: ['region'],
      filters: [{ dimension: 'channel', op: 'in', values: ['online'] }],
      timeRange: { dimension: 'order_date', from: '2026-01-01', to: '2027-01-01' },
    }
    expect(queryOf('by region instead', history)).toMatchObject(expected)
    expect(queryOf('split it by region', history)).toMatchObject(expected)
    expect(queryOf('per region', history)).toMatchObject(expected)
  })

  it('reads "mix" as shares, "growth rate" as growth, and set phrases as ordinary wording', () => {
    const analysisOf = (question: string) => {
      const interpreted = interpret(question)
      if ('message' in interpreted) throw new Error(`not understood: ${interpreted.message}`)
      return interpreted.analysis
    }
    expect(analysisOf('region mix for orders in 2025')).toEqual({
      kind: 'share',
      dimension: 'region',
    })
    expect(analysisOf('revenue growth rate last month')).toMatchObject({
      kind: 'periods',
      change: true,
    })
    expect(
      analysisOf('what was the rate of growth for customers in Q3 2026 vs Q2 2026'),
    ).toMatchObject({ kind: 'periods', change: true })
    expect(queryOf('out of interest, how many units did retail sell in 2025')).toMatchObject({
      measures: ['units'],
      filters: [{ dimension: 'channel', op: 'in', values: ['retail'] }],
    })
    expect(queryOf('by the way, what were orders in Germany last month')).toMatchObject({
      measures: ['orders'],
      filters: [{ dimension: 'country', op: 'in', values: ['DE'] }],
    })
    // "rate" alone is still a measure the data does not have.
    expect(messageOf("what's our conversion rate by region")).toMatch(/no measure/i)
  })

  it('suggests only questions it can answer', () => {
    const suggestions = starterQuestions(dataset, VALUES)
    expect(suggestions.length).toBeGreaterThanOrEqual(4)
    for (const suggestion of suggestions)
      expect(interpret(suggestion), suggestion).toHaveProperty('query')
  })
})
