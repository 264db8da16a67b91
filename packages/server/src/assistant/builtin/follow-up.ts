import type { AssistantTurn } from '@inset/core'
import type { ParsedQuestion } from './parse-question'
import { FOLLOW_UP_OPENERS, normalizePhrase } from './words'

/**
 * True when a question continues the previous one: it opens like a follow-up ("what about NA?",
 * "and by month") or names only filters or a period ("in 2025?").
 */
export function isFollowUp(question: string, parsed: ParsedQuestion): boolean {
  const words = normalizePhrase(question)
  if (FOLLOW_UP_OPENERS.some((opener) => words === opener || words.startsWith(`${opener} `)))
    return true
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
  const time = current.time ?? previous.time
  return {
    measures: current.measures.length ? current.measures : previous.measures,
    dimensions: regroups ? current.dimensions : previous.dimensions,
    ...(grain !== undefined && { grain }),
    filters: [...previous.filters.filter((f) => !named.has(f.dimension)), ...current.filters],
    ...(time && { time }),
    ...(order && { order }),
    keywords: new Set([...previous.keywords, ...current.keywords]),
    unknown: current.unknown,
    problems: current.problems,
    recognized: true,
  }
}
