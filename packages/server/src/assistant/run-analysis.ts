import type { CellValue, ColumnMeta, QueryResult, StructuredQuery } from '@inset/core'
import type { DatasetModel } from '../semantic/model'
import type { Analysis } from './engine'
import { type CalendarUnit, shift } from './time/calendar'

type Run = (query: StructuredQuery) => Promise<QueryResult>

const GRAINS: CalendarUnit[] = ['year', 'quarter', 'month', 'week', 'day']

/** The calendar unit a period is exactly one of, if any. */
function unitOf(period: { from: string; to: string }): CalendarUnit | undefined {
  return GRAINS.find((unit) => shift(period.from, unit, 1) === period.to)
}

const num = (value: CellValue | undefined) => (typeof value === 'number' ? value : null)

/** `b - a` in the measure's precision (cents for currency) and as a fraction of `a`. */
function changeOf(a: CellValue | undefined, b: CellValue | undefined, format?: string) {
  const before = num(a)
  const after = num(b)
  if (before === null || after === null) return [null, null] as const
  const raw = after - before
  const change = format === 'currency' ? Math.round(raw * 100) / 100 : raw
  return [change, before === 0 ? null : raw / before] as const
}

function changeColumns(measure: ColumnMeta): ColumnMeta[] {
  return [
    {
      name: `${measure.name}_change`,
      label: `Change in ${measure.label}`,
      type: 'number',
      role: 'measure',
      ...(measure.format && { format: measure.format }),
    },
    {
      name: `${measure.name}_change_pct`,
      label: `Change in ${measure.label} (%)`,
      type: 'number',
      role: 'measure',
      format: 'percent',
    },
  ]
}

function meta(rows: CellValue[][], results: QueryResult[]): QueryResult['meta'] {
  const truncated = results.some((r) => r.meta.truncated)
  return {
    rowCount: rows.length,
    durationMs: results.reduce((sum, r) => sum + r.meta.durationMs, 0),
    ...(truncated && { truncated }),
  }
}

/** Each value's share of the total; the total comes from the same query without the dimension. */
async function share(
  query: StructuredQuery,
  analysis: Extract<Analysis, { kind: 'share' }>,
  run: Run,
): Promise<QueryResult> {
  const { dimensions: _d, sort: _s, limit: _l, timeGrain: _g, ...total } = query
  const [grouped, whole] = await Promise.all([run(query), run(total)])
  const at = grouped.columns.findIndex((c) => c.role === 'measure')
  const key = grouped.columns.findIndex((c) => c.name === analysis.dimension)
  const measure = grouped.columns[at] as ColumnMeta
  const denominator = num(whole.rows[0]?.[whole.columns.findIndex((c) => c.role === 'measure')])
  const keep = analysis.values?.map(String)
  let rows = grouped.rows
    .filter((row) => !keep || keep.includes(String(row[key])))
    .map((row) => {
      const value = num(row[at])
      return [...row, value === null || !denominator ? null : value / denominator]
    })
  if (analysis.top) {
    const sign = analysis.top.direction === 'desc' ? -1 : 1
    rows = [...rows]
      .sort((a, b) => {
        const x = num(a[at]) ?? -Infinity
        const y = num(b[at]) ?? -Infinity
        if (x !== y) return sign * (x - y)
        return String(a[key]) < String(b[key]) ? -1 : 1
      })
      .slice(0, analysis.top.limit)
  }
  return {
    columns: [
      ...grouped.columns,
      {
        name: `${measure.name}_share`,
        label: `Share of ${measure.label}`,
        type: 'number',
        role: 'measure',
        format: 'percent',
      },
    ],
    rows,
    meta: meta(rows, [grouped, whole]),
  }
}

