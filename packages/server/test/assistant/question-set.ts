// Scoring of question sets written the way business users type (held-out-set-*.ts, dev-set.ts):
// every case goes through POST /v1/assistant over real HTTP with a real signed token, as alice and
// as bob; its `result` must equal the rows of the case's SQL, computed by the oracle (a DuckDB of
// the test's own, never the server's semantic layer). Conversations are asked turn by turn with the
// real answers carried in `context.history`; only the last turn is scored. Every answer's rows pass
// the hard row-level-security check (`ask`): a leak fails the suite, it is never one miss among many.
//
// Shapes of the answers these sets expect (written before the engine learnt them):
// - a plain question: the rows of the query, as in evaluation-set.ts;
// - a share ("what percentage of revenue came from online"): `[value, measure, share]` per value,
//   the share a fraction of the total over the same period and filters (the shared dimension's
//   filter left out), ordered by the measure descending; only the named values when values are named;
// - periods side by side ("last month vs the month before"): `[period start, measure]` per period,
//   oldest first;
// - growth or change between periods ("how much did revenue grow last quarter"; "month over month"):
//   `[period start, measure, change, change as a fraction]` per period, oldest first, the first
//   period's change null;
// - growth by a dimension: `[value, earlier, later, change, change as a fraction]` ordered by the
//   change descending (nulls last), then the value;
// - a refusal: no result, a `done`, and the text giving the real reason (`refusal` pattern).
import type { AssistantRequest, AssistantTurn, CellValue, ColumnMeta } from '@inset/core'
import { cents, type Oracle } from '../oracle'
import { BOB_SCOPE, scopeSql } from '../scope'
import { type AssistantServer, ask } from './ask'

export interface QuestionCase {
  /** The class of question, for the report (misspelling, share, growth, filler, period, …). */
  kind: string
  question: string
  /** Earlier user questions of the same conversation, asked first with their real answers. */
  conversation?: string[]
  /** Dashboard context (`tileId` names a tile the question is about). */
  context?: { dashboardId: string; tileId?: string; filters?: Record<string, unknown> }
  /** SQL over `orders` whose rows are the expected answer; `{S}` is the asker's scope. */
  sql?: string
  /** When set, the answer must be a refusal whose text matches. */
  refusal?: RegExp
  /** True when a refusal is right too, for questions naming only what the asker cannot see. */
  mayRefuse?: boolean
}

export const SCOPES = {
  alice: "tenant_id = 'acme' AND region IN ('EU', 'NA', 'APAC')",
  bob: scopeSql(BOB_SCOPE),
} as const

export type User = keyof typeof SCOPES

// SQL pieces over `orders`, written here (not imported from the server).
export const MONTH = "strftime(order_date, '%Y-%m') || '-01'"
export const QUARTER =
  "CAST(year(order_date) AS VARCHAR) || '-' || lpad(CAST((quarter(order_date) - 1) * 3 + 1 AS VARCHAR), 2, '0') || '-01'"
export const YEAR = "CAST(year(order_date) AS VARCHAR) || '-01-01'"
export const inRange = (from: string, to: string) =>
  `order_date >= DATE '${from}' AND order_date < DATE '${to}'`

// Periods the question sets share, as seen from TODAY (2026-11-21; the data runs 2024-11-01 to
// 2026-10-31), and the demo's dashboard.
export const YEAR_2024 = inRange('2024-01-01', '2025-01-01')
export const Q1_2025 = inRange('2025-01-01', '2025-04-01')
export const LAST_YEAR = inRange('2025-01-01', '2026-01-01')
export const THIS_YEAR = inRange('2026-01-01', '2027-01-01')
export const Q1_2026 = inRange('2026-01-01', '2026-04-01')
export const Q2_2026 = inRange('2026-04-01', '2026-07-01')
export const Q3_2026 = inRange('2026-07-01', '2026-10-01')
export const LAST_QUARTER = inRange('2026-07-01', '2026-10-01')
export const THIS_QUARTER = inRange('2026-10-01', '2027-01-01')
export const LAST_MONTH = inRange('2026-10-01', '2026-11-01')
export const DASHBOARD = 'sales-overview'

/** `[period, value, change, change / previous]` per period of `periodSql`, oldest first. */
export function growthSql(periodSql: string, measureSql: string, where: string): string {
  return `WITH p AS (SELECT ${periodSql} AS p, ${measureSql} AS v FROM orders WHERE {S} AND ${where} GROUP BY p)
    SELECT p, v, v - LAG(v) OVER (ORDER BY p), CAST(v - LAG(v) OVER (ORDER BY p) AS DOUBLE) / NULLIF(LAG(v) OVER (ORDER BY p), 0) FROM p ORDER BY p`
}

/** `[value, earlier, later, change, change / earlier]` per value of `column`. */
export function growthByDimensionSql(
  column: string,
  measureSql: string,
  earlier: string,
  later: string,
  where = 'TRUE',
): string {
  return `WITH a AS (SELECT ${column} AS k, ${measureSql} AS v FROM orders WHERE {S} AND ${where} AND ${earlier} GROUP BY k),
    b AS (SELECT ${column} AS k, ${measureSql} AS v FROM orders WHERE {S} AND ${where} AND ${later} GROUP BY k)
    SELECT COALESCE(a.k, b.k) AS k, a.v, b.v, b.v - a.v AS d, CAST(b.v - a.v AS DOUBLE) / NULLIF(a.v, 0)
    FROM a FULL JOIN b ON a.k = b.k ORDER BY d DESC NULLS LAST, k`
}

