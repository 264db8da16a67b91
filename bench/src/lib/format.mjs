// Number formats shared by every section of the report.

/** Bytes as KB with one decimal below 1 MB, else MB with two (1 KB = 1000 B, as size-limit). */
export const kb = (bytes) =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} KB`

export const ms = (value) => `${Math.round(value)} ms`

/** A rate with no decimals above 100, one below. */
export const rate = (value) =>
  value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(1)

/** A Markdown table from a header row and rows of cells. */
export function table(header, rows) {
  const line = (cells) =>
    `| ${cells.map((cell) => String(cell).replaceAll('|', '\\|')).join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}