/** The query once per period: one row per period, or per value with the periods side by side. */
async function periods(
  query: StructuredQuery,
  analysis: Extract<Analysis, { kind: 'periods' }>,
  dataset: DatasetModel,
  run: Run,
): Promise<QueryResult> {
  const time = dataset.defaultTimeDimension ?? ''
  const results = await Promise.all(
    analysis.periods.map((p) => run({ ...query, timeRange: { dimension: time, ...p } })),
  )
  const [first] = results as [QueryResult]
  const groups = first.columns.filter((c) => c.role === 'dimension')
  const measures = first.columns.filter((c) => c.role === 'measure')
  const [measure] = measures as [ColumnMeta]
  if (groups.length === 0) {
    const grain = unitOf(analysis.periods[0] as { from: string; to: string })
    const label = Object.hasOwn(dataset.dimensions, time) ? dataset.dimensions[time]?.label : time
    const rows: CellValue[][] = analysis.periods.map((p, i) => [
      p.from,
      ...measures.map((_, m) => results[i]?.rows[0]?.[m] ?? null),
    ])
    if (analysis.change)
      rows.forEach((row, i) => {
        const [change, pct] =
          i === 0 ? [null, null] : changeOf(rows[i - 1]?.[1], row[1], measure.format)
        row.push(change, pct)
      })
    return {
      columns: [
        {
          name: time,
          label: label ?? time,
          type: 'date',
          role: 'dimension',
          ...(grain && { grain }),
        },
        ...measures,
        ...(analysis.change ? changeColumns(measure) : []),
      ],
      rows,
      meta: meta(rows, results),
    }
  }
  // Per value: [value…, earlier, later, change, change %], the biggest change first.
  const width = groups.length
  const keyOf = (row: CellValue[]) => JSON.stringify(row.slice(0, width))
  const byKey = new Map<string, { key: CellValue[]; values: Array<CellValue> }>()
  results.forEach((result, i) => {
    for (const row of result.rows) {
      const key = keyOf(row)
      const entry = byKey.get(key) ?? {
        key: row.slice(0, width),
        values: analysis.periods.map(() => null),
      }
      entry.values[i] = row[width] ?? null
      byKey.set(key, entry)
    }
  })
  const rows = [...byKey.values()].map(({ key, values }) => {
    const [change, pct] = changeOf(
      values[values.length - 2],
      values[values.length - 1],
      measure.format,
    )
    return [...key, ...values, change, pct]
  })
  const changeAt = width + analysis.periods.length
  rows.sort((a, b) => {
    const x = num(a[changeAt])
    const y = num(b[changeAt])
    if (x !== y) {
      if (x === null) return 1
      if (y === null) return -1
      return y - x
    }
    const ka = JSON.stringify(a.slice(0, width))
    const kb = JSON.stringify(b.slice(0, width))
    return ka < kb ? -1 : ka > kb ? 1 : 0
  })
  return {
    columns: [
      ...groups,
      ...analysis.periods.map(
        (p): ColumnMeta => ({
          ...measure,
          name: `${measure.name}_${p.from}`,
          label: `${measure.label} from ${p.from}`,
        }),
      ),
      ...changeColumns(measure),
    ],
    rows,
    meta: meta(rows, results),
  }
}

/** A time series with each period's change from the one before (per value of other dimensions). */
async function change(query: StructuredQuery, run: Run): Promise<QueryResult> {
  const result = await run(query)
  const at = result.columns.findIndex((c) => c.role === 'measure')
  const measure = result.columns[at] as ColumnMeta
  const timeAt = result.columns.findIndex((c) => c.name === query.timeGrain?.dimension)
  const others = result.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c, i }) => c.role === 'dimension' && i !== timeAt)
    .map(({ i }) => i)
  const last = new Map<string, CellValue>()
  const rows = result.rows.map((row) => {
    const key = JSON.stringify(others.map((i) => row[i]))
    const [delta, pct] = last.has(key)
      ? changeOf(last.get(key), row[at], measure.format)
      : [null, null]
    last.set(key, row[at] ?? null)
    return [...row, delta, pct]
  })
  return {
    columns: [...result.columns, ...changeColumns(measure)],
    rows,
    meta: meta(rows, [result]),
  }
}

/**
 * Runs a plan's query and computes its analysis from the results. Every query goes through `run`
 * (the server's validation, row-level security and audit); the numbers added are arithmetic on
 * those results only.
 *
 * @example
 * await runWithAnalysis(query, { kind: 'share', dimension: 'channel' }, orders, run)
 * // columns: channel, revenue, revenue_share
 */
export async function runWithAnalysis(
  query: StructuredQuery,
  analysis: Analysis | undefined,
  dataset: DatasetModel,
  run: Run,
): Promise<QueryResult> {
  switch (analysis?.kind) {
    case undefined:
      return run(query)
    case 'share':
      return share(query, analysis, run)
    case 'periods':
      return periods(query, analysis, dataset, run)
    case 'change':
      return change(query, run)
  }
}
