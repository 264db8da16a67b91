import type { StructuredQuery } from '@inset/core'
import type { DatasetModel, MeasureModel, TimeGrain } from '../../semantic/model'
import {
  describeAnalysis,
  describeQuery,
  describeTimeRange,
  lastDayOf,
  listInWords,
} from '../describe-query'
import type { Analysis } from '../engine'
import { type CalendarUnit, shift, startOf, toUtcDate } from '../time/calendar'
import { type ParsedQuestion, type Period, periodBefore } from './parse-question'

/** A question turned into a query, with what was assumed on the way. */
export interface BuiltQuery {
  query: StructuredQuery
  explanation: string
  analysis?: Analysis
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
  // Words left out where no measure was named may be the measure: never put another in its place.
  const words = [...new Set(parsed.unknown)].filter((w) => !/^\d+$/.test(w))
  if (words.length)
    return {
      problem: `There is no measure "${words.join(' ')}" in ${dataset.label}: its measures are ${listInWords(measures.map((m) => m.label))}`,
    }
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
  if (
    parsed.order &&
    !query.dimensions?.length &&
    !query.timeGrain &&
    !parsed.keywords.has('share')
  )
    return {
      problems: [
        `Top ${parsed.order.limit} of what? Name what to rank, such as "top ${parsed.order.limit} products by ${measures[0]?.label.toLowerCase() ?? 'revenue'}"`,
      ],
    }
  if (parsed.order && measures[0] && (query.dimensions?.length || query.timeGrain)) {
    query.sort = [{ field: measures[0].name, direction: parsed.order.direction }]
    query.limit = parsed.order.limit
  }
  const analyzed = analysisOf(parsed, dataset, query, measures)
  if ('problem' in analyzed) return { problems: [analyzed.problem] }
  const built = analyzed.query
  const explanation = analyzed.analysis
    ? describeAnalysis(dataset, built, analyzed.analysis)
    : describeQuery(dataset, built)
  return {
    query: built,
    explanation,
    ...(analyzed.analysis && { analysis: analyzed.analysis }),
    notes: [...readingNotes(parsed), ...notes, ...(analyzed.notes ?? [])],
  }
}

/** Sentences about how the question's words were read: misspellings, words left out. */
function readingNotes(parsed: ParsedQuestion): string[] {
  const notes: string[] = []
  if (parsed.corrections.length)
    notes.push(`I read ${listInWords(parsed.corrections.map((c) => `"${c.from}" as "${c.to}"`))}.`)
  const ignored = [...new Set(parsed.unknown)].filter((w) => !/^\d+$/.test(w))
  if (ignored.length)
    notes.push(
      `I left out ${listInWords(ignored.map((w) => `"${w}"`))}, which did not change the question.`,
    )
  return notes
}

const UNITS: CalendarUnit[] = ['year', 'quarter', 'month', 'week']

/** The largest calendar unit a range starts and ends on, when it spans two or more of them. */
function alignedUnit(from: string, to: string): CalendarUnit | undefined {
  return UNITS.find(
    (unit) =>
      startOf(from, unit) === from && startOf(to, unit) === to && shift(from, unit, 2) <= to,
  )
}

const adjacent = (periods: readonly Period[]) =>
  periods.every((p, i) => i === 0 || periods[i - 1]?.to === p.from)

/**
 * Shares ("what percentage of revenue came from online"), periods side by side ("Q1 2026 vs Q1
 * 2025") and growth ("how much did revenue grow last quarter", "month over month"): the query to
 * run and what the server computes from its results.
 */
