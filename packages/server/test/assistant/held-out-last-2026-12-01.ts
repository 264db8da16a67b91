// A FOURTH held-out set, written 2026-12-01 after the fixes the third one prompted, measured once
// and not tuned to: the last clean measurement of issue 17's work. New wording throughout; shapes
// in question-set.ts; "today" is 2026-11-21 (the data ends 2026-10-31).
import {
  DASHBOARD,
  growthSql,
  inRange,
  LAST_MONTH,
  LAST_YEAR,
  MONTH,
  Q3_2026,
  QUARTER,
  type QuestionCase,
  shareSql,
  THIS_QUARTER,
  THIS_YEAR,
  YEAR,
} from './question-set'

export const HELD_OUT_LAST: QuestionCase[] = [
  {
    kind: 'plain',
    question: 'How many orders came in yesterday?',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND ${inRange('2026-11-20', '2026-11-21')}`,
  },
  {
    kind: 'plain',
    question: 'show revenue by product for the partner channel in Q1 2026',
    sql: `SELECT product, SUM(amount) AS v FROM orders WHERE {S} AND channel = 'partner' AND ${inRange('2026-01-01', '2026-04-01')} GROUP BY product ORDER BY v DESC, product`,
  },
  {
    kind: 'plain',
    question: 'which country had the fewest customers last year',
    sql: `SELECT country, COUNT(DISTINCT customer_id) AS v FROM orders WHERE {S} AND ${LAST_YEAR} GROUP BY country ORDER BY v ASC, country LIMIT 1`,
  },
  {
    kind: 'plain',
    question: 'average order value per month in 2025',
    sql: `SELECT ${MONTH} AS m, AVG(amount) FROM orders WHERE {S} AND ${LAST_YEAR} GROUP BY m ORDER BY m`,
  },
  {
    kind: 'plain',
    question: 'revenue for Software and Services combined this year',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND category IN ('Software', 'Services') AND ${THIS_YEAR}`,
  },
  {
    kind: 'plain',
    question: 'orders by category excluding Accessories in Q3 2026',
    sql: `SELECT category, COUNT(*) AS v FROM orders WHERE {S} AND category <> 'Accessories' AND ${Q3_2026} GROUP BY category ORDER BY v DESC, category`,
  },
  {
    kind: 'filler',
    question: 'what is the revenue breakdown by region for the online channel in September 2026',
    sql: `SELECT region, SUM(amount) AS v FROM orders WHERE {S} AND channel = 'online' AND ${inRange('2026-09-01', '2026-10-01')} GROUP BY region ORDER BY v DESC, region`,
  },
  {
    kind: 'misspelling',
    question: 'how mnay orders in Octobr 2026',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND ${LAST_MONTH}`,
  },
  {
    kind: 'misspelling',
    question: 'reveune by catagory in 2026',
    sql: `SELECT category, SUM(amount) AS v FROM orders WHERE {S} AND ${THIS_YEAR} GROUP BY category ORDER BY v DESC, category`,
  },
  {
    kind: 'misspelling',
    question: 'best performing prodcts this quarter by revenue',
    sql: `SELECT product, SUM(amount) AS v FROM orders WHERE {S} AND ${THIS_QUARTER} GROUP BY product ORDER BY v DESC, product LIMIT 10`,
  },
  {
    kind: 'share',
    question: 'what fraction of units came from the EU last year',
    sql: shareSql('region', 'SUM(quantity)', LAST_YEAR, ['EU']),
  },
  {
    kind: 'share',
    question: 'channel mix of revenue this year',
    sql: shareSql('channel', 'SUM(amount)', THIS_YEAR),
  },
  {
    kind: 'share',
    question: 'percent of revenue by country in 2025',
    sql: shareSql('country', 'SUM(amount)', LAST_YEAR),
  },
  {
    kind: 'growth',
    question: 'how much did revenue decline in the retail channel last month?',
    sql: growthSql(
      MONTH,
      'SUM(amount)',
      `channel = 'retail' AND ${inRange('2026-09-01', '2026-11-01')}`,
    ),
  },
  {
    kind: 'growth',
    question: "what's the growth rate of orders this quarter vs last quarter",
    sql: growthSql(QUARTER, 'COUNT(*)', inRange('2026-07-01', '2027-01-01')),
  },
  {
    kind: 'growth',
    question: 'quarterly orders growth in 2025',
    sql: growthSql(QUARTER, 'COUNT(*)', LAST_YEAR),
  },
  {
    kind: 'growth',
    question: 'YoY revenue growth for EU',
    sql: growthSql(YEAR, 'SUM(amount)', "region = 'EU'"),
  },
  {
    kind: 'period vs period',
    question: 'revenue in Q2 2026 and Q3 2026',
    sql: `SELECT ${QUARTER} AS q, SUM(amount) FROM orders WHERE {S} AND ${inRange('2026-04-01', '2026-10-01')} GROUP BY q ORDER BY q`,
  },
  {
    kind: 'period vs period',
    question: 'orders January 2026 vs January 2025',
    sql: `SELECT ${MONTH} AS m, COUNT(*) FROM orders WHERE {S} AND (${inRange('2025-01-01', '2025-02-01')} OR ${inRange('2026-01-01', '2026-02-01')}) GROUP BY m ORDER BY m`,
  },
  {
    kind: 'filler',
    question: "yo what's the revenue look like for Team Plan this year",
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND product = 'Team Plan' AND ${THIS_YEAR}`,
  },
  {
    kind: 'filler',
    question: 'can I get orders by country for last month please',
    sql: `SELECT country, COUNT(*) AS v FROM orders WHERE {S} AND ${LAST_MONTH} GROUP BY country ORDER BY v DESC, country`,
  },
  {
    kind: 'filler',
    question: 'roughly speaking, how many units went out in Q2 2026',
    sql: `SELECT SUM(quantity) FROM orders WHERE {S} AND ${inRange('2026-04-01', '2026-07-01')}`,
  },
  {
    kind: 'filler',
    question: 'out of curiosity which channel did best last quarter',
    sql: `SELECT channel, SUM(amount) AS v FROM orders WHERE {S} AND ${Q3_2026} GROUP BY channel ORDER BY v DESC, channel LIMIT 1`,
  },
  {
    kind: 'follow-up',
    conversation: ['units by region last year'],
    question: 'and the year before?',
    sql: `SELECT region, SUM(quantity) AS v FROM orders WHERE {S} AND ${inRange('2024-01-01', '2025-01-01')} GROUP BY region ORDER BY v DESC, region`,
  },
  {
    kind: 'follow-up',
    conversation: ['revenue by product in Q3 2026', 'only Hardware'],
    question: 'top 3',
    sql: `SELECT product, SUM(amount) AS v FROM orders WHERE {S} AND category = 'Hardware' AND ${Q3_2026} GROUP BY product ORDER BY v DESC, product LIMIT 3`,
  },
  {
    kind: 'follow-up',
    conversation: ['how many customers in France this year'],
    question: 'and in Germany?',
    sql: `SELECT COUNT(DISTINCT customer_id) FROM orders WHERE {S} AND country = 'DE' AND ${THIS_YEAR}`,
  },
  {
    kind: 'follow-up',
    conversation: ['average order value by channel last quarter'],
    question: 'what about by category?',
    sql: `SELECT category, AVG(amount) AS v FROM orders WHERE {S} AND ${Q3_2026} GROUP BY category ORDER BY v DESC, category`,
  },
  {
    kind: 'everyday name',
    question: 'revenue in Asia-Pacific in 2025',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND region = 'APAC' AND ${LAST_YEAR}`,
    mayRefuse: true,
  },
  {
    kind: 'everyday name',
    question: 'orders from South Korea last quarter',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND country = 'KR' AND ${Q3_2026}`,
    mayRefuse: true,
  },
  {
    kind: 'everyday name',
    question: 'sales in Great Britain and Germany this year',
    sql: `SELECT country, SUM(amount) AS v FROM orders WHERE {S} AND country IN ('GB', 'DE') AND ${THIS_YEAR} GROUP BY country ORDER BY v DESC, country`,
  },
  {
    kind: 'everyday name',
    question: 'how many customers in the Americas in 2025',
    sql: `SELECT COUNT(DISTINCT customer_id) FROM orders WHERE {S} AND region = 'NA' AND ${LAST_YEAR}`,
    mayRefuse: true,
  },
  {
    kind: 'tile',
    question: 'what about for online only?',
    context: { dashboardId: DASHBOARD, tileId: 'revenue-over-time' },
    sql: `SELECT ${MONTH} AS m, SUM(amount) FROM orders WHERE {S} AND channel = 'online' GROUP BY m ORDER BY m`,
  },
  {
    kind: 'tile',
    question: "what's the share of each?",
    context: { dashboardId: DASHBOARD, tileId: 'revenue-by-category' },
    sql: shareSql('category', 'SUM(amount)', 'TRUE'),
  },
  {
    kind: 'dashboard',
    question: 'top 5 products by units',
    context: {
      dashboardId: DASHBOARD,
      filters: { date: { from: '2026-07-01', to: '2026-10-01' } },
    },
    sql: `SELECT product, SUM(quantity) AS v FROM orders WHERE {S} AND ${Q3_2026} GROUP BY product ORDER BY v DESC, product LIMIT 5`,
  },
  {
    kind: 'dashboard',
    question: 'how many customers?',
    context: { dashboardId: DASHBOARD, filters: { region: ['EU'], channel: ['online'] } },
    sql: "SELECT COUNT(DISTINCT customer_id) FROM orders WHERE {S} AND region = 'EU' AND channel = 'online'",
  },
  {
    kind: 'refusal',
    question: 'revenue for Stark Industries last year',
    refusal: /data you can see|only see|outside/i,
  },
  {
    kind: 'refusal',
    question: 'orders by warehouse',
    refusal: /no field|not a field/i,
  },
  {
    kind: 'refusal',
    question: 'set the revenue target to 1 million',
    refusal: /read-only|only read|cannot (change|delete|modify)/i,
  },
  {
    kind: 'refusal',
    question: "what's the average delivery time by region",
    refusal: /no measure|not a measure/i,
  },
  {
    kind: 'plain',
    question: 'Revenue by quarter for 2025 and 2026',
    sql: `SELECT ${QUARTER} AS q, SUM(amount) FROM orders WHERE {S} AND ${inRange('2025-01-01', '2027-01-01')} GROUP BY q ORDER BY q`,
  },
  {
    kind: 'plain',
    question: 'biggest 3 products by orders in the EU last quarter',
    sql: `SELECT product, COUNT(*) AS v FROM orders WHERE {S} AND region = 'EU' AND ${Q3_2026} GROUP BY product ORDER BY v DESC, product LIMIT 3`,
  },
]
