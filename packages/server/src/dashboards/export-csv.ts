import type { CellValue, QueryResult } from '@inset/core'
import type { EmbedClaims } from '../auth/claims'

/** True when the token may download tiles (scope `export`). */
export function grantsExport(claims: Pick<EmbedClaims, 'scope'>): boolean {
  return claims.scope.includes('export')
}

const NEEDS_QUOTES = /[",\r\n]/
// A text cell a spreadsheet would read as a formula (CSV injection): `=`, `+`, `-`, `@`, tab, CR.
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * One CSV field (RFC 4180): numbers raw (`.` decimal, no grouping or currency), booleans as
 * `true`/`false`, null empty, text quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula gets a leading `'` (OWASP's CSV-injection advice); numbers,
 * negative ones included, are never touched.
 */
export function csvField(value: CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One CSV record with its CRLF line end. */
export function csvRecord(values: readonly CellValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`
}

/** Rows per chunk of the stream. */
const CHUNK_ROWS = 500

/**
 * A result as a stream of UTF-8 CSV: an optional byte-order mark, a header row of column labels,
 * then the rows, written `CHUNK_ROWS` at a time as the reader pulls (never one giant string).
 */
export function csvStream(
  result: Pick<QueryResult, 'columns' | 'rows'>,
  options: { bom?: boolean } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let next = -1
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (next === -1) {
          const header = csvRecord(result.columns.map((column) => column.label))
          controller.enqueue(encoder.encode(options.bom ? `\uFEFF${header}` : header))
          next = 0
          return
        }
        if (next >= result.rows.length) {
          controller.close()
          return
        }
        const end = Math.min(next + CHUNK_ROWS, result.rows.length)
        let text = ''
        for (let i = next; i < end; i++) text += csvRecord(result.rows[i] ?? [])
        next = end
        controller.enqueue(encoder.encode(text))
      },
    },
    { highWaterMark: 1 },
  )
}
