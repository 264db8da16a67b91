// DEVELOPMENT questions of issue 17: the engine is tuned against these (the held-out set in
// held-out-set-2026-12-01.ts is only measured). Same classes, other words. Shapes in question-set.ts;
// "today" is 2026-11-21.
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

export const DEV_SET: QuestionCase[] = [
  {
    kind: 'misspelling',
    question: 'revenu by cuntry in 2025',
    sql: `SELECT country, SUM(amount) AS v FROM orders WHERE {S} AND ${LAST_YEAR} GROUP BY country ORDER BY v DESC, country`,
  },
  {
    kind: 'misspelling',
    question: 'number of oders by prodct last quarter',
    sql: `SELECT product, COUNT(*) AS v FROM orders WHERE {S} AND ${LAST_QUARTER} GROUP BY product ORDER BY v DESC, product`,
  },
  {
    kind: 'misspelling',
    question: 'custmer count in Frnace this year',
    sql: `SELECT COUNT(DISTINCT customer_id) FROM orders WHERE {S} AND country = 'FR' AND ${THIS_YEAR}`,
  },
  {
    kind: 'misspelling',
    question: 'avg order vlaue for retial last month',
    sql: `SELECT AVG(amount) FROM orders WHERE {S} AND channel = 'retail' AND ${LAST_MONTH}`,
  },
  {
    kind: 'misspelling',
    question: 'revenue for Sofware by month in 2025',
    sql: `SELECT ${MONTH} AS m, SUM(amount) FROM orders WHERE {S} AND category = 'Software' AND ${LAST_YEAR} GROUP BY m ORDER BY m`,
  },
  {
    kind: 'share',
    question: 'how much of our revenue comes from the partner channel, as a percentage, in 2025',
    sql: shareSql('channel', 'SUM(amount)', LAST_YEAR, ['partner']),
  },
  {
    kind: 'share',
    question: 'revenue share by category last quarter',
    sql: shareSql('category', 'SUM(amount)', LAST_QUARTER),
  },
  {
    kind: 'share',
    question: 'what proportion of orders were Software this year',
    sql: shareSql('category', 'COUNT(*)', THIS_YEAR, ['Software']),
  },
  {
    kind: 'share',
    question: 'percentage of units by channel',
    sql: shareSql('channel', 'SUM(quantity)', 'TRUE'),
  },
  {
    kind: 'growth',
    question: 'how much did orders increase last month',
    sql: growthSql(MONTH, 'COUNT(*)', inRange('2026-09-01', '2026-11-01')),
  },
  {
    kind: 'growth',
    question: 'revenue growth from 2025 to 2026',
    sql: growthSql(YEAR, 'SUM(amount)', inRange('2025-01-01', '2027-01-01')),
  },
  {
    kind: 'growth',
    question: 'change in units sold Q2 2026 vs Q1 2026',
    sql: growthSql(QUARTER, 'SUM(quantity)', inRange('2026-01-01', '2026-07-01')),
  },
  {
    kind: 'growth',
    question: 'quarter over quarter revenue growth in 2025',
    sql: growthSql(QUARTER, 'SUM(amount)', LAST_YEAR),
  },
  {
    kind: 'growth',
    question: 'how did orders by channel change last quarter vs the quarter before',
    sql: growthByDimensionSql(
      'channel',
      'COUNT(*)',
      inRange('2026-04-01', '2026-07-01'),
      LAST_QUARTER,
    ),
  },
  {
    kind: 'filler',
    question: 'just curious, what were sales like in Q3 2025 for the EU',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND region = 'EU' AND ${inRange('2025-07-01', '2025-10-01')}`,
  },
  {
    kind: 'filler',
    question: 'how many orders came in through retail last quarter',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND channel = 'retail' AND ${LAST_QUARTER}`,
  },
  {
    kind: 'filler',
    question: 'could you quickly check the revenue we got from Services in 2025',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND category = 'Services' AND ${LAST_YEAR}`,
  },
  {
    kind: 'filler',
    question: 'what kind of revenue are we seeing per region this year',
    sql: `SELECT region, SUM(amount) AS v FROM orders WHERE {S} AND ${THIS_YEAR} GROUP BY region ORDER BY v DESC, region`,
  },
  {
    kind: 'filler',
    question: 'which product brought in the most money last year',
    sql: `SELECT product, SUM(amount) AS v FROM orders WHERE {S} AND ${LAST_YEAR} GROUP BY product ORDER BY v DESC, product LIMIT 1`,
  },
  {
    kind: 'filler',
    question: 'hey, approximately how many units did we move in October 2026',
    sql: `SELECT SUM(quantity) FROM orders WHERE {S} AND ${LAST_MONTH}`,
  },
  {
    kind: 'period vs period',
    question: 'orders last quarter vs the quarter before',
    sql: `SELECT ${QUARTER} AS q, COUNT(*) FROM orders WHERE {S} AND ${inRange('2026-04-01', '2026-10-01')} GROUP BY q ORDER BY q`,
  },
  {
    kind: 'period vs period',
    question: 'revenue this year compared to last',
    sql: `SELECT ${YEAR} AS y, SUM(amount) FROM orders WHERE {S} AND ${inRange('2025-01-01', '2027-01-01')} GROUP BY y ORDER BY y`,
  },
  {
    kind: 'period vs period',
    question: 'units in March 2026 versus March 2025',
    sql: `SELECT ${MONTH} AS m, SUM(quantity) FROM orders WHERE {S} AND (${inRange('2025-03-01', '2025-04-01')} OR ${inRange('2026-03-01', '2026-04-01')}) GROUP BY m ORDER BY m`,
  },
  {
    kind: 'follow-up',
    conversation: ['orders in APAC this year', 'how about EU?'],
    question: 'and revenue there?',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND region = 'EU' AND ${THIS_YEAR}`,
  },
  {
    kind: 'follow-up',
    conversation: ['revenue by category in 2025', 'only online'],
    question: 'what about by product?',
    sql: `SELECT product, SUM(amount) AS v FROM orders WHERE {S} AND channel = 'online' AND ${LAST_YEAR} GROUP BY product ORDER BY v DESC, product`,
  },
  {
    kind: 'follow-up',
    conversation: ['customers in France last quarter', 'and Spain?'],
    question: 'what about this year?',
    sql: `SELECT COUNT(DISTINCT customer_id) FROM orders WHERE {S} AND country = 'ES' AND ${THIS_YEAR}`,
  },
  {
    kind: 'everyday name',
    question: 'revenue in Asia last quarter',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND region = 'APAC' AND ${LAST_QUARTER}`,
    mayRefuse: true,
  },
  {
    kind: 'everyday name',
    question: 'orders from the USA by month in 2025',
    sql: `SELECT ${MONTH} AS m, COUNT(*) FROM orders WHERE {S} AND country = 'US' AND ${LAST_YEAR} GROUP BY m ORDER BY m`,
    mayRefuse: true,
  },
  {
    kind: 'everyday name',
    question: 'units sold in Britain this year',
    sql: `SELECT SUM(quantity) FROM orders WHERE {S} AND country = 'GB' AND ${THIS_YEAR}`,
  },
  {
    kind: 'everyday name',
    question: 'revenue for European customers by channel in 2025',
    sql: `SELECT channel, SUM(amount) AS v FROM orders WHERE {S} AND region = 'EU' AND ${LAST_YEAR} GROUP BY channel ORDER BY v DESC, channel`,
  },
  {
    kind: 'everyday name',
    question: 'how many orders came from Holland last year',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND country = 'NL' AND ${LAST_YEAR}`,
  },
  {
    kind: 'dashboard',
    question: 'how many orders this year',
    context: { dashboardId: DASHBOARD, filters: { channel: ['retail'] } },
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND channel = 'retail' AND ${THIS_YEAR}`,
  },
  {
    kind: 'tile',
    question: 'split this by region',
    context: { dashboardId: DASHBOARD, tileId: 'revenue' },
    sql: 'SELECT region, SUM(amount) AS v FROM orders WHERE {S} GROUP BY region ORDER BY v DESC, region',
  },
  {
    kind: 'tile',
    question: 'what was it last quarter?',
    context: { dashboardId: DASHBOARD, tileId: 'revenue-by-category' },
    sql: `SELECT category, SUM(amount) AS v FROM orders WHERE {S} AND ${LAST_QUARTER} GROUP BY category ORDER BY v DESC, category LIMIT 10`,
  },
  {
    kind: 'tile',
    question: 'how did it change in June?',
    context: { dashboardId: DASHBOARD, tileId: 'revenue-over-time', filters: { region: ['EU'] } },
    sql: growthSql(
      MONTH,
      'SUM(amount)',
      `region = 'EU' AND ${inRange('2026-05-01', '2026-07-01')}`,
    ),
  },
  {
    kind: 'refusal',
    question: 'orders for Hooli this year',
    refusal: /data you can see|only see|outside/i,
  },
  {
    kind: 'refusal',
    question: 'average discount by region',
    refusal: /"discount".*(field|column|measure)|(field|column|measure).*"discount"/is,
  },
  {
    kind: 'refusal',
    question: 'remove the partner orders from 2025',
    refusal: /read-only|only read|cannot (change|delete|modify)/i,
  },
  {
    kind: 'refusal',
    question: 'please insert a new order for Team Plan',
    refusal: /read-only|only read|cannot (change|delete|modify)/i,
  },
  // Added after the second held-out set's measurement, with other words for its classes.
  {
    kind: 'follow-up',
    conversation: ['orders by channel in 2025', 'only EU'],
    question: 'now by product',
    sql: `SELECT product, COUNT(*) AS v FROM orders WHERE {S} AND region = 'EU' AND ${LAST_YEAR} GROUP BY product ORDER BY v DESC, product`,
  },
  {
    kind: 'everyday name',
    question: 'how many orders did we get in the US last year',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND country = 'US' AND ${LAST_YEAR}`,
    mayRefuse: true,
  },
  {
    kind: 'refusal',
    question: 'revenue by customer segment',
    refusal: /no field "segment"/i,
  },
  {
    kind: 'filler',
    question: 'which region brings in the most cash this year',
    sql: `SELECT region, SUM(amount) AS v FROM orders WHERE {S} AND ${THIS_YEAR} GROUP BY region ORDER BY v DESC, region LIMIT 1`,
  },
  {
    kind: 'refusal',
    question: "what's the conversion rate by channel",
    refusal: /no measure "conversion rate"/i,
  },
  {
    kind: 'share',
    question: 'which category has the smallest share of orders this year',
    sql: `WITH g AS (SELECT category AS k, COUNT(*) AS v FROM orders WHERE {S} AND ${THIS_YEAR} GROUP BY k)
      SELECT k, v, CAST(v AS DOUBLE) / (SELECT COUNT(*) FROM orders WHERE {S} AND ${THIS_YEAR}) FROM g ORDER BY v ASC, k LIMIT 1`,
  },
  {
    kind: 'refusal',
    question: 'please cancel Team Plan order 77',
    refusal: /read-only|only read/i,
  },
  {
    kind: 'misspelling',
    question: 'avg ordr vaule in EU',
    sql: "SELECT AVG(amount) FROM orders WHERE {S} AND region = 'EU'",
  },
  {
    kind: 'misspelling',
    question: 'montly revenue in 2025',
    sql: `SELECT ${MONTH} AS m, SUM(amount) FROM orders WHERE {S} AND ${LAST_YEAR} GROUP BY m ORDER BY m`,
  }, // Added after the third held-out set's measurement, with other words for its classes.
  {
    kind: 'growth',
    question: 'units change by region from Q1 to Q2 2026',
    sql: growthByDimensionSql(
      'region',
      'SUM(quantity)',
      inRange('2026-01-01', '2026-04-01'),
      inRange('2026-04-01', '2026-07-01'),
    ),
  },
  {
    kind: 'period vs period',
    question: 'orders in the first half of 2025 versus the first half of 2026',
    sql: `SELECT ${YEAR} AS y, COUNT(*) FROM orders WHERE {S} AND (${inRange('2025-01-01', '2025-07-01')} OR ${inRange('2026-01-01', '2026-07-01')}) GROUP BY y ORDER BY y`,
  },
  {
    kind: 'misspelling',
    question: 'avg order for online in 2025',
    sql: `SELECT AVG(amount) FROM orders WHERE {S} AND channel = 'online' AND ${LAST_YEAR}`,
  },
  {
    kind: 'tile',
    question: 'just the top 5',
    context: { dashboardId: DASHBOARD, tileId: 'top-products' },
    sql: 'SELECT product, category, SUM(amount) AS v, COUNT(*), SUM(quantity) FROM orders WHERE {S} GROUP BY product, category ORDER BY v DESC, product, category LIMIT 5',
  },
  // Added after the fourth held-out set's measurement, with other words for its classes.
  {
    kind: 'growth',
    question: 'monthly revenue growth in Q3 2026',
    sql: growthSql(MONTH, 'SUM(amount)', LAST_QUARTER),
  },
  {
    kind: 'follow-up',
    conversation: ['units by category this year'],
    question: 'bottom 2',
    sql: `SELECT category, SUM(quantity) AS v FROM orders WHERE {S} AND ${THIS_YEAR} GROUP BY category ORDER BY v ASC, category LIMIT 2`,
  },
  {
    kind: 'refusal',
    question: 'top 3',
    refusal: /Top 3 of what\?/,
  },
  // Added after the fifth held-out set's first contact, with other words for its classes.
  {
    kind: 'follow-up',
    conversation: ['units per month last year', 'only retail'],
    question: 'split by category instead',
    sql: `SELECT category, SUM(quantity) AS v FROM orders WHERE {S} AND channel = 'retail' AND ${LAST_YEAR} GROUP BY category ORDER BY v DESC, category`,
  },
  {
    kind: 'follow-up',
    conversation: ['average order value by month this year', 'just Hardware'],
    question: 'now per channel',
    sql: `SELECT channel, AVG(amount) AS v FROM orders WHERE {S} AND category = 'Hardware' AND ${THIS_YEAR} GROUP BY channel ORDER BY v DESC, channel`,
  },
  {
    kind: 'follow-up',
    conversation: ['orders by channel last month'],
    question: 'and the month before that?',
    sql: `SELECT channel, COUNT(*) AS v FROM orders WHERE {S} AND ${inRange('2026-09-01', '2026-10-01')} GROUP BY channel ORDER BY v DESC, channel`,
  },
  {
    kind: 'follow-up',
    conversation: ['units in Q2 2026'],
    question: 'what about the previous quarter',
    sql: `SELECT SUM(quantity) FROM orders WHERE {S} AND ${inRange('2026-01-01', '2026-04-01')}`,
  },
  {
    kind: 'follow-up',
    conversation: ['customers by region in 2025'],
    question: 'do the same for the year before',
    sql: `SELECT region, COUNT(DISTINCT customer_id) AS v FROM orders WHERE {S} AND ${inRange('2024-01-01', '2025-01-01')} GROUP BY region ORDER BY v DESC, region`,
  },
  // Added for the fourth held-out set's remaining misses ("mix", "growth rate", "out of
  // curiosity"), with other words for those classes.
  {
    kind: 'share',
    question: 'what does the product mix look like by units last quarter',
    sql: shareSql('product', 'SUM(quantity)', LAST_QUARTER),
  },
  {
    kind: 'share',
    question: 'region mix for orders in 2025',
    sql: shareSql('region', 'COUNT(*)', LAST_YEAR),
  },
  {
    kind: 'growth',
    question: 'revenue growth rate last month',
    sql: growthSql(MONTH, 'SUM(amount)', inRange('2026-09-01', '2026-11-01')),
  },
  {
    kind: 'growth',
    question: 'what was the rate of growth for customers in Q3 2026 vs Q2 2026',
    sql: growthSql(QUARTER, 'COUNT(DISTINCT customer_id)', inRange('2026-04-01', '2026-10-01')),
  },
  {
    kind: 'filler',
    question: 'out of interest, how many units did retail sell in 2025',
    sql: `SELECT SUM(quantity) FROM orders WHERE {S} AND channel = 'retail' AND ${LAST_YEAR}`,
  },
  {
    kind: 'filler',
    question: 'by the way, what were orders in Germany last month',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND country = 'DE' AND ${LAST_MONTH}`,
  },
]