function analysisOf(
  parsed: ParsedQuestion,
  dataset: DatasetModel,
  query: StructuredQuery,
  measures: MeasureModel[],
): { query: StructuredQuery; analysis?: Analysis; notes?: string[] } | { problem: string } {
  const growth = parsed.keywords.has('growth') || parsed.overGrain !== undefined
  const share = parsed.keywords.has('share') && !growth
  const [measure] = measures
  if (!measure) return { query }
  if (share) {
    if (!['sum', 'count', 'count_distinct'].includes(measure.aggregation))
      return {
        problem: `A share of ${measure.label} means nothing: it is not a total (it is an ${measure.aggregation})`,
      }
    const named = parsed.filters.find((f) => f.op === 'in')
    const dimension = named?.dimension ?? parsed.dimensions[0]
    if (!dimension)
      return {
        problem: `Share of ${measure.label} among what? Name a value ("from online") or a breakdown ("by region")`,
      }
    const { sort: _sort, limit: _limit, ...rest } = query
    const filters = (query.filters ?? []).filter(
      (f) => !(named && f.dimension === named.dimension.name && f.op === 'in'),
    )
    const shared: StructuredQuery = {
      ...rest,
      measures: [measure.name],
      dimensions: [dimension.name],
      ...(filters.length ? { filters } : {}),
    }
    if (!filters.length) delete shared.filters
    delete shared.timeGrain
    return {
      query: shared,
      analysis: {
        kind: 'share',
        dimension: dimension.name,
        ...(named && named.dimension === dimension && { values: [...named.values] }),
        ...(!named && parsed.order && { top: { ...parsed.order } }),
      },
    }
  }
  const timeName = dataset.defaultTimeDimension
  let periods = parsed.periods
  const notes: string[] = []
  // "quarterly orders growth in 2025": the change from quarter to quarter within 2025.
  const series = parsed.grainNamed && parsed.grain !== undefined && parsed.grain !== 'auto'
  if (growth && !periods && !parsed.overGrain && !series && parsed.time?.from && parsed.time.to) {
    const { from, to } = parsed.time
    const unit = parsed.time.unit ?? 'custom'
    const aligned = unit === 'custom' ? alignedUnit(from, to) : undefined
    if (aligned && timeName && shift(from, aligned, 2) === to) {
      // "from Q2 to Q3 2026": two periods, the one after the other.
      periods = [
        { from, to: shift(from, aligned, 1), text: parsed.time.text, unit: aligned },
        { from: shift(from, aligned, 1), to, text: parsed.time.text, unit: aligned },
      ]
    } else if (aligned && timeName) {
      // "from 2024 to 2026": the change from each year to the next.
      return {
        query: { ...query, timeGrain: { dimension: timeName, grain: aligned } },
        analysis: { kind: 'change' },
      }
    } else {
      const current: Period = { from, to, text: parsed.time.text, unit }
      periods = [periodBefore(current), current]
    }
  }
  if (periods && periods.length > 1 && timeName) {
    // Neighbouring periods without a change asked for read as one series ("2025 vs 2026").
    if (!growth && adjacent(periods) && !query.dimensions?.length && periods[0]?.unit !== 'custom')
      return { query }
    const { timeGrain: _grain, timeRange: _range, sort: _sort, limit: _limit, ...rest } = query
    return {
      query: { ...rest, measures: growth ? [measure.name] : rest.measures },
      analysis: {
        kind: 'periods',
        periods: periods.map((p) => ({ from: p.from, to: p.to })),
        change: growth || Boolean(query.dimensions?.length),
      },
      notes,
    }
  }
  if (growth && timeName) {
    const grain = parsed.overGrain ?? query.timeGrain?.grain ?? 'month'
    const { sort: _sort, limit: _limit, ...rest } = query
    return {
      query: { ...rest, measures: [measure.name], timeGrain: { dimension: timeName, grain } },
      analysis: { kind: 'change' },
    }
  }
  return { query }
}

/** The message for a question the engine could not turn into a query. */
export function notUnderstood(
  parsed: Pick<ParsedQuestion, 'unknown' | 'problems' | 'recognized'> &
    Partial<Pick<ParsedQuestion, 'missing' | 'measures' | 'keywords'>>,
  dataset: DatasetModel,
  scope?: string,
): string {
  const sentences: string[] = []
  const missing = parsed.missing ?? []
  if (parsed.unknown.length) {
    const words = [...new Set(parsed.unknown)].map((word) => `"${word}"`)
    sentences.push(`I did not understand ${listInWords(words)}.`)
  }
  const measures = Object.values(dataset.measures).map((m) => m.label)
  const dimensions = Object.values(dataset.dimensions).map((d) => d.label)
  const groups = Object.values(dataset.dimensions)
    .filter((d) => d.type !== 'time')
    .map((d) => d.label)
  const countsRows = parsed.keywords?.has('count') || parsed.keywords?.has('average')
  const words = [...new Set(parsed.unknown)].filter((w) => !/^\d+$/.test(w))
  // No measure named and words not understood: those words are most likely the measure.
  const noMeasure =
    parsed.measures !== undefined && parsed.measures.length === 0 && !countsRows && words.length > 0
  if (noMeasure && missing.every((m) => m.near || m.slot === 'measure'))
    sentences.push(
      `There is no measure "${words.join(' ')}" in ${dataset.label}: its measures are ${listInWords(measures)}.`,
    )
  for (const { word, slot, suggestions, near } of missing) {
    const maybe = suggestions.length
      ? ` Did you mean ${listInWords(
          suggestions.map((s) => `"${s}"`),
          'or',
        )}?`
      : ''
    if (near) {
      if (!noMeasure) sentences.push(`I am not sure what "${word}" means.${maybe}`)
      continue
    }
    if (noMeasure && slot === 'measure') continue
    if (slot === 'field')
      sentences.push(
        `There is no field "${word}" in ${dataset.label}: you can group by ${listInWords(groups, 'or')}, or by day, week, month, quarter or year.${maybe}`,
      )
    else if (slot === 'measure')
      sentences.push(
        `There is no measure "${word}" in ${dataset.label}: its measures are ${listInWords(measures)}.${maybe}`,
      )
    else
      sentences.push(
        `"${word}" is not a name, field or value in the data you can see${scope ? ` (${scope})` : ''}.${maybe}`,
      )
  }
  for (const problem of parsed.problems) sentences.push(`${problem}.`)
  if (!sentences.length) sentences.push('I could not find anything to compute in that question.')
  sentences.push(
    `I can answer questions about ${dataset.label}: ${listInWords(measures)}, by or for ${listInWords(dimensions, 'or')}, over periods such as "last quarter", "this year" or "March 2025". Try one of the suggestions.`,
  )
  return sentences.join(' ')
}

/** The answer to a request to change data: the assistant only reads. */
export function readOnlyMessage(dataset: DatasetModel): string {
  return `I only read data: I cannot change, add or delete anything in ${dataset.label} (the assistant is read-only). I can answer questions such as "revenue by region last quarter".`
}
