// A FIFTH held-out set, written 2026-12-01 after the engine changes and the fixes the first four
// sets prompted, before any fix of its own: written from issue 17's text and the demo's data model
// only (not from the engine's code), in new wording. First-contact score recorded here, measured
// untouched on 2026-12-01 (held-out.test.ts, "fifth"):
//   alice: 50/52 (96.2%)   bob: 50/52 (96.2%)   rows outside the asker's scope: 0
//   misses (both users, both follow-ups): "by region instead" after "customers per month in 2026",
//   "only online" answered revenue by region over all time (the measure and the filters of the
//   conversation dropped: a wrong answer); "same for the quarter before" refused ("before" unknown).
// Both classes were then fixed on new development questions (dev-set.ts); since then 52/52 for
// both users, which is no longer a held-out number.
// Shapes in question-set.ts; "today" is 2026-11-21 (the data runs 2024-11-01 to 2026-10-31).
import {
  DASHBOARD,
  growthByDimensionSql,
  growthSql,
  inRange,
  LAST_MONTH,
  LAST_QUARTER,
  LAST_YEAR,
  MONTH,
  Q1_2026,
  Q2_2026,
  QUARTER,
  type QuestionCase,
  shareSql,
  THIS_YEAR,
  YEAR,
  YEAR_2024,
} from './question-set'

