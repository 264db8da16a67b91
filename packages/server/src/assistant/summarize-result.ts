import type { CellValue, ColumnMeta, QueryResult } from '@inset/core'
import { listInWords } from './describe-query'
import { MONTHS } from './time/calendar'

/** A cell as an answer writes it: `1,234.56`, `1,234`, `12.5%`, `November 2025`, `Q3 2026`. */
export function formatCell(column: ColumnMeta | undefined, value: CellValue): string {
  if (value === null || value === undefined) return 'nothing'
  if (typeof value === 'number') {
    switch (column?.format) {
      case 'integer':
        return Math.round(value).toLocaleString('en-US')
      case 'percent':
        return `${(value * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`
      case 'currency':
        return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
      default:
        return value.toLocaleString('en-US', { maximumFractionDigits: 2 })
    }
  }
  if (column?.type === 'date' && typeof value === 'string' && column.grain) {
    const [year, month, day] = value.slice(0, 10).split('-')
    const monthIndex = Number(month) - 1
    switch (column.grain) {
      case 'year':
        return `${year}`
      case 'quarter':
        return `Q${Math.floor(monthIndex / 3) + 1} ${year}`
      case 'month':
        return `${MONTHS[monthIndex]} ${year}`
      case 'week':
        return `the week of ${year}-${month}-${day}`
      case 'day':
        return value.slice(0, 10)
    }
  }
  return String(value)
}

/**
 * A short answer in words for a query's result: the value of a total, the leaders of a breakdown,
 * the peak of a time series. The numbers are the result's: nothing is invented or rounded away.
 *
 * @example
 * summarizeResult(result) // 'EU has the highest Revenue: 1,234.56, then NA (987.65) and APAC (432.10).'
 */
export function summarizeResult(result: QueryResult, options: { ranked?: boolean } = {}): string {
  const { columns, rows } = result
  const groupCount = columns.filter((c) => c.role === 'dimension').length
  const measures = columns
    .map((c, i) => ({ column: c, index: i }))
    .filter((c) => c.column.role === 'measure')
  if (rows.length === 0) return 'No rows match this question in the data you can see.'

  if (groupCount === 0) {
    const row = rows[0] ?? []
    const parts = measures.map(({ column, index }) =>
      row[index] === null
        ? `there is no ${column.label} (no matching rows)`
        : `${column.label} is ${formatCell(column, row[index] ?? null)}`,
    )
    const sentence = listInWords(parts)
    return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`
  }

  const [measure] = measures
  const label = (row: CellValue[]) =>
    columns
      .slice(0, groupCount)
      .map((column, i) => formatCell(column, row[i] ?? null))
      .join(', ')
  const value = (row: CellValue[]) =>
    measure ? formatCell(measure.column, row[measure.index] ?? null) : ''
  const isTime = columns[0]?.type === 'date' && columns[0].grain !== undefined && !options.ranked

  if (!measure) {
    const shown = rows.slice(0, 10).map(label)
    return `${rows.length} ${rows.length === 1 ? 'row' : 'rows'}: ${listInWords(shown)}${rows.length > 10 ? ', …' : ''}.`
  }
  if (isTime && groupCount === 1) {
    let peak = rows[0] as CellValue[]
    let low = rows[0] as CellValue[]
    for (const row of rows) {
      const v = row[measure.index]
      if (typeof v === 'number' && v > ((peak[measure.index] as number | null) ?? -Infinity))
        peak = row
      if (typeof v === 'number' && v < ((low[measure.index] as number | null) ?? Infinity))
        low = row
    }
    const first = label(rows[0] as CellValue[])
    const last = label(rows[rows.length - 1] as CellValue[])
    if (rows.length === 1) return `${measure.column.label} in ${first}: ${value(peak)}.`
    return `${rows.length} periods from ${first} to ${last}. ${measure.column.label} was highest in ${label(peak)} (${value(peak)}) and lowest in ${label(low)} (${value(low)}).`
  }
  if (rows.length === 1) {
    const row = rows[0] as CellValue[]
    return `${label(row)}: ${measure.column.label} is ${value(row)}.`
  }
  const shown = rows.slice(0, 5)
  const [head, ...others] = shown as [CellValue[], ...CellValue[][]]
  const rest = others.map((row) => `${label(row)} (${value(row)})`)
  const more = rows.length > shown.length ? `, and ${rows.length - shown.length} more` : ''
  const truncated = result.meta.truncated ? ' (more rows matched than are shown)' : ''
  return `${label(head)} comes first with ${measure.column.label} of ${value(head)}, then ${listInWords(rest)}${more}${truncated}.`
}
