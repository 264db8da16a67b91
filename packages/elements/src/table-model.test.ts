import type { CellValue } from '@inset/core'
import { describe, expect, it } from 'vitest'
import { nextSort, paginate, sortRows } from './table-model'

const rows: CellValue[][] = [
  ['Widget', 30, '2025-01-02'],
  ['gadget', null, '2025-01-01'],
  ['Gizmo 10', 30, null],
  ['Gizmo 9', 5, '2025-03-01'],
]

describe('sortRows', () => {
  it('sorts numbers descending, keeps ties stable and nulls last', () => {
    expect(sortRows(rows, { column: 1, direction: 'desc' }).map((r) => r[0])).toEqual([
      'Widget',
      'Gizmo 10',
      'Gizmo 9',
      'gadget',
    ])
    expect(sortRows(rows, { column: 1, direction: 'asc' }).map((r) => r[0])).toEqual([
      'Gizmo 9',
      'Widget',
      'Gizmo 10',
      'gadget',
    ])
  })
  it('sorts text case-insensitively with numeric awareness', () => {
    expect(sortRows(rows, { column: 0, direction: 'asc' }).map((r) => r[0])).toEqual([
      'gadget',
      'Gizmo 9',
      'Gizmo 10',
      'Widget',
    ])
  })
  it('sorts ISO dates chronologically and does not mutate its input', () => {
    const copy = rows.map((r) => r.slice())
    expect(sortRows(rows, { column: 2, direction: 'asc' }).map((r) => r[2])).toEqual([
      '2025-01-01',
      '2025-01-02',
      '2025-03-01',
      null,
    ])
    expect(rows).toEqual(copy)
    expect(sortRows(rows, null)).toEqual(rows)
  })
})

describe('nextSort', () => {
  it('cycles numbers desc → asc → none and text asc → desc → none', () => {
    let sort = nextSort(null, 1, true)
    expect(sort).toEqual({ column: 1, direction: 'desc' })
    sort = nextSort(sort, 1, true)
    expect(sort).toEqual({ column: 1, direction: 'asc' })
    expect(nextSort(sort, 1, true)).toBeNull()
    expect(nextSort(null, 0, false)).toEqual({ column: 0, direction: 'asc' })
    expect(nextSort({ column: 0, direction: 'asc' }, 2, true)).toEqual({
      column: 2,
      direction: 'desc',
    })
  })
})

describe('paginate', () => {
  it('returns the window of a page', () => {
    expect(paginate(23, 1, 10)).toEqual({
      page: 1,
      pageCount: 3,
      start: 10,
      end: 20,
      from: 11,
      to: 20,
    })
    expect(paginate(23, 2, 10)).toMatchObject({ start: 20, end: 23, from: 21, to: 23 })
  })
  it('clamps pages out of range and handles an empty list', () => {
    expect(paginate(23, 9, 10).page).toBe(2)
    expect(paginate(23, -1, 10).page).toBe(0)
    expect(paginate(0, 0, 10)).toEqual({ page: 0, pageCount: 1, start: 0, end: 0, from: 0, to: 0 })
  })
})
