// The evaluation set of the built-in engine: questions over the demo data with their answers written
// as plain SQL, independently of the semantic layer. `{S}` is the asker's row scope (tenant and
// regions), so the same set checks alice's and bob's answers. "Today" is 2026-11-21.
// The first 48 were written with the engine; the last 12 were added afterwards, unseen, to measure
// how it copes with other phrasings (the one it misses stays in: the number is a measurement).

export interface EvaluationCase {
  question: string
  /** SQL over `orders` whose rows are the expected answer, in order. */
  sql: string
  /**
   * True when a refusal (an answer with no result) is right too: only for questions naming
   * something the asker cannot see. Otherwise an empty answer must be an empty result.
   */
  refusal?: boolean
}

const month = "strftime(order_date, '%Y-%m') || '-01'"
const quarter =
  "CAST(year(order_date) AS VARCHAR) || '-' || lpad(CAST((quarter(order_date) - 1) * 3 + 1 AS VARCHAR), 2, '0') || '-01'"
const inRange = (from: string, to: string) =>
  `order_date >= DATE '${from}' AND order_date < DATE '${to}'`

export const EVALUATION_SET: EvaluationCase[] = [
  {
    question: 'What was our revenue last quarter?',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND ${inRange('2026-07-01', '2026-10-01')}`,
  },
  {
    question: 'Revenue by region last quarter',
    sql: `SELECT region, SUM(amount) AS v FROM orders WHERE {S} AND ${inRange('2026-07-01', '2026-10-01')} GROUP BY region ORDER BY v DESC, region`,
  },
  {
    question: 'Top 5 products by orders in EU',
    sql: `SELECT product, COUNT(*) AS v FROM orders WHERE {S} AND region = 'EU' GROUP BY product ORDER BY v DESC, product LIMIT 5`,
  },
  {
    question: 'How many orders did we have in March 2025?',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND ${inRange('2025-03-01', '2025-04-01')}`,
  },
  {
    question: 'Compare online vs retail revenue this year',
    sql: `SELECT channel, SUM(amount) AS v FROM orders WHERE {S} AND channel IN ('online', 'retail') AND ${inRange('2026-01-01', '2027-01-01')} GROUP BY channel ORDER BY v DESC, channel`,
  },
  {
    question: 'Average order value by channel',
    sql: 'SELECT channel, AVG(amount) AS v FROM orders WHERE {S} GROUP BY channel ORDER BY v DESC, channel',
  },
  {
    question: 'Which region had the most revenue last year?',
    sql: `SELECT region, SUM(amount) AS v FROM orders WHERE {S} AND ${inRange('2025-01-01', '2026-01-01')} GROUP BY region ORDER BY v DESC, region LIMIT 1`,
  },
  {
    question: 'Monthly revenue in 2025',
    sql: `SELECT ${month} AS m, SUM(amount) FROM orders WHERE {S} AND ${inRange('2025-01-01', '2026-01-01')} GROUP BY m ORDER BY m`,
  },
  {
    question: 'Orders by quarter in 2025',
    sql: `SELECT ${quarter} AS q, COUNT(*) FROM orders WHERE {S} AND ${inRange('2025-01-01', '2026-01-01')} GROUP BY q ORDER BY q`,
  },
  {
    question: 'How many customers did we have last month?',
    sql: `SELECT COUNT(DISTINCT customer_id) FROM orders WHERE {S} AND ${inRange('2026-10-01', '2026-11-01')}`,
  },
  {
    question: 'Units sold by category this year',
    sql: `SELECT category, SUM(quantity) AS v FROM orders WHERE {S} AND ${inRange('2026-01-01', '2027-01-01')} GROUP BY category ORDER BY v DESC, category`,
  },
  {
    question: 'Revenue in Germany in 2025',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND country = 'DE' AND ${inRange('2025-01-01', '2026-01-01')}`,
  },
  {
    question: 'Orders excluding partner last month',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND channel <> 'partner' AND ${inRange('2026-10-01', '2026-11-01')}`,
  },
  {
    question: 'Best month for revenue in 2025',
    sql: `SELECT ${month} AS m, SUM(amount) AS v FROM orders WHERE {S} AND ${inRange('2025-01-01', '2026-01-01')} GROUP BY m ORDER BY v DESC, m LIMIT 1`,
  },
  {
    question: 'Revenue per country in Q1 2026',
    sql: `SELECT country, SUM(amount) AS v FROM orders WHERE {S} AND ${inRange('2026-01-01', '2026-04-01')} GROUP BY country ORDER BY v DESC, country`,
  },
  {
    question: 'Average revenue per order by region',
    sql: 'SELECT region, AVG(amount) AS v FROM orders WHERE {S} GROUP BY region ORDER BY v DESC, region',
  },
  {
    question: 'How many orders in the last 30 days?',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND ${inRange('2026-10-23', '2026-11-22')}`,
  },
  {
    question: 'Revenue year to date',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND ${inRange('2026-01-01', '2026-11-22')}`,
  },
  {
    question: 'Compare 2025 vs 2026 revenue',
    sql: `SELECT CAST(year(order_date) AS VARCHAR) || '-01-01' AS y, SUM(amount) FROM orders WHERE {S} AND ${inRange('2025-01-01', '2027-01-01')} GROUP BY y ORDER BY y`,
  },
  {
    question: 'Top 3 categories by units',
    sql: 'SELECT category, SUM(quantity) AS v FROM orders WHERE {S} GROUP BY category ORDER BY v DESC, category LIMIT 3',
  },
  {
    question: 'Revenue by channel in H1 2026',
    sql: `SELECT channel, SUM(amount) AS v FROM orders WHERE {S} AND ${inRange('2026-01-01', '2026-07-01')} GROUP BY channel ORDER BY v DESC, channel`,
  },
  {
    question: 'Orders in Q4 2025 by region',
    sql: `SELECT region, COUNT(*) AS v FROM orders WHERE {S} AND ${inRange('2025-10-01', '2026-01-01')} GROUP BY region ORDER BY v DESC, region`,
  },
  {
    question: 'Weekly orders in October 2026',
    sql: `SELECT CAST(order_date - CAST((isodow(order_date) - 1) AS INTEGER) AS VARCHAR) AS w, COUNT(*) FROM orders WHERE {S} AND ${inRange('2026-10-01', '2026-11-01')} GROUP BY w ORDER BY w`,
  },
  {
    question: 'Total revenue in EU and NA last year',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND region IN ('EU', 'NA') AND ${inRange('2025-01-01', '2026-01-01')}`,
  },
  {
    question: 'Revenue in EU and NA last year',
    sql: `SELECT region, SUM(amount) AS v FROM orders WHERE {S} AND region IN ('EU', 'NA') AND ${inRange('2025-01-01', '2026-01-01')} GROUP BY region ORDER BY v DESC, region`,
  },
  {
    question: 'Lowest 3 products by revenue in 2025',
    sql: `SELECT product, SUM(amount) AS v FROM orders WHERE {S} AND ${inRange('2025-01-01', '2026-01-01')} GROUP BY product ORDER BY v ASC, product LIMIT 3`,
  },
  {
    question: 'How many customers bought Analytics Pro this year?',
    sql: `SELECT COUNT(DISTINCT customer_id) FROM orders WHERE {S} AND product = 'Analytics Pro' AND ${inRange('2026-01-01', '2027-01-01')}`,
  },
  {
    question: 'Sales by category since March 2026',
    sql: "SELECT category, SUM(amount) AS v FROM orders WHERE {S} AND order_date >= DATE '2026-03-01' GROUP BY category ORDER BY v DESC, category",
  },
  {
    question: 'How many orders did we have this month?',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND ${inRange('2026-11-01', '2026-12-01')}`,
  },
  {
    question: 'Revenue trend this year',
    sql: `SELECT ${month} AS m, SUM(amount) FROM orders WHERE {S} AND ${inRange('2026-01-01', '2027-01-01')} GROUP BY m ORDER BY m`,
  },
  {
    question: 'What is the average order value in Japan?',
    sql: "SELECT AVG(amount) FROM orders WHERE {S} AND country = 'JP'",
    // bob sees EU only: Japan is not in his vocabulary.
    refusal: true,
  },
  {
    question: 'Orders from the retail channel in Q2 2026',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND channel = 'retail' AND ${inRange('2026-04-01', '2026-07-01')}`,
  },
  {
    question: 'Revenue for Software in 2025',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND category = 'Software' AND ${inRange('2025-01-01', '2026-01-01')}`,
  },
  {
    question: 'Number of orders by channel in September 2026',
    sql: `SELECT channel, COUNT(*) AS v FROM orders WHERE {S} AND ${inRange('2026-09-01', '2026-10-01')} GROUP BY channel ORDER BY v DESC, channel`,
  },
  {
    question: 'Top 10 countries by revenue',
    sql: 'SELECT country, SUM(amount) AS v FROM orders WHERE {S} GROUP BY country ORDER BY v DESC, country LIMIT 10',
  },
  {
    question: 'Revenue by region and channel last quarter',
    sql: `SELECT region, channel, SUM(amount) AS v FROM orders WHERE {S} AND ${inRange('2026-07-01', '2026-10-01')} GROUP BY region, channel ORDER BY v DESC, region, channel`,
  },
  {
    question: 'Units sold for Team Plan by month this year',
    sql: `SELECT ${month} AS m, SUM(quantity) FROM orders WHERE {S} AND product = 'Team Plan' AND ${inRange('2026-01-01', '2027-01-01')} GROUP BY m ORDER BY m`,
  },
  {
    question: 'Which channel has the fewest orders this year?',
    sql: `SELECT channel, COUNT(*) AS v FROM orders WHERE {S} AND ${inRange('2026-01-01', '2027-01-01')} GROUP BY channel ORDER BY v ASC, channel LIMIT 1`,
  },
  {
    question: 'Revenue between 2025-01-01 and 2025-02-15',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND ${inRange('2025-01-01', '2025-02-16')}`,
  },
  {
    question: 'Customers by region in 2025',
    sql: `SELECT region, COUNT(DISTINCT customer_id) AS v FROM orders WHERE {S} AND ${inRange('2025-01-01', '2026-01-01')} GROUP BY region ORDER BY v DESC, region`,
  },
  {
    question: 'Revenue and orders by category in Q3 2026',
    sql: `SELECT category, SUM(amount) AS v, COUNT(*) FROM orders WHERE {S} AND ${inRange('2026-07-01', '2026-10-01')} GROUP BY category ORDER BY v DESC, category`,
  },
  {
    question: 'Average order value for online orders last year',
    sql: `SELECT AVG(amount) FROM orders WHERE {S} AND channel = 'online' AND ${inRange('2025-01-01', '2026-01-01')}`,
  },
  {
    question: 'How many orders in APAC from January to March 2026?',
    sql: `SELECT COUNT(*) FROM orders WHERE {S} AND region = 'APAC' AND ${inRange('2026-01-01', '2026-04-01')}`,
  },
  {
    question: 'Revenue in the United States last month',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND country = 'US' AND ${inRange('2026-10-01', '2026-11-01')}`,
    // bob sees EU only: the United States are not in his vocabulary.
    refusal: true,
  },
  {
    question: 'Orders for Premium Support and Training Day in 2025',
    sql: `SELECT product, COUNT(*) AS v FROM orders WHERE {S} AND product IN ('Premium Support', 'Training Day') AND ${inRange('2025-01-01', '2026-01-01')} GROUP BY product ORDER BY v DESC, product`,
  },
  {
    question: 'Quarterly revenue last year',
    sql: `SELECT ${quarter} AS q, SUM(amount) FROM orders WHERE {S} AND ${inRange('2025-01-01', '2026-01-01')} GROUP BY q ORDER BY q`,
  },
  {
    question: 'Revenue by product category in 2026 for the partner channel',
    sql: `SELECT category, SUM(amount) AS v FROM orders WHERE {S} AND channel = 'partner' AND ${inRange('2026-01-01', '2027-01-01')} GROUP BY category ORDER BY v DESC, category`,
  },
  {
    question: 'Daily orders last week',
    sql: `SELECT CAST(order_date AS VARCHAR) AS d, COUNT(*) FROM orders WHERE {S} AND ${inRange('2026-11-09', '2026-11-16')} GROUP BY d ORDER BY d`,
  },
  {
    question: 'Show me revenue for each category in 2025',
    sql: `SELECT category, SUM(amount) AS v FROM orders WHERE {S} AND ${inRange('2025-01-01', '2026-01-01')} GROUP BY category ORDER BY v DESC, category`,
  },
  {
    question: 'What were total sales in Q2 2025?',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND ${inRange('2025-04-01', '2025-07-01')}`,
  },
  {
    question: 'How much revenue did the online channel bring in last year?',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND channel = 'online' AND ${inRange('2025-01-01', '2026-01-01')}`,
  },
  {
    question: 'Number of unique customers by country this year',
    sql: `SELECT country, COUNT(DISTINCT customer_id) AS v FROM orders WHERE {S} AND ${inRange('2026-01-01', '2027-01-01')} GROUP BY country ORDER BY v DESC, country`,
  },
  {
    question: 'Give me the 3 biggest regions by units sold in 2026',
    sql: `SELECT region, SUM(quantity) AS v FROM orders WHERE {S} AND ${inRange('2026-01-01', '2027-01-01')} GROUP BY region ORDER BY v DESC, region LIMIT 3`,
  },
  {
    question: 'Revenue for Hardware vs Software in Q1 2026',
    sql: `SELECT category, SUM(amount) AS v FROM orders WHERE {S} AND category IN ('Hardware', 'Software') AND ${inRange('2026-01-01', '2026-04-01')} GROUP BY category ORDER BY v DESC, category`,
  },
  {
    question: 'Orders per month since January 2026',
    sql: `SELECT ${month} AS m, COUNT(*) FROM orders WHERE {S} AND order_date >= DATE '2026-01-01' GROUP BY m ORDER BY m`,
  },
  {
    question: "What's the AOV by region?",
    sql: 'SELECT region, AVG(amount) AS v FROM orders WHERE {S} GROUP BY region ORDER BY v DESC, region',
  },
  {
    question: 'Revenue excluding APAC in 2025',
    sql: `SELECT SUM(amount) FROM orders WHERE {S} AND region <> 'APAC' AND ${inRange('2025-01-01', '2026-01-01')}`,
  },
  {
    question: 'Which product sold the most units last quarter?',
    sql: `SELECT product, SUM(quantity) AS v FROM orders WHERE {S} AND ${inRange('2026-07-01', '2026-10-01')} GROUP BY product ORDER BY v DESC, product LIMIT 1`,
  },
  {
    question: 'Revenue by month for EU in the first quarter of 2026',
    sql: `SELECT ${month} AS m, SUM(amount) FROM orders WHERE {S} AND region = 'EU' AND ${inRange('2026-01-01', '2026-04-01')} GROUP BY m ORDER BY m`,
  },
  {
    question: 'How did revenue develop over the last 6 months?',
    sql: `SELECT CAST(order_date - CAST((isodow(order_date) - 1) AS INTEGER) AS VARCHAR) AS w, SUM(amount) FROM orders WHERE {S} AND ${inRange('2026-05-22', '2026-11-22')} GROUP BY w ORDER BY w`,
  },
]
