/**
 * A figure as the report gives it: the median of several runs with its spread.
 * @example summarize([12, 10, 11]) // { median: 11, min: 10, max: 12, runs: 3 }
 */
export function summarize(values) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b)
  if (sorted.length === 0) return { median: null, min: null, max: null, runs: 0 }
  const middle = Math.floor(sorted.length / 2)
  const median =
    sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  return { median, min: sorted[0], max: sorted.at(-1), runs: sorted.length }
}

/** The p-th percentile (nearest rank) of a list of numbers. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return null
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

/**
 * Renders a summary as "median (min–max)" with the unit once; one value when every run agreed.
 * @example formatSummary({ median: 11, min: 10, max: 12, runs: 3 }, (v) => `${v} ms`) // "11 ms (10–12)"
 */
export function formatSummary(summary, format = String) {
  if (!summary || summary.median === null) return 'n/a'
  const median = format(summary.median)
  const [min, max] = [format(summary.min), format(summary.max)]
  if (min === max) return median
  const unit = median.match(/ [^\d\s]+$/)?.[0]
  const bare = (text) => (unit && text.endsWith(unit) ? text.slice(0, -unit.length) : text)
  return `${median} (${bare(min)}–${bare(max)})`
}
