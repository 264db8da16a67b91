import type { AssistantEngine, AssistantInput } from '../engine'
import { followUpQuestions, starterQuestions } from '../suggestions'
import { summarizeResult } from '../summarize-result'
import { type BuiltQuery, buildQuery, notUnderstood } from './build-query'
import { isFollowUp, mergeFollowUp, previousQuestions } from './follow-up'
import { type ParsedQuestion, parseQuestion } from './parse-question'
import { buildVocabulary, type Vocabulary } from './vocabulary'

/** How far back a follow-up looks for the question it continues. */
const FOLLOW_UP_DEPTH = 3

function understood(parsed: ParsedQuestion): boolean {
  return parsed.unknown.length === 0 && parsed.problems.length === 0 && parsed.recognized
}

/** The question, completed by the previous ones when it is a follow-up ("what about NA?"). */
function parseInContext(input: AssistantInput, vocabulary: Vocabulary): ParsedQuestion {
  const parsed = parseQuestion(input.question, vocabulary, input.today)
  if (!understood(parsed) || !isFollowUp(input.question, parsed)) return parsed
  for (const previous of previousQuestions(input.history).slice(0, FOLLOW_UP_DEPTH)) {
    const before = parseQuestion(previous, vocabulary, input.today)
    if (understood(before) && before.measures.length + before.dimensions.length > 0)
      return mergeFollowUp(before, parsed)
  }
  return parsed
}

/**
 * Understands a question with the built-in engine: the StructuredQuery it asks for, or why not.
 *
 * @example
 * interpretQuestion({ question: 'revenue by region last quarter', dataset, values, today: '2026-11-21', … })
 * // { query: { dataset: 'orders', measures: ['revenue'], dimensions: ['region'], timeRange: … }, … }
 */
export function interpretQuestion(input: AssistantInput): BuiltQuery | { message: string } {
  const vocabulary = buildVocabulary(input.dataset, input.values)
  const parsed = parseInContext(input, vocabulary)
  if (!understood(parsed)) return { message: notUnderstood(parsed, input.dataset) }
  const built = buildQuery(parsed, input.dataset)
  if ('problems' in built)
    return { message: notUnderstood({ ...parsed, problems: built.problems }, input.dataset) }
  return built
}

/**
 * The engine that needs no model and no network: it reads questions against the dataset's
 * measures, dimensions, synonyms and values, with time expressions resolved against `today`
 * ("last quarter", "this year", "last 30 days", "Q1 2026", "March 2025"), "top N … by …",
 * "compare A vs B", "by month", "how many" and "average …". When it cannot understand a question it
 * says which words it did not follow and suggests questions it can answer.
 *
 * @example
 * const engine = createBuiltinEngine()
 * const plan = await engine.plan(input, io) // { kind: 'query', query, explanation }
 */
export function createBuiltinEngine(): AssistantEngine {
  return {
    name: 'builtin',
    async plan(input, io) {
      const interpreted = interpretQuestion(input)
      if ('message' in interpreted) {
        io.text(interpreted.message)
        return { kind: 'reply', suggestions: starterQuestions(input.dataset, input.values) }
      }
      return {
        kind: 'query',
        query: interpreted.query,
        explanation: interpreted.explanation,
        state: interpreted.notes,
      }
    },
    async narrate(input, plan, result, io) {
      const notes = Array.isArray(plan.state) ? (plan.state as string[]) : []
      const ranked = plan.query.sort?.some((s) => s.field !== plan.query.timeGrain?.dimension)
      const summary = summarizeResult(result, { ranked: Boolean(ranked && plan.query.limit) })
      io.text([summary, ...notes].join(' '))
      return { suggestions: followUpQuestions(input.dataset, plan.query, input.values) }
    },
  }
}
