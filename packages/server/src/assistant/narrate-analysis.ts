import type { CellValue, QueryResult } from '@inset/core'
import { listInWords } from './describe-query'
import type { Analysis } from './engine'
import { formatCell, summarizeResult } from './summarize-result'
import { describePeriod } from './time/calendar'

const signed = (text: string, value: number) => (value > 0 ? `+${text}` : text)

/** `up 1,234.00 (+12.5%)`, `down 3 (-4.1%)`, `unchanged`. */
function changeInWords(result: QueryResult, row: CellValue[], changeAt: number): string {
  const change = row[changeAt]
  const pct = row[changeAt + 1]
  if (typeof change !== 'number') return 'no change can be computed (a period has no rows)'
  if (change === 0) return 'unchanged'
  const amount = formatCell(result.columns[changeAt], Math.abs(change))
  const percent =
    typeof pct === 'number'
      ? ` (${signed(formatCell(result.columns[changeAt + 1], pct), pct)})`
      : ''
  return `${change > 0 ? 'up' : 'down'} ${amount}${percent}`
}

/**
 * The answer's text for a result with an analysis: shares, periods side by side, changes. Every
 * number is a cell of the result.
 *
 * @example
 * narrateAnalysis({ kind: 'share', dimension: 'channel', values: ['online'] }, result)
 * // 'online: 41.2% of Revenue (123,456.00).'
 */
export function narrateAnalysis(analysis: Analysis, result: QueryResult): string {
  const { rows, columns } = result
  if (rows.length === 0) return 'No rows match this question in the data you can see.'
  const measureAt = columns.findIndex((c) => c.role === 'measure')
  const measure = columns[measureAt]
  switch (analysis.kind) {
    case 'share': {
      const shareAt = columns.length - 1
      const parts = rows
        .slice(0, 5)
        .map(
          (row) =>
            `${formatCell(columns[0], row[0] ?? null)}: ${formatCell(columns[shareAt], row[shareAt] ?? null)} of ${measure?.label} (${formatCell(measure, row[measureAt] ?? null)})`,
        )
      const more = rows.length > 5 ? `, and ${rows.length - 5} more` : ''
      return `${listInWords(parts)}${more}.`
    }
    case 'periods': {
      const groups = columns.findIndex((c) => c.role === 'measure')
      if (columns[0]?.type === 'date' && groups === 1) {
        const parts = rows.map(
          (row, i) =>
            `${formatCell(measure, row[1] ?? null)} ${describePeriod({
              from: String(row[0]),
              to: analysis.periods[i]?.to ?? '',
            })}`,
        )
        const last = rows[rows.length - 1] as CellValue[]
        const changeAt = columns.findIndex((c) => c.name.endsWith('_change'))
        const change = changeAt > 0 ? `: ${changeInWords(result, last, changeAt)}` : ''
        return `${measure?.label} was ${listInWords(parts, 'and')}${change}.`
      }
      const changeAt = columns.findIndex((c) => c.name.endsWith('_change'))
      const head = rows[0] as CellValue[]
      const tail = rows[rows.length - 1] as CellValue[]
      const label = (row: CellValue[]) =>
        columns
          .slice(0, groups)
          .map((c, i) => formatCell(c, row[i] ?? null))
          .join(', ')
      const biggest = `${label(head)} changed most: ${changeInWords(result, head, changeAt)}`
      return rows.length > 1
        ? `${biggest}; ${label(tail)} least: ${changeInWords(result, tail, changeAt)}.`
        : `${biggest}.`
    }
    case 'change': {
      const changeAt = columns.findIndex((c) => c.name.endsWith('_change'))
      const summary = summarizeResult({
        ...result,
        columns: columns.slice(0, changeAt),
        rows: rows.map((r) => r.slice(0, changeAt)),
      })
      const changed = rows.filter((row) => typeof row[changeAt] === 'number')
      if (!changed.length) return summary
      let up = changed[0] as CellValue[]
      let down = changed[0] as CellValue[]
      for (const row of changed) {
        if ((row[changeAt] as number) > (up[changeAt] as number)) up = row
        if ((row[changeAt] as number) < (down[changeAt] as number)) down = row
      }
      const when = (row: CellValue[]) => formatCell(columns[0], row[0] ?? null)
      return `${summary} The biggest rise was in ${when(up)} (${changeInWords(result, up, changeAt)}), the biggest fall in ${when(down)} (${changeInWords(result, down, changeAt)}).`
    }
  }
}
