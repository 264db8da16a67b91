import type { ColumnMeta } from '@inset/core'
import { describe, expect, it } from 'vitest'
import { csvField, csvRecord, csvStream } from './export-csv'

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['2025-03-01', '2025-03-01'],
    ['', ''],
    // Text a spreadsheet would run as a formula gets a leading quote.
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-x', "'-x"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('%j → %s', (value, expected) => {
    expect(csvField(value)).toBe(expected)
  })

  it('writes numbers raw and null empty', () => {
    expect(csvField(1234567.89)).toBe('1234567.89')
    expect(csvField(-42.5)).toBe('-42.5')
    expect(csvField(0)).toBe('0')
    expect(csvField(Number.NaN)).toBe('')
    expect(csvField(null)).toBe('')
    expect(csvField(true)).toBe('true')
    expect(csvField(false)).toBe('false')
  })

  it('ends records with CRLF', () => {
    expect(csvRecord(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n')
  })
})

describe('csvStream', () => {
  const columns: ColumnMeta[] = [
    { name: 'product', label: 'Product', type: 'string', role: 'dimension' },
    { name: 'revenue', label: 'Revenue, net', type: 'number', role: 'measure' },
  ]
  const rows = Array.from({ length: 1203 }, (_, i) => [`p${i}`, i / 4])

  async function read(stream: ReadableStream<Uint8Array>) {
    const chunks: Uint8Array[] = []
    for await (const chunk of stream) chunks.push(chunk)
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
    let at = 0
    for (const chunk of chunks) {
      bytes.set(chunk, at)
      at += chunk.length
    }
    return { chunks, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }
  }

  it('writes the header, then the rows in chunks, never one giant string', async () => {
    const { chunks, text } = await read(csvStream({ columns, rows }))
    // Header, then 500 + 500 + 203 rows.
    expect(chunks).toHaveLength(4)
    const lines = text.split('\r\n')
    expect(lines[0]).toBe('Product,"Revenue, net"')
    expect(lines[1]).toBe('p0,0')
    expect(lines[1203]).toBe('p1202,300.5')
    expect(lines).toHaveLength(1205)
    expect(lines.at(-1)).toBe('')
  })

  it('prepends a byte-order mark when asked', async () => {
    const { bytes } = await read(csvStream({ columns, rows: [] }, { bom: true }))
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const plain = await read(csvStream({ columns, rows: [] }))
    expect(plain.text).toBe('Product,"Revenue, net"\r\n')
  })
})