/** `[value, measure, share]` per value of `column`, only `values` when given. */
export function shareSql(
  column: string,
  measureSql: string,
  where: string,
  values?: string[],
): string {
  const only = values ? `WHERE k IN (${values.map((v) => `'${v}'`).join(', ')})` : ''
  return `WITH g AS (SELECT ${column} AS k, ${measureSql} AS v FROM orders WHERE {S} AND ${where} GROUP BY k)
    SELECT k, v, CAST(v AS DOUBLE) / (SELECT ${measureSql} FROM orders WHERE {S} AND ${where}) FROM g ${only} ORDER BY v DESC, k`
}

export interface CaseOutcome {
  kind: string
  question: string
  user: User
  /** Undefined when answered right; otherwise why not. */
  miss?: string
  /** Milliseconds of the scored question over HTTP (the whole answer read). */
  ms?: number
}

const same = (actual: CellValue, expected: CellValue, percent: boolean) => {
  if (typeof actual === 'number' && typeof expected === 'number')
    return percent
      ? Math.abs(actual - expected) <= 1e-4
      : Math.abs((cents(actual) as number) - (cents(expected) as number)) <= 0.011
  return actual === expected
}

/** A message when the rows differ (numbers to the cent; fractions of a percent column to 1e-4). */
export function rowsDiffer(
  columns: readonly ColumnMeta[],
  actual: readonly CellValue[][],
  expected: readonly CellValue[][],
): string | undefined {
  const show = (rows: readonly CellValue[][]) => JSON.stringify(rows.slice(0, 3))
  if (actual.length !== expected.length)
    return `${actual.length} rows, expected ${expected.length}: ${show(actual)} vs ${show(expected)}`
  for (let r = 0; r < actual.length; r++) {
    const a = actual[r] ?? []
    const e = expected[r] ?? []
    if (a.length !== e.length) return `row ${r}: ${JSON.stringify(a)} vs ${JSON.stringify(e)}`
    for (let c = 0; c < a.length; c++) {
      if (!same(a[c] ?? null, e[c] ?? null, columns[c]?.format === 'percent'))
        return `row ${r} column ${c}: ${JSON.stringify(a)} vs ${JSON.stringify(e)}`
    }
  }
  return undefined
}

const emptyish = (rows: CellValue[][]) =>
  rows.length <= 1 && rows.every((row) => row.every((cell) => cell === null || cell === 0))

/** Asks one case as `user` (its conversation first) and says whether the answer is right. */
export async function scoreCase(
  server: AssistantServer,
  truth: Oracle,
  token: string,
  user: User,
  item: QuestionCase,
): Promise<CaseOutcome> {
  const scored = (miss?: string): CaseOutcome => ({
    kind: item.kind,
    question: item.question,
    user,
    ...(miss !== undefined && { miss }),
  })
  const history: AssistantTurn[] = []
  const request = (question: string): AssistantRequest =>
    ({
      question,
      context: { ...(item.context ?? {}), ...(history.length && { history: [...history] }) },
    }) as AssistantRequest
  for (const earlier of item.conversation ?? []) {
    const answer = await ask(server.url, token, request(earlier))
    history.push({ role: 'user', content: earlier }, { role: 'assistant', content: answer.text })
  }
  const started = performance.now()
  const answer = await ask(server.url, token, request(item.question))
  const ms = performance.now() - started
  const outcome = (miss?: string): CaseOutcome => ({ ...scored(miss), ms })
  if (answer.status !== 200)
    return outcome(`status ${answer.status}: ${JSON.stringify(answer.body)}`)
  const result = answer.of('result')
  if (item.refusal) {
    if (result) return outcome(`answered instead of refusing: ${answer.text.slice(0, 160)}`)
    if (!answer.of('done')) return outcome('no done event')
    return item.refusal.test(answer.text)
      ? outcome()
      : outcome(`refused without the reason: ${answer.text.slice(0, 200)}`)
  }
  const expected = (await truth.sql((item.sql ?? '').replaceAll('{S}', SCOPES[user]))).map((row) =>
    row.map((cell) => cell),
  )
  if (!result) {
    if (item.mayRefuse && emptyish(expected) && answer.of('done')) return outcome()
    return outcome(`no result: ${answer.text.slice(0, 200)}`)
  }
  const diff = rowsDiffer(result.columns, result.rows, expected)
  return outcome(diff && `${diff} (${answer.of('query')?.description ?? 'no query'})`)
}

/** The score line of a set: `41/44 (93.2%)` and the misses by class. */
export function report(name: string, outcomes: readonly CaseOutcome[]): string {
  const right = outcomes.filter((o) => o.miss === undefined).length
  const times = outcomes.map((o) => o.ms ?? 0).sort((a, b) => a - b)
  const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)] ?? 0
  const lines = [
    `${name}: ${right}/${outcomes.length} (${((100 * right) / outcomes.length).toFixed(1)}%), p95 ${p95.toFixed(1)} ms per question`,
  ]
  for (const o of outcomes.filter((o) => o.miss !== undefined))
    lines.push(`  miss [${o.user}] (${o.kind}) ${o.question}: ${o.miss}`)
  return lines.join('\n')
}