export const HELD_OUT_USERS: QuestionCase[] = [
  {
    kind: 'filler',
    question: 'hey, how much revenue did we make in august 2026?',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND ${inRange('2026-08-01', '2026-09-01')}`,
  },
  {
    kind: 'filler',
    question: 'could you tell me the number of orders we got from retail in 2025',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND channel = 'retail' AND ${LAST_YEAR}`,
  },
  {
    kind: 'filler',
    question: 'just curious, what did the partner channel bring in last quarter',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND channel = 'partner' AND ${LAST_QUARTER}`,
  },
  {
    kind: 'filler',
    question: "I'd like to see units sold per category for the first quarter of 2026",
    sql: `SELECT category, SUM(quantity) AS v FROM orders WHERE {S} AND ${Q1_2026} GROUP BY category ORDER BY v DESC, category`,
  },
  {
    kind: 'filler',
    question: 'quick one - basket size in Europe this year?',
    sql: `SELECT AVG(amount) FROM orders WHERE {S} AND region = 'EU' AND ${THIS_YEAR}`,
  },
  {
    kind: 'plain',
    question: 'customers per month in 2026',
    sql: `SELECT ${MONTH} AS m, COUNT(DISTINCT customer_id) FROM orders WHERE {S} AND ${THIS_YEAR} GROUP BY m ORDER BY m`,
  },
  {
    kind: 'plain',
    question: 'which product sold the most units last month',
    sql: `SELECT product, SUM(quantity) AS v FROM orders WHERE {S} AND ${LAST_MONTH} GROUP BY product ORDER BY v DESC, product LIMIT 1`,
  },
  {
    kind: 'plain',
    question: 'lowest revenue category in 2025',
    sql: `SELECT category, SUM(amount) AS v FROM orders WHERE {S} AND ${LAST_YEAR} GROUP BY category ORDER BY v ASC, category LIMIT 1`,
  },
  {
    kind: 'plain',
    question: 'top 3 countries by sales in the EU last year',
    sql: `SELECT country, SUM(amount) AS v FROM orders WHERE {S} AND region = 'EU' AND ${LAST_YEAR} GROUP BY country ORDER BY v DESC, country LIMIT 3`,
  },
  {
    kind: 'misspelling',
    question: 'total revnue last quater',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND ${LAST_QUARTER}`,
  },
  {
    kind: 'misspelling',
    question: 'custmers by chanel in 2025',
    sql: `SELECT channel, COUNT(DISTINCT customer_id) AS v FROM orders WHERE {S} AND ${LAST_YEAR} GROUP BY channel ORDER BY v DESC, channel`,
  },
  {
    kind: 'misspelling',
    question: 'avrage order value for sofware this year',
    sql: `SELECT AVG(amount) FROM orders WHERE {S} AND category = 'Software' AND ${THIS_YEAR}`,
  },
  {
    kind: 'misspelling',
    question: 'number of oders per reigon last month',
    sql: `SELECT region, COUNT(*) AS v FROM orders WHERE {S} AND ${LAST_MONTH} GROUP BY region ORDER BY v DESC, region`,
  },
  {
    kind: 'misspelling',
    question: 'untis sold in Sepember 2026',
    sql: `SELECT SUM(quantity) FROM orders WHERE {S} AND ${inRange('2026-09-01', '2026-10-01')}`,
  },
  {
    kind: 'misspelling',
    question: 'revenue for Enterprize Suite last year',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND product = 'Enterprise Suite' AND ${LAST_YEAR}`,
  },
  {
    kind: 'share',
    question: 'what percentage of orders came through the partner channel in 2025',
    sql: shareSql('channel', 'COUNT(*)', LAST_YEAR, ['partner']),
  },
  {
    kind: 'share',
    question: 'share of revenue by category last quarter',
    sql: shareSql('category', 'SUM(amount)', LAST_QUARTER),
  },
  {
    kind: 'share',
    question: 'how much of our revenue is from Hardware this year, in percent',
    sql: shareSql('category', 'SUM(amount)', THIS_YEAR, ['Hardware']),
  },
  {
    kind: 'share',
    question: '% of customers per region in 2026',
    sql: shareSql('region', 'COUNT(DISTINCT customer_id)', THIS_YEAR),
  },
  {
    kind: 'share',
    question: 'what portion of units were Add-ons in Q3 2026',
    sql: shareSql('category', 'SUM(quantity)', LAST_QUARTER, ['Add-ons']),
  },
  {
    kind: 'growth',
    question: 'how much did orders grow last month',
    sql: growthSql(MONTH, 'COUNT(*)', inRange('2026-09-01', '2026-11-01')),
  },
  {
    kind: 'growth',
    question: 'revenue change from 2024 to 2025',
    sql: growthSql(YEAR, 'SUM(amount)', inRange('2024-01-01', '2026-01-01')),
  },
  {
    kind: 'growth',
    question: 'MoM growth of units in the third quarter of 2026',
    sql: growthSql(MONTH, 'SUM(quantity)', LAST_QUARTER),
  },
  {
    kind: 'growth',
    question: 'how did customers change this quarter compared with last',
    sql: growthSql(QUARTER, 'COUNT(DISTINCT customer_id)', inRange('2026-07-01', '2027-01-01')),
  },
  {
    kind: 'growth',
    question: 'revenue growth by channel from Q2 to Q3 2026',
    sql: growthByDimensionSql('channel', 'SUM(amount)', Q2_2026, LAST_QUARTER),
  },
  {
    kind: 'growth',
    question: 'order growth per region, 2025 vs 2024',
    sql: growthByDimensionSql('region', 'COUNT(*)', YEAR_2024, LAST_YEAR),
  },
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
    question: 'units in March 2026 versus March 2025',
    sql: `SELECT ${MONTH} AS m, SUM(quantity) FROM orders WHERE {S} AND (${inRange('2025-03-01', '2025-04-01')} OR ${inRange('2026-03-01', '2026-04-01')}) GROUP BY m ORDER BY m`,
  },
  {
    kind: 'period vs period',
    question: 'customers in 2025 against 2024',
    sql: `SELECT ${YEAR} AS y, COUNT(DISTINCT customer_id) FROM orders WHERE {S} AND ${inRange('2024-01-01', '2026-01-01')} GROUP BY y ORDER BY y`,
  },
  {
    kind: 'period vs period',
    question: 'Q1 vs Q2 2026 avg order value',
    sql: `SELECT ${QUARTER} AS q, AVG(amount) FROM orders WHERE {S} AND ${inRange('2026-01-01', '2026-07-01')} GROUP BY q ORDER BY q`,
  },
  {
    kind: 'follow-up',
    conversation: ['how many units did we sell in Asia in 2025', 'how about Europe?'],
    question: 'and the revenue there?',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND region = 'EU' AND ${LAST_YEAR}`,
  },
  {
    kind: 'follow-up',
    conversation: ['revenue by category in 2025'],
    question: 'only for the partner channel',
    sql: `SELECT category, SUM(amount) AS v FROM orders WHERE {S} AND channel = 'partner' AND ${LAST_YEAR} GROUP BY category ORDER BY v DESC, category`,
  },
  {
    kind: 'follow-up',
    conversation: ['customers per month in 2026', 'only online'],
    question: 'by region instead',
    sql: `SELECT region, COUNT(DISTINCT customer_id) AS v FROM orders WHERE {S} AND channel = 'online' AND ${THIS_YEAR} GROUP BY region ORDER BY v DESC, region`,
  },
  {
    kind: 'follow-up',
    conversation: ['average order value in Germany last year'],
    question: 'and France?',
    sql: `SELECT AVG(amount) FROM orders WHERE {S} AND country = 'FR' AND ${LAST_YEAR}`,
  },
  {
    kind: 'follow-up',
    conversation: ['revenue by product last quarter'],
    question: 'same for the quarter before',
    sql: `SELECT product, SUM(amount) AS v FROM orders WHERE {S} AND ${Q2_2026} GROUP BY product ORDER BY v DESC, product`,
  },
  {
    kind: 'follow-up',
    conversation: ['orders in the UK this year'],
    question: 'what about last year',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND country = 'GB' AND ${LAST_YEAR}`,
  },
  {
    kind: 'follow-up',
    conversation: ['units by category in Q2 2026', 'only in NA', 'and in APAC?'],
    question: 'what about revenue?',
    sql: `SELECT category, SUM(amount) AS v FROM orders WHERE {S} AND region = 'APAC' AND ${Q2_2026} GROUP BY category ORDER BY v DESC, category`,
    mayRefuse: true,
  },
  {
    kind: 'everyday name',
    question: 'revenue from the States last month',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND country = 'US' AND ${LAST_MONTH}`,
    mayRefuse: true,
  },
  {
    kind: 'everyday name',
    question: 'how many orders came from the UK in Q3 2026',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND country = 'GB' AND ${LAST_QUARTER}`,
  },
  {
    kind: 'everyday name',
    question: 'customers in North America by country this year',
    sql: `SELECT country, COUNT(DISTINCT customer_id) AS v FROM orders WHERE {S} AND region = 'NA' AND ${THIS_YEAR} GROUP BY country ORDER BY v DESC, country`,
    mayRefuse: true,
  },
  {
    kind: 'everyday name',
    question: 'units sold in Japan and Australia last year',
    sql: `SELECT country, SUM(quantity) AS v FROM orders WHERE {S} AND country IN ('JP', 'AU') AND ${LAST_YEAR} GROUP BY country ORDER BY v DESC, country`,
    mayRefuse: true,
  },
  {
    kind: 'everyday name',
    question: 'orders in Spain last month',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND country = 'ES' AND ${LAST_MONTH}`,
  },
  {
    kind: 'tile',
    question: 'break this down by channel',
    context: { dashboardId: DASHBOARD, tileId: 'revenue-by-category' },
    sql: 'SELECT channel, SUM(amount) AS v FROM orders WHERE {S} GROUP BY channel ORDER BY v DESC, channel',
  },
  {
    kind: 'tile',
    question: 'and for orders?',
    context: { dashboardId: DASHBOARD, tileId: 'revenue-over-time', filters: { region: ['EU'] } },
    sql: `SELECT ${MONTH} AS m, COUNT(*) FROM orders WHERE {S} AND region = 'EU' GROUP BY m ORDER BY m`,
  },
  {
    kind: 'tile',
    question: 'why did it go down in May?',
    context: { dashboardId: DASHBOARD, tileId: 'revenue-over-time' },
    sql: growthSql(MONTH, 'SUM(amount)', inRange('2026-04-01', '2026-06-01')),
  },
  {
    kind: 'dashboard',
    question: 'revenue by region last year',
    context: { dashboardId: DASHBOARD, filters: { channel: ['retail'] } },
    sql: `SELECT region, SUM(amount) AS v FROM orders WHERE {S} AND channel = 'retail' AND ${LAST_YEAR} GROUP BY region ORDER BY v DESC, region`,
  },
  {
    kind: 'refusal',
    question: 'how much revenue did Initech make last quarter',
    refusal: /data you can see|only see|outside/i,
  },
  {
    kind: 'refusal',
    question: 'show me revenue by payment method',
    refusal: /no field|not a field/i,
  },
  {
    kind: 'refusal',
    question: 'delete all orders from 2024',
    refusal: /read-only|only read|cannot (change|delete|modify)/i,
  },
  {
    kind: 'refusal',
    question: "what's our refund rate by category",
    refusal: /no measure|not a measure/i,
  },
  {
    kind: 'refusal',
    question: 'please update the price of Team Plan to 150',
    refusal: /read-only|only read|cannot (change|delete|modify)/i,
  },
]
