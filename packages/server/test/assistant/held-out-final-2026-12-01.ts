// A THIRD held-out set, written 2026-12-01 after every engine change of issue 17 (including the
// fixes the first two sets prompted), measured once and not tuned to. The first two sets were each
// looked at and then fixed against; this one is the clean measurement. New wording throughout;
// shapes in question-set.ts; "today" is 2026-11-21.
import {
  DASHBOARD,
  growthByDimensionSql,
  growthSql,
  inRange,
  LAST_YEAR,
  MONTH,
  Q1_2025,
  Q1_2026,
  Q2_2026,
  Q3_2026,
  QUARTER,
  type QuestionCase,
  shareSql,
  THIS_QUARTER,
  THIS_YEAR,
  YEAR,
} from './question-set'

const DAY = 'CAST(order_date AS VARCHAR)'

export const HELD_OUT_FINAL: QuestionCase[] = [
  {
    kind: 'plain',
    question: 'Revenue for the last 3 months by month',
    sql: `SELECT ${MONTH} AS m, SUM(amount) FROM orders WHERE {S} AND ${inRange('2026-08-22', '2026-11-22')} GROUP BY m ORDER BY m`,
  },
  {
    kind: 'filler',
    question: 'what were our top selling categories in Q2?',
    sql: `SELECT category, SUM(amount) AS v FROM orders WHERE {S} AND ${Q2_2026} GROUP BY category ORDER BY v DESC, category LIMIT 10`,
  },
  {
    kind: 'refusal',
    question: 'How many new customers did we get last month?',
    refusal: /"new"/,
  },
  {
    kind: 'period vs period',
    question: 'Show me sales by region for Q1 2026 vs Q1 2025',
    sql: growthByDimensionSql('region', 'SUM(amount)', Q1_2025, Q1_2026),
  },
  {
    kind: 'plain',
    question: 'customer count by country, top 5, this year',
    sql: `SELECT country, COUNT(DISTINCT customer_id) AS v FROM orders WHERE {S} AND ${THIS_YEAR} GROUP BY country ORDER BY v DESC, country LIMIT 5`,
  },
  {
    kind: 'filler',
    question: 'avg order size in France last quarter',
    sql: `SELECT AVG(amount) FROM orders WHERE {S} AND country = 'FR' AND ${Q3_2026}`,
  },
  {
    kind: 'plain',
    question: 'revenue split by channel and region for 2025',
    sql: `SELECT region, channel, SUM(amount) AS v FROM orders WHERE {S} AND ${LAST_YEAR} GROUP BY region, channel ORDER BY v DESC, region, channel`,
  },
  {
    kind: 'period vs period',
    question: 'How are we doing in Italy this year compared to last year?',
    sql: `SELECT ${YEAR} AS y, SUM(amount) FROM orders WHERE {S} AND country = 'IT' AND ${inRange('2025-01-01', '2027-01-01')} GROUP BY y ORDER BY y`,
  },
  {
    kind: 'plain',
    question: 'Total units for Edge Router and Sensor Kit in 2025',
    sql: `SELECT SUM(quantity) FROM orders WHERE {S} AND product IN ('Edge Router', 'Sensor Kit') AND ${LAST_YEAR}`,
  },
  {
    kind: 'share',
    question: 'What % of revenue is from APAC this year?',
    sql: shareSql('region', 'SUM(amount)', THIS_YEAR, ['APAC']),
  },
  {
    kind: 'share',
    question: 'share of units sold per product in Q3 2026',
    sql: shareSql('product', 'SUM(quantity)', Q3_2026),
  },
  {
    kind: 'plain',
    question: 'orders trend for retail over the past 6 months',
    sql: `SELECT ${MONTH} AS m, COUNT(*) FROM orders WHERE {S} AND channel = 'retail' AND ${inRange('2026-05-22', '2026-11-22')} GROUP BY m ORDER BY m`,
  },
  {
    kind: 'growth',
    question: 'did the partner channel grow this year?',
    sql: growthSql(
      YEAR,
      'SUM(amount)',
      `channel = 'partner' AND ${inRange('2025-01-01', '2027-01-01')}`,
    ),
  },
  {
    kind: 'growth',
    question: 'q3 revenue growth vs q2',
    sql: growthSql(QUARTER, 'SUM(amount)', inRange('2026-04-01', '2026-10-01')),
  },
  {
    kind: 'growth',
    question: 'revenue change by channel from Q2 to Q3 2026',
    sql: growthByDimensionSql('channel', 'SUM(amount)', Q2_2026, Q3_2026),
  },
  {
    kind: 'plain',
    question: 'daily orders from October 1 to October 7 2026',
    sql: `SELECT ${DAY} AS d, COUNT(*) FROM orders WHERE {S} AND ${inRange('2026-10-01', '2026-10-08')} GROUP BY d ORDER BY d`,
  },
  {
    kind: 'growth',
    question: 'how much did the average order value change last quarter?',
    sql: growthSql(QUARTER, 'AVG(amount)', inRange('2026-04-01', '2026-10-01')),
  },
  {
    kind: 'filler',
    question: 'Hi! Could you tell me what our revenue looked like in March 2026?',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND ${inRange('2026-03-01', '2026-04-01')}`,
  },
  {
    kind: 'filler',
    question: 'I need the order count for Germany and France for last year, thanks',
    sql: `SELECT country, COUNT(*) AS v FROM orders WHERE {S} AND country IN ('DE', 'FR') AND ${LAST_YEAR} GROUP BY country ORDER BY v DESC, country`,
  },
  {
    kind: 'filler',
    question: 'pls show units by product category for this quarter',
    sql: `SELECT category, SUM(quantity) AS v FROM orders WHERE {S} AND ${THIS_QUARTER} GROUP BY category ORDER BY v DESC, category`,
  },
  {
    kind: 'filler',
    question: "what's the story with revenue in the partner channel over 2025, month by month",
    sql: `SELECT ${MONTH} AS m, SUM(amount) FROM orders WHERE {S} AND channel = 'partner' AND ${LAST_YEAR} GROUP BY m ORDER BY m`,
  },
  {
    kind: 'filler',
    question: 'give me a rundown of customers per region for H2 2025',
    sql: `SELECT region, COUNT(DISTINCT customer_id) AS v FROM orders WHERE {S} AND ${inRange('2025-07-01', '2026-01-01')} GROUP BY region ORDER BY v DESC, region`,
  },
  {
    kind: 'filler',
    question: 'just the total revenue for Onboarding in the last 90 days',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND product = 'Onboarding' AND ${inRange('2026-08-24', '2026-11-22')}`,
  },
  {
    kind: 'period vs period',
    question: 'revenue in H1 2026 vs H1 2025',
    sql: `SELECT ${YEAR} AS y, SUM(amount) FROM orders WHERE {S} AND (${inRange('2025-01-01', '2025-07-01')} OR ${inRange('2026-01-01', '2026-07-01')}) GROUP BY y ORDER BY y`,
  },
  {
    kind: 'period vs period',
    question: 'units sold September 2026 compared with August 2026',
    sql: `SELECT ${MONTH} AS m, SUM(quantity) FROM orders WHERE {S} AND ${inRange('2026-08-01', '2026-10-01')} GROUP BY m ORDER BY m`,
  },
  {
    kind: 'period vs period',
    question: 'compare customers in 2024 and 2025',
    sql: `SELECT ${YEAR} AS y, COUNT(DISTINCT customer_id) FROM orders WHERE {S} AND ${inRange('2024-01-01', '2026-01-01')} GROUP BY y ORDER BY y`,
  },
  {
    kind: 'follow-up',
    conversation: ['revenue by category last quarter'],
    question: 'same for units',
    sql: `SELECT category, SUM(quantity) AS v FROM orders WHERE {S} AND ${Q3_2026} GROUP BY category ORDER BY v DESC, category`,
  },
  {
    kind: 'follow-up',
    conversation: ['orders from online in 2025', 'what about retail?'],
    question: 'and partner?',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND channel = 'partner' AND ${LAST_YEAR}`,
  },
  {
    kind: 'follow-up',
    conversation: ['top 5 countries by revenue this year', 'only in EU'],
    question: 'how about last year?',
    sql: `SELECT country, SUM(amount) AS v FROM orders WHERE {S} AND region = 'EU' AND ${LAST_YEAR} GROUP BY country ORDER BY v DESC, country LIMIT 5`,
  },
  {
    kind: 'follow-up',
    conversation: ['revenue in Q3 2026 by region'],
    question: 'break it down by channel instead',
    sql: `SELECT channel, SUM(amount) AS v FROM orders WHERE {S} AND ${Q3_2026} GROUP BY channel ORDER BY v DESC, channel`,
  },
  {
    kind: 'follow-up',
    conversation: ['how many orders for Team Plan in 2025'],
    question: 'and Analytics Pro?',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND product = 'Analytics Pro' AND ${LAST_YEAR}`,
  },
  {
    kind: 'everyday name',
    question: 'revenue in the EMEA region last year',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND region = 'EU' AND ${LAST_YEAR}`,
  },
  {
    kind: 'everyday name',
    question: 'orders from Australia and Japan in 2026',
    sql: `SELECT country, COUNT(*) AS v FROM orders WHERE {S} AND country IN ('AU', 'JP') AND ${THIS_YEAR} GROUP BY country ORDER BY v DESC, country`,
    mayRefuse: true,
  },
  {
    kind: 'everyday name',
    question: 'customers in the Netherlands by channel',
    sql: "SELECT channel, COUNT(DISTINCT customer_id) AS v FROM orders WHERE {S} AND country = 'NL' GROUP BY channel ORDER BY v DESC, channel",
  },
  {
    kind: 'everyday name',
    question: 'how is Mexico doing this year',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND country = 'MX' AND ${THIS_YEAR}`,
    mayRefuse: true,
  },
  {
    kind: 'tile',
    question: 'show the top 3 only',
    context: { dashboardId: DASHBOARD, tileId: 'revenue-by-category' },
    sql: 'SELECT category, SUM(amount) AS v FROM orders WHERE {S} GROUP BY category ORDER BY v DESC, category LIMIT 3',
  },
  {
    kind: 'tile',
    question: 'how has this changed month over month this year?',
    context: { dashboardId: DASHBOARD, tileId: 'revenue', filters: { region: ['EU'] } },
    sql: growthSql(MONTH, 'SUM(amount)', `region = 'EU' AND ${THIS_YEAR}`),
  },
  {
    kind: 'dashboard',
    question: 'which product sells best?',
    context: { dashboardId: DASHBOARD, filters: { channel: ['retail'] } },
    sql: "SELECT product, SUM(amount) AS v FROM orders WHERE {S} AND channel = 'retail' GROUP BY product ORDER BY v DESC, product LIMIT 1",
  },
  {
    kind: 'tile',
    question: 'what about for EU?',
    context: { dashboardId: DASHBOARD, tileId: 'top-products' },
    sql: "SELECT product, category, SUM(amount) AS v, COUNT(*), SUM(quantity) FROM orders WHERE {S} AND region = 'EU' GROUP BY product, category ORDER BY v DESC, product, category LIMIT 10",
  },
  {
    kind: 'refusal',
    question: 'compare our revenue with Contoso',
    refusal: /data you can see|only see|outside/i,
  },
  {
    kind: 'refusal',
    question: 'add a new product called Mega Plan',
    refusal: /read-only|only read|cannot (change|delete|modify)/i,
  },
  {
    kind: 'refusal',
    question: 'revenue by sales manager',
    refusal: /no field|not a field/i,
  },
  {
    kind: 'refusal',
    question: "what's our churn rate this year?",
    refusal: /no measure|not a measure/i,
  },
]
