import type { StructuredQuery } from '@inset/core'
import type { DatasetModel, MeasureModel, TimeGrain } from '../../semantic/model'
import { describeQuery, describeTimeRange, lastDayOf, listInWords } from '../describe-query'
import { toUtcDate } from '../time/calendar'
import type { ParsedQuestion } from './parse-question'

/** A question turned into a query, with what was assumed on the way. */
export interface BuiltQuery {
  query: StructuredQuery
  explanation: string
  /** Sentences for the answer: assumed measure, how a relative period was read. */
  notes: string[]
}

const DAY_MS = 86_400_000

/** A readable grain for "over time" questions, from the period's length. */
function autoGrain(time: ParsedQuestion['time'], grains: readonly TimeGrain[]): TimeGrain {
  let wanted: TimeGrain = 'month'
  if (time?.from && time.to) {
    const days = (toUtcDate(time.to).getTime() - toUtcDate(time.from).getTime()) / DAY_MS
    wanted = days <= 31 ? 'day' : days <= 92 ? 'week' : days <= 3 * 366 ? 'month' : 'year'
  }
  return grains.includes(wanted) ? wanted : (grains[0] ?? 'month')
}

function defaultMeasure(
  parsed: ParsedQuestion,
  dataset: DatasetModel,
): { measure?: MeasureModel; note?: string; problem?: string } {
  const measures = Object.values(dataset.measures)
  if (parsed.keywords.has('count')) {
    const count = measures.find((m) => m.aggregation === 'count')
    return count
      ? { measure: count }
      : { problem: 'This dataset has no count of rows to answer "how many"' }
  }
  const [first] = measures
  if (!first) return { problem: 'This dataset has no measures' }
  return { measure: first, note: `You did not name a measure, so I used ${first.label}.` }
}

/**
 * Turns a parsed question into a StructuredQuery over the dataset, or says why it cannot.
 *
 * @example
 * buildQuery(parsed, orders) // { query: { dataset: 'orders', measures: ['revenue'], … }, explanation, notes }
 */
export function buildQuery(
  parsed: ParsedQuestion,
  dataset: DatasetModel,
): BuiltQuery | { problems: string[] } {
  const problems = [...parsed.problems]
  const notes: string[] = []
  let measures = parsed.measures
  if (measures.length === 0) {
    const fallback = defaultMeasure(parsed, dataset)
    if (fallback.problem) problems.push(fallback.problem)
    if (fallback.measure) measures = [fallback.measure]
    if (fallback.note) notes.push(fallback.note)
  }
  const timeName = dataset.defaultTimeDimension
  const timeDimension = timeName ? dataset.dimensions[timeName] : undefined
  if ((parsed.time || parsed.grain) && !timeDimension)
    problems.push(`${dataset.label} has no time dimension to filter or group by`)
  if (problems.length) return { problems }

  const query: StructuredQuery = {
    dataset: dataset.name,
    measures: measures.map((m) => m.name),
  }
  if (parsed.dimensions.length) query.dimensions = parsed.dimensions.map((d) => d.name)
  if (parsed.grain && timeDimension) {
    const grains = timeDimension.grains ?? ['month']
    const grain = parsed.grain === 'auto' ? autoGrain(parsed.time, grains) : parsed.grain
    if (!grains.includes(grain))
      return { problems: [`${timeDimension.label} cannot be grouped by ${grain}`] }
    query.timeGrain = { dimension: timeDimension.name, grain }
  }
  if (parsed.filters.length) {
    query.filters = parsed.filters.map((f) => ({
      dimension: f.dimension.name,
      op: f.op,
      values: [...f.values],
    }))
  }
  if (parsed.time && timeDimension) {
    query.timeRange = {
      dimension: timeDimension.name,
      ...(parsed.time.from !== undefined && { from: parsed.time.from }),
      ...(parsed.time.to !== undefined && { to: parsed.time.to }),
    }
    const { from, to } = parsed.time
    const bounds =
      from && to
        ? `${from} to ${lastDayOf(to)}`
        : from
          ? `from ${from} on`
          : `up to ${lastDayOf(to ?? '')}`
    notes.push(`I read "${parsed.time.text}" as ${bounds} (${describeTimeRange(parsed.time)}).`)
  }
  if (parsed.order && measures[0]) {
    query.sort = [{ field: measures[0].name, direction: parsed.order.direction }]
    query.limit = parsed.order.limit
  }
  return { query, explanation: describeQuery(dataset, query), notes }
}

/** The message for a question the engine could not turn into a query. */
export function notUnderstood(
  parsed: Pick<ParsedQuestion, 'unknown' | 'problems' | 'recognized'>,
  dataset: DatasetModel,
): string {
  const sentences: string[] = []
  if (parsed.unknown.length) {
    const words = [...new Set(parsed.unknown)].map((word) => `"${word}"`)
    sentences.push(`I did not understand ${listInWords(words)}.`)
  }
  for (const problem of parsed.problems) sentences.push(`${problem}.`)
  if (!sentences.length) sentences.push('I could not find anything to compute in that question.')
  const measures = Object.values(dataset.measures).map((m) => m.label)
  const dimensions = Object.values(dataset.dimensions).map((d) => d.label)
  sentences.push(
    `I can answer questions about ${dataset.label}: ${listInWords(measures)}, by or for ${listInWords(dimensions, 'or')}, over periods such as "last quarter", "this year" or "March 2025". Try one of the suggestions.`,
  )
  return sentences.join(' ')
}
