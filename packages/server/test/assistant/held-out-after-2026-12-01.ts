// A SECOND held-out set, written 2026-12-01 AFTER the engine changes of issue 17 (as the issue
// asks), measured once and not tuned to: the first held-out set (held-out-set-2026-12-01.ts) was
// written before the changes and prompted one fix after its end measurement, so this one is the
// untouched measurement. Same classes, new wording; shapes in question-set.ts; "today" 2026-11-21.
import {
  DASHBOARD,
  growthByDimensionSql,
  growthSql,
  inRange,
  LAST_MONTH,
  LAST_QUARTER,
  LAST_YEAR,
  MONTH,
  QUARTER,
  type QuestionCase,
  shareSql,
  THIS_QUARTER,
  THIS_YEAR,
  YEAR,
} from './question-set'

export const HELD_OUT_AFTER: QuestionCase[] = [
  {
    kind: 'misspelling',
    question: 'whats the revanue for hardwear this year',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND category = 'Hardware' AND ${THIS_YEAR}`,
  },
  {
    kind: 'misspelling',
    question: 'top 3 contries by custmers in 2025',
    sql: `SELECT country, COUNT(DISTINCT customer_id) AS v FROM orders WHERE {S} AND ${LAST_YEAR} GROUP BY country ORDER BY v DESC, country LIMIT 3`,
  },
  {
    kind: 'misspelling',
    question: 'monthy orders for the parnter channel in 2026',
    sql: `SELECT ${MONTH} AS m, COUNT(*) FROM orders WHERE {S} AND channel = 'partner' AND ${THIS_YEAR} GROUP BY m ORDER BY m`,
  },
  {
    kind: 'misspelling',
    question: 'average ordr value by prodcut last quarter',
    sql: `SELECT product, AVG(amount) AS v FROM orders WHERE {S} AND ${LAST_QUARTER} GROUP BY product ORDER BY v DESC, product`,
  },
  {
    kind: 'misspelling',
    question: 'how many unts did we sell in Spian last year',
    sql: `SELECT SUM(quantity) FROM orders WHERE {S} AND country = 'ES' AND ${LAST_YEAR}`,
  },
  {
    kind: 'misspelling',
    question: 'revenu in Japna in Q2 2026',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND country = 'JP' AND ${inRange('2026-04-01', '2026-07-01')}`,
    mayRefuse: true,
  },
  {
    kind: 'share',
    question: 'What portion of our sales came from Software last year?',
    sql: shareSql('category', 'SUM(amount)', LAST_YEAR, ['Software']),
  },
  {
    kind: 'share',
    question: 'percentage breakdown of orders by category this year',
    sql: shareSql('category', 'COUNT(*)', THIS_YEAR),
  },
  {
    kind: 'share',
    question: 'how big a share of revenue does the EU account for?',
    sql: shareSql('region', 'SUM(amount)', 'TRUE', ['EU']),
  },
  {
    kind: 'share',
    question: 'which channel has the largest share of units in 2025',
    sql: `${shareSql('channel', 'SUM(quantity)', LAST_YEAR)} LIMIT 1`,
  },
  {
    kind: 'share',
    question: 'Training Day as a % of revenue in 2025',
    sql: shareSql('product', 'SUM(amount)', LAST_YEAR, ['Training Day']),
  },
  {
    kind: 'growth',
    question: 'did revenue go up or down last month?',
    sql: growthSql(MONTH, 'SUM(amount)', inRange('2026-09-01', '2026-11-01')),
  },
  {
    kind: 'growth',
    question: 'by how much did customers increase in Q3 2026 vs Q2 2026',
    sql: growthSql(QUARTER, 'COUNT(DISTINCT customer_id)', inRange('2026-04-01', '2026-10-01')),
  },
  {
    kind: 'growth',
    question: 'year over year revenue growth',
    sql: growthSql(YEAR, 'SUM(amount)', 'TRUE'),
  },
  {
    kind: 'growth',
    question: 'what was the percent change in orders from September to October 2026?',
    sql: growthSql(MONTH, 'COUNT(*)', inRange('2026-09-01', '2026-11-01')),
  },
  {
    kind: 'growth',
    question: 'units growth by category last quarter vs the quarter before',
    sql: growthByDimensionSql(
      'category',
      'SUM(quantity)',
      inRange('2026-04-01', '2026-07-01'),
      LAST_QUARTER,
    ),
  },
  {
    kind: 'period vs period',
    question: 'how did Q4 2025 revenue compare to Q4 2024?',
    sql: `SELECT ${QUARTER} AS q, SUM(amount) FROM orders WHERE {S} AND (${inRange('2024-10-01', '2025-01-01')} OR ${inRange('2025-10-01', '2026-01-01')}) GROUP BY q ORDER BY q`,
  },
  {
    kind: 'filler',
    question: 'so what are we looking at for revenue in the retail channel this quarter',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND channel = 'retail' AND ${THIS_QUARTER}`,
  },
  {
    kind: 'filler',
    question: 'I was wondering how many customers we had in APAC during 2025',
    sql: `SELECT COUNT(DISTINCT customer_id) FROM orders WHERE {S} AND region = 'APAC' AND ${LAST_YEAR}`,
    mayRefuse: true,
  },
  {
    kind: 'filler',
    question: 'any idea what our best selling product was last month by units?',
    sql: `SELECT product, SUM(quantity) AS v FROM orders WHERE {S} AND ${LAST_MONTH} GROUP BY product ORDER BY v DESC, product LIMIT 1`,
  },
  {
    kind: 'filler',
    question: 'quick question - total orders for 2025 please',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND ${LAST_YEAR}`,
  },
  {
    kind: 'filler',
    question: 'ok so give me revenue per channel for the first half of 2026',
    sql: `SELECT channel, SUM(amount) AS v FROM orders WHERE {S} AND ${inRange('2026-01-01', '2026-07-01')} GROUP BY channel ORDER BY v DESC, channel`,
  },
  {
    kind: 'filler',
    question: 'tell me the number of units we shipped to Germany in 2026',
    sql: `SELECT SUM(quantity) FROM orders WHERE {S} AND country = 'DE' AND ${THIS_YEAR}`,
  },
  {
    kind: 'period vs period',
    question: 'orders in October 2026 vs September 2026',
    sql: `SELECT ${MONTH} AS m, COUNT(*) FROM orders WHERE {S} AND ${inRange('2026-09-01', '2026-11-01')} GROUP BY m ORDER BY m`,
  },
  {
    kind: 'period vs period',
    question: 'revenue this month compared with last month',
    sql: `SELECT ${MONTH} AS m, SUM(amount) FROM orders WHERE {S} AND ${inRange('2026-10-01', '2026-12-01')} GROUP BY m ORDER BY m`,
  },
  {
    kind: 'period vs period',
    question: 'units in 2025 versus 2024',
    sql: `SELECT ${YEAR} AS y, SUM(quantity) FROM orders WHERE {S} AND ${inRange('2024-01-01', '2026-01-01')} GROUP BY y ORDER BY y`,
  },
  {
    kind: 'follow-up',
    conversation: ['revenue by channel in 2025', 'just for Hardware'],
    question: 'now by country',
    sql: `SELECT country, SUM(amount) AS v FROM orders WHERE {S} AND category = 'Hardware' AND ${LAST_YEAR} GROUP BY country ORDER BY v DESC, country`,
  },
  {
    kind: 'follow-up',
    conversation: ['how many orders in EU last month', 'and NA?'],
    question: 'what about units?',
    sql: `SELECT SUM(quantity) FROM orders WHERE {S} AND region = 'NA' AND ${LAST_MONTH}`,
    mayRefuse: true,
  },
  {
    kind: 'follow-up',
    conversation: ['top 5 products by revenue this year'],
    question: 'and last year?',
    sql: `SELECT product, SUM(amount) AS v FROM orders WHERE {S} AND ${LAST_YEAR} GROUP BY product ORDER BY v DESC, product LIMIT 5`,
  },
  {
    kind: 'follow-up',
    conversation: ['customers by region in Q3 2026', 'only the online channel'],
    question: 'and in Q2?',
    sql: `SELECT region, COUNT(DISTINCT customer_id) AS v FROM orders WHERE {S} AND channel = 'online' AND ${inRange('2026-04-01', '2026-07-01')} GROUP BY region ORDER BY v DESC, region`,
  },
  {
    kind: 'follow-up',
    conversation: ['revenue growth last quarter'],
    question: 'and for retail?',
    sql: growthSql(
      QUARTER,
      'SUM(amount)',
      `channel = 'retail' AND ${inRange('2026-04-01', '2026-10-01')}`,
    ),
  },
  {
    kind: 'everyday name',
    question: 'revenue from European customers last year',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND region = 'EU' AND ${LAST_YEAR}`,
  },
  {
    kind: 'everyday name',
    question: 'orders from North American customers by channel',
    sql: "SELECT channel, COUNT(*) AS v FROM orders WHERE {S} AND region = 'NA' GROUP BY channel ORDER BY v DESC, channel",
  },
  {
    kind: 'everyday name',
    question: 'units sold in the United Kingdom in Q3 2026',
    sql: `SELECT SUM(quantity) FROM orders WHERE {S} AND country = 'GB' AND ${LAST_QUARTER}`,
  },
  {
    kind: 'everyday name',
    question: 'how much revenue did we make in the US this year',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND country = 'US' AND ${THIS_YEAR}`,
    mayRefuse: true,
  },
  {
    kind: 'tile',
    question: 'and last quarter?',
    context: { dashboardId: DASHBOARD, tileId: 'top-products' },
    sql: `SELECT product, category, SUM(amount) AS v, COUNT(*), SUM(quantity) FROM orders WHERE {S} AND ${LAST_QUARTER} GROUP BY product, category ORDER BY v DESC, product, category LIMIT 10`,
  },
  {
    kind: 'tile',
    question: 'how did it change last month?',
    context: {
      dashboardId: DASHBOARD,
      tileId: 'revenue-over-time',
      filters: { channel: ['online'] },
    },
    sql: growthSql(
      MONTH,
      'SUM(amount)',
      `channel = 'online' AND ${inRange('2026-09-01', '2026-11-01')}`,
    ),
  },
  {
    kind: 'dashboard',
    question: 'top 3 countries by orders',
    context: { dashboardId: DASHBOARD, filters: { region: ['EU'] } },
    sql: "SELECT country, COUNT(*) AS v FROM orders WHERE {S} AND region = 'EU' GROUP BY country ORDER BY v DESC, country LIMIT 3",
  },
  {
    kind: 'tile',
    question: 'what share is partner?',
    context: { dashboardId: DASHBOARD, tileId: 'orders' },
    sql: shareSql('channel', 'COUNT(*)', 'TRUE', ['partner']),
  },
  {
    kind: 'refusal',
    question: 'show me revenue for Wayne Enterprises',
    refusal: /data you can see|only see|outside/i,
  },
  {
    kind: 'refusal',
    question: 'orders by sales rep',
    refusal: /no field|not a field/i,
  },
  {
    kind: 'refusal',
    question: 'can you cancel order 12345',
    refusal: /read-only|only read|cannot (change|delete|modify)/i,
  },
  {
    kind: 'refusal',
    question: "what's the profit margin by region",
    refusal: /no measure|not a measure/i,
  },
]
