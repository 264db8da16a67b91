import type { CellValue } from '@inset/core'

/** A sort on one column; `null` keeps the server's order. */
export type SortState = { column: number; direction: 'asc' | 'desc' } | null

function compareCells(a: CellValue, b: CellValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b)
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' })
}

/**
 * Sorts rows by one column without touching the input; stable, and `null` always sorts last.
 *
 * @example sortRows(rows, { column: 1, direction: 'desc' })
 */
export function sortRows(rows: readonly CellValue[][], sort: SortState): CellValue[][] {
  if (!sort) return rows.slice()
  const sign = sort.direction === 'asc' ? 1 : -1
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const a = x.row[sort.column] ?? null
      const b = y.row[sort.column] ?? null
      if (a === null || b === null) return a === b ? x.index - y.index : a === null ? 1 : -1
      return sign * compareCells(a, b) || x.index - y.index
    })
    .map(({ row }) => row)
}

/**
 * The next sort after a click on a column header: numbers start descending, text ascending,
 * a second click flips, a third returns to the server's order.
 */
export function nextSort(current: SortState, column: number, numeric: boolean): SortState {
  const first = numeric ? 'desc' : 'asc'
  if (!current || current.column !== column) return { column, direction: first }
  if (current.direction === first) return { column, direction: first === 'asc' ? 'desc' : 'asc' }
  return null
}

/** One page of a list: 1-based `from`/`to` for display, `start`/`end` for slicing. */
export interface PageWindow {
  page: number
  pageCount: number
  start: number
  end: number
  from: number
  to: number
}

/** The window of page `page` (0-based, clamped) over `total` items. */
export function paginate(total: number, page: number, pageSize: number): PageWindow {
  const size = Math.max(1, Math.floor(pageSize))
  const pageCount = Math.max(1, Math.ceil(total / size))
  const clamped = Math.min(Math.max(0, Math.floor(page)), pageCount - 1)
  const start = clamped * size
  const end = Math.min(total, start + size)
  return { page: clamped, pageCount, start, end, from: total === 0 ? 0 : start + 1, to: end }
}
