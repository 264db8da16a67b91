import { describe, expect, it } from 'vitest'
import { gridColumnsFor, layoutTiles } from './grid-layout'

const demo = [
  { id: 'revenue', layout: { w: 3, h: 1 } },
  { id: 'orders', layout: { w: 3, h: 1 } },
  { id: 'over-time', layout: { w: 6, h: 3 } },
  { id: 'by-category', layout: { w: 5, h: 3 } },
  { id: 'top', layout: { w: 7, h: 4 } },
]

describe('gridColumnsFor', () => {
  it('picks 12, 6 or 1 columns by width', () => {
    expect(gridColumnsFor(1200)).toBe(12)
    expect(gridColumnsFor(700)).toBe(6)
    expect(gridColumnsFor(320)).toBe(1)
  })
})

describe('layoutTiles', () => {
  it('keeps the defined spans on 12 columns when rows are full', () => {
    expect(layoutTiles(demo, 12).map((p) => p.columns)).toEqual([3, 3, 6, 5, 7])
  })
  it('stretches the last tile of a row that is not full', () => {
    const tiles = [
      { id: 'a', layout: { w: 4, h: 1 } },
      { id: 'b', layout: { w: 4, h: 1 } },
      { id: 'c', layout: { w: 6, h: 2 } },
    ]
    expect(layoutTiles(tiles, 12)).toEqual([
      { id: 'a', columns: 4, rows: 1 },
      { id: 'b', columns: 8, rows: 1 },
      { id: 'c', columns: 12, rows: 2 },
    ])
  })
  it('halves widths on 6 columns and stacks everything on 1', () => {
    expect(layoutTiles(demo, 6).map((p) => p.columns)).toEqual([2, 4, 3, 3, 6])
    expect(layoutTiles(demo, 1).every((p) => p.columns === 1)).toBe(true)
    expect(layoutTiles(demo, 1).map((p) => p.rows)).toEqual([1, 1, 3, 3, 4])
  })
  it('clamps tiles wider than the grid and sizes below one', () => {
    expect(layoutTiles([{ id: 'x', layout: { w: 20, h: 0 } }], 12)).toEqual([
      { id: 'x', columns: 12, rows: 1 },
    ])
  })
})
