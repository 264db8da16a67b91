import type { CellValue } from '@inset/core'

// V8's sizes, roughly: an array is a header plus a pointer per element, a heap number 16 bytes,
// a string a header plus one byte per Latin-1 character (two otherwise: counted as two, to be safe).
const ARRAY_BYTES = 32
const POINTER_BYTES = 8
const NUMBER_BYTES = 16
const STRING_BYTES = 24

/**
 * The memory a result's rows take, estimated from their shape (a bound for the cache, not an exact
 * measure).
 *
 * @example
 * estimateRowsBytes([['EU', 12.5], ['NA', 3]]) // ≈ 250
 */
export function estimateRowsBytes(rows: readonly (readonly CellValue[])[]): number {
  let bytes = ARRAY_BYTES + rows.length * POINTER_BYTES
  for (const row of rows) {
    bytes += ARRAY_BYTES + row.length * POINTER_BYTES
    for (const cell of row) {
      if (typeof cell === 'number') bytes += NUMBER_BYTES
      else if (typeof cell === 'string') bytes += STRING_BYTES + cell.length * 2
    }
  }
  return bytes
}
