import type { AssistantTurn, StructuredQuery } from '@inset/core'
import type { DatasetModel, DimensionModel, MeasureModel } from '../../semantic/model'
import type { ParsedFilter, ParsedQuestion } from './parse-question'
import { stepBack } from './period-before-that'
import { FOLLOW_UP_OPENERS, normalizePhrase } from './words'

/**
 * True when a question continues the previous one: it opens like a follow-up ("what about NA?",
 * "and by month"), points back ("break it down by channel") or names only filters or a period
 * ("in 2025?").
 */
export function isFollowUp(question: string, parsed: ParsedQuestion): boolean {
  const words = normalizePhrase(question)
  if (FOLLOW_UP_OPENERS.some((opener) => words === opener || words.startsWith(`${opener} `)))
    return true
  if (parsed.refersBack || parsed.back !== undefined) return true
  // "split by category instead", "by region instead": the same question, grouped otherwise.
  if (/\binstead\b/.test(words)) return true
  const regroupsOnly =
    parsed.measures.length === 0 &&
    (parsed.dimensions.length > 0 || parsed.grain !== undefined) &&
    !parsed.keywords.has('count') &&
    !parsed.keywords.has('average')
  if (regroupsOnly && parsed.filters.length === 0 && parsed.time === undefined) return true
  // "top 3", "just the bottom 5": a ranking of what came before.
  if (parsed.order && parsed.measures.length === 0 && parsed.dimensions.length === 0) return true
  const namesNoResult =
    parsed.measures.length === 0 &&
    parsed.dimensions.length === 0 &&
    parsed.grain === undefined &&
    !parsed.keywords.has('count') &&
    !parsed.keywords.has('average')
  return namesNoResult && (parsed.filters.length > 0 || parsed.time !== undefined)
}

/** The user's questions of a conversation, newest first. */
export function previousQuestions(history: readonly AssistantTurn[]): string[] {
  return history
    .filter((turn) => turn.role === 'user')
    .map((turn) => turn.content)
    .reverse()
}

/**
 * The previous question with the follow-up's changes: what the follow-up names replaces what the
 * previous question said about the same thing; the rest carries over.
 *
 * @example
 * mergeFollowUp(parse('revenue by region last quarter'), parse('what about orders?'))
 * // orders by region last quarter
 */
export function mergeFollowUp(previous: ParsedQuestion, current: ParsedQuestion): ParsedQuestion {
  const regroups = current.dimensions.length > 0 || current.grain !== undefined
  const named = new Set(current.filters.map((f) => f.dimension))
  const grain = regroups ? current.grain : previous.grain
  const order = current.order ?? (regroups ? undefined : previous.order)
  // "the quarter before": the period discussed so far, one unit earlier.
  const back = current.back
  const discussed = previous.time
  const stepsBack =
    back !== undefined && discussed?.from !== undefined && discussed.to !== undefined
  const time = stepsBack
    ? { ...stepBack(discussed as Required<typeof discussed>, back), text: `the ${back} before` }
    : (current.time ?? previous.time)
  const periods = stepsBack
    ? previous.periods?.map((p) => stepBack(p, back))
    : current.time
      ? current.periods
      : previous.periods
  const overGrain = current.overGrain ?? (regroups ? undefined : previous.overGrain)
  return {
    measures: current.measures.length ? current.measures : previous.measures,
    dimensions: regroups ? current.dimensions : previous.dimensions,
    ...(grain !== undefined && { grain }),
    filters: [...previous.filters.filter((f) => !named.has(f.dimension)), ...current.filters],
    ...(time && { time }),
    ...(periods && { periods }),
    ...(overGrain && { overGrain }),
    ...(order && { order }),
    keywords: new Set([...previous.keywords, ...current.keywords]),
    unknown: current.unknown,
    refersBack: current.refersBack,
    ...(current.grainNamed && { grainNamed: true }),
    missing: current.missing,
    corrections: current.corrections,
    problems: current.problems,
    recognized: true,
  }
}

/**
 * What a tile shows, read as a question, so that "break this down by channel" or "why did it
 * drop in March?" asked about the tile continue it.
 */
export function parsedFromQuery(query: StructuredQuery, dataset: DatasetModel): ParsedQuestion {
  const measure = (name: string) =>
    Object.hasOwn(dataset.measures, name) ? dataset.measures[name] : undefined
  const dimension = (name: string) =>
    Object.hasOwn(dataset.dimensions, name) ? dataset.dimensions[name] : undefined
  const measures = query.measures.map(measure).filter((m): m is MeasureModel => m !== undefined)
  const dimensions = (query.dimensions ?? [])
    .map(dimension)
    .filter((d): d is DimensionModel => d !== undefined && d.type !== 'time')
  const filters: ParsedFilter[] = []
  for (const filter of query.filters ?? []) {
    const d = dimension(filter.dimension)
    if (d && (filter.op === 'in' || filter.op === 'not_in'))
      filters.push({ dimension: d, op: filter.op, values: [...filter.values] })
  }
  const [sort] = query.sort ?? []
  const ranked = sort && query.limit !== undefined && measure(sort.field) !== undefined
  return {
    measures,
    dimensions,
    ...(query.timeGrain && { grain: query.timeGrain.grain }),
    filters,
    ...(ranked && { order: { direction: sort.direction, limit: query.limit as number } }),
    keywords: new Set(),
    unknown: [],
    refersBack: false,
    missing: [],
    corrections: [],
    problems: [],
    recognized: true,
  }
}
