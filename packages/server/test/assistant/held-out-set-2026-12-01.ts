// HELD-OUT questions, written 2026-12-01 BEFORE the engine changes of issue 17 and never tuned to:
// the engine is developed against dev-set.ts; this file is only measured (before and at the end).
// Phrased the way business users type into a SaaS product: misspellings, shares and growth, filler
// wording, a period against another, chained follow-ups, everyday names of values, the dashboard
// and its tiles, and refusals that must give the real reason. Answers are plain SQL over `orders`
// (shapes in question-set.ts); "today" is 2026-11-21, the data runs 2024-11-01 to 2026-10-31.
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
  THIS_YEAR,
  YEAR,
} from './question-set'

export const HELD_OUT_SET: QuestionCase[] = [
  // Misspellings of measures, dimensions and values.
  {
    kind: 'misspelling',
    question: 'revnue by regoin last quarter',
    sql: `SELECT region, SUM(amount) AS v FROM orders WHERE {S} AND ${LAST_QUARTER} GROUP BY region ORDER BY v DESC, region`,
  },
  {
    kind: 'misspelling',
    question: 'top 5 prodcuts by ordrs this year',
    sql: `SELECT product, COUNT(*) AS v FROM orders WHERE {S} AND ${THIS_YEAR} GROUP BY product ORDER BY v DESC, product LIMIT 5`,
  },
  {
    kind: 'misspelling',
    question: 'averge order value in germny',
    sql: "SELECT AVG(amount) FROM orders WHERE {S} AND country = 'DE'",
  },
  {
    kind: 'misspelling',
    question: 'how many custmers did we have in 2025',
    sql: `SELECT COUNT(DISTINCT customer_id) FROM orders WHERE {S} AND ${LAST_YEAR}`,
  },
  {
    kind: 'misspelling',
    question: 'untis sold by catgory last month',
    sql: `SELECT category, SUM(quantity) AS v FROM orders WHERE {S} AND ${LAST_MONTH} GROUP BY category ORDER BY v DESC, category`,
  },
  {
    kind: 'misspelling',
    question: 'revenue for the onlin channel in Q2 2026',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND channel = 'online' AND ${inRange('2026-04-01', '2026-07-01')}`,
  },
  {
    kind: 'misspelling',
    question: 'sales by chanel this year',
    sql: `SELECT channel, SUM(amount) AS v FROM orders WHERE {S} AND ${THIS_YEAR} GROUP BY channel ORDER BY v DESC, channel`,
  },

  // Shares, percentages and growth.
  {
    kind: 'share',
    question: 'What percentage of revenue came from online last quarter?',
    sql: shareSql('channel', 'SUM(amount)', LAST_QUARTER, ['online']),
  },
  {
    kind: 'share',
    question: 'share of orders by region this year',
    sql: shareSql('region', 'COUNT(*)', THIS_YEAR),
  },
  {
    kind: 'share',
    question: 'What % of our units were Hardware in 2025?',
    sql: shareSql('category', 'SUM(quantity)', LAST_YEAR, ['Hardware']),
  },
  {
    kind: 'share',
    question: 'percent of customers from the partner channel last year',
    sql: shareSql('channel', 'COUNT(DISTINCT customer_id)', LAST_YEAR, ['partner']),
  },
  {
    kind: 'growth',
    question: 'How much did revenue grow last quarter?',
    sql: growthSql(QUARTER, 'SUM(amount)', inRange('2026-04-01', '2026-10-01')),
  },
  {
    kind: 'growth',
    question: 'How did 2026 revenue change vs 2025?',
    sql: growthSql(YEAR, 'SUM(amount)', inRange('2025-01-01', '2027-01-01')),
  },
  {
    kind: 'growth',
    question: 'Orders growth in Q3 2026 compared to Q3 2025',
    sql: growthSql(
      QUARTER,
      'COUNT(*)',
      `(${inRange('2025-07-01', '2025-10-01')} OR ${inRange('2026-07-01', '2026-10-01')})`,
    ),
  },
  {
    kind: 'growth',
    question: 'revenue growth by region this quarter vs last quarter',
    sql: growthByDimensionSql(
      'region',
      'SUM(amount)',
      LAST_QUARTER,
      inRange('2026-10-01', '2027-01-01'),
    ),
  },
  {
    kind: 'growth',
    question: 'month over month revenue growth in 2026',
    sql: growthSql(MONTH, 'SUM(amount)', THIS_YEAR),
  },

  // Ordinary wording around known terms.
  {
    kind: 'filler',
    question: 'How much revenue does the retail channel bring in per quarter in 2025?',
    sql: `SELECT ${QUARTER} AS q, SUM(amount) FROM orders WHERE {S} AND channel = 'retail' AND ${LAST_YEAR} GROUP BY q ORDER BY q`,
  },
  {
    kind: 'filler',
    question: 'What did we make in total last month?',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND ${LAST_MONTH}`,
  },
  {
    kind: 'filler',
    question: 'Can you pull up the number of orders that came through partners in September?',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND channel = 'partner' AND ${inRange('2026-09-01', '2026-10-01')}`,
  },
  {
    kind: 'filler',
    question: "I'd like to see revenue broken out by country for Q1",
    sql: `SELECT country, SUM(amount) AS v FROM orders WHERE {S} AND ${inRange('2026-01-01', '2026-04-01')} GROUP BY country ORDER BY v DESC, country`,
  },
  {
    kind: 'filler',
    question: 'how many orders have we gotten so far this year',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND ${THIS_YEAR}`,
  },
  {
    kind: 'filler',
    question: 'roughly how much revenue did Analytics Pro generate last year',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND product = 'Analytics Pro' AND ${LAST_YEAR}`,
  },
  {
    kind: 'filler',
    question: 'give me a quick breakdown of units by channel for last quarter please',
    sql: `SELECT channel, SUM(quantity) AS v FROM orders WHERE {S} AND ${LAST_QUARTER} GROUP BY channel ORDER BY v DESC, channel`,
  },
  {
    kind: 'filler',
    question: "what's our total turnover in EU for 2025",
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND region = 'EU' AND ${LAST_YEAR}`,
  },
  {
    kind: 'filler',
    question: 'Which categories are bringing in the most money this year?',
    sql: `SELECT category, SUM(amount) AS v FROM orders WHERE {S} AND ${THIS_YEAR} GROUP BY category ORDER BY v DESC, category LIMIT 10`,
  },

  // A period against another.
  {
    kind: 'period vs period',
    question: 'revenue last month vs the month before',
    sql: `SELECT ${MONTH} AS m, SUM(amount) FROM orders WHERE {S} AND ${inRange('2026-09-01', '2026-11-01')} GROUP BY m ORDER BY m`,
  },
  {
    kind: 'period vs period',
    question: 'orders this quarter compared to last',
    sql: `SELECT ${QUARTER} AS q, COUNT(*) FROM orders WHERE {S} AND ${inRange('2026-07-01', '2027-01-01')} GROUP BY q ORDER BY q`,
  },
  {
    kind: 'period vs period',
    question: 'compare revenue in Q1 2026 with Q1 2025',
    sql: `SELECT ${QUARTER} AS q, SUM(amount) FROM orders WHERE {S} AND (${inRange('2025-01-01', '2025-04-01')} OR ${inRange('2026-01-01', '2026-04-01')}) GROUP BY q ORDER BY q`,
  },

  // Chained follow-ups.
  {
    kind: 'follow-up',
    conversation: ['revenue in NA last quarter', 'and in the EU?'],
    question: 'what about orders there?',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND region = 'EU' AND ${LAST_QUARTER}`,
  },
  {
    kind: 'follow-up',
    conversation: ['units sold by channel in 2025', 'only Software'],
    question: 'and by region instead',
    sql: `SELECT region, SUM(quantity) AS v FROM orders WHERE {S} AND category = 'Software' AND ${LAST_YEAR} GROUP BY region ORDER BY v DESC, region`,
  },
  {
    kind: 'follow-up',
    conversation: ['how many orders in Germany this year', 'what about France?'],
    question: 'and last year?',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND country = 'FR' AND ${LAST_YEAR}`,
  },
  {
    kind: 'follow-up',
    conversation: ['top 3 products by revenue in Q2 2026'],
    question: 'what about in the retail channel?',
    sql: `SELECT product, SUM(amount) AS v FROM orders WHERE {S} AND channel = 'retail' AND ${inRange('2026-04-01', '2026-07-01')} GROUP BY product ORDER BY v DESC, product LIMIT 3`,
  },
  {
    kind: 'follow-up',
    conversation: ['average order value by region this year', 'and for partner'],
    question: 'how about last month',
    sql: `SELECT region, AVG(amount) AS v FROM orders WHERE {S} AND channel = 'partner' AND ${LAST_MONTH} GROUP BY region ORDER BY v DESC, region`,
  },

  // Everyday names for values.
  {
    kind: 'everyday name',
    question: 'revenue in North America last year',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND region = 'NA' AND ${LAST_YEAR}`,
    mayRefuse: true,
  },
  {
    kind: 'everyday name',
    question: 'orders from Europe by channel this year',
    sql: `SELECT channel, COUNT(*) AS v FROM orders WHERE {S} AND region = 'EU' AND ${THIS_YEAR} GROUP BY channel ORDER BY v DESC, channel`,
  },
  {
    kind: 'everyday name',
    question: 'How many customers in Asia Pacific in 2025?',
    sql: `SELECT COUNT(DISTINCT customer_id) FROM orders WHERE {S} AND region = 'APAC' AND ${LAST_YEAR}`,
    mayRefuse: true,
  },
  {
    kind: 'everyday name',
    question: 'sales in the UK last quarter',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND country = 'GB' AND ${LAST_QUARTER}`,
  },
  {
    kind: 'everyday name',
    question: 'revenue from the States by month this year',
    sql: `SELECT ${MONTH} AS m, SUM(amount) FROM orders WHERE {S} AND country = 'US' AND ${THIS_YEAR} GROUP BY m ORDER BY m`,
    mayRefuse: true,
  },
  {
    kind: 'everyday name',
    question: 'orders in Korea last year',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND country = 'KR' AND ${LAST_YEAR}`,
    mayRefuse: true,
  },

  // The dashboard and its tiles.
  {
    kind: 'dashboard',
    question: 'revenue last month',
    context: { dashboardId: DASHBOARD, filters: { region: ['EU'] } },
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND region = 'EU' AND ${LAST_MONTH}`,
  },
  {
    kind: 'tile',
    question: 'break this down by channel',
    context: {
      dashboardId: DASHBOARD,
      tileId: 'revenue-by-category',
      filters: { date: { from: '2026-01-01', to: '2026-07-01' } },
    },
    sql: `SELECT channel, SUM(amount) AS v FROM orders WHERE {S} AND ${inRange('2026-01-01', '2026-07-01')} GROUP BY channel ORDER BY v DESC, channel`,
  },
  {
    kind: 'tile',
    question: 'why did it drop in March?',
    context: { dashboardId: DASHBOARD, tileId: 'revenue-over-time' },
    sql: growthSql(MONTH, 'SUM(amount)', inRange('2026-02-01', '2026-04-01')),
  },
  {
    kind: 'tile',
    question: 'and by region?',
    context: { dashboardId: DASHBOARD, tileId: 'orders', filters: { channel: ['online'] } },
    sql: "SELECT region, COUNT(*) AS v FROM orders WHERE {S} AND channel = 'online' GROUP BY region ORDER BY v DESC, region",
  },
  {
    kind: 'dashboard',
    question: 'what share of revenue is Hardware?',
    context: { dashboardId: DASHBOARD, filters: { channel: ['partner'] } },
    sql: shareSql('category', 'SUM(amount)', "channel = 'partner'", ['Hardware']),
  },

  // Refusals with the real reason.
  {
    kind: 'refusal',
    question: 'revenue for initech last year',
    refusal: /data you can see|only see|outside/i,
  },
  {
    kind: 'refusal',
    question: 'revenue by salesperson',
    refusal: /"salesperson".*(field|column|dimension)|(field|column|dimension).*"salesperson"/is,
  },
  {
    kind: 'refusal',
    question: 'delete all orders from last month',
    refusal: /read-only|only read|cannot (change|delete|modify)/i,
  },
  {
    kind: 'refusal',
    question: 'update the revenue for EU to 0',
    refusal: /read-only|only read|cannot (change|delete|modify)/i,
  },
]
