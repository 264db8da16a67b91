import type { AssistantEngine, AssistantInput } from '../engine'
import { narrateAnalysis } from '../narrate-analysis'
import { followUpQuestions, starterQuestions } from '../suggestions'
import { summarizeResult } from '../summarize-result'
import { type BuiltQuery, buildQuery, notUnderstood, readOnlyMessage } from './build-query'
import { isFollowUp, mergeFollowUp, parsedFromQuery, previousQuestions } from './follow-up'
import { type ParsedQuestion, parseQuestion } from './parse-question'
import type { Vocabulary } from './vocabulary'
import { vocabularyFor } from './vocabulary-cache'

/** How far back a follow-up looks for the question its chain starts from. */
const FOLLOW_UP_DEPTH = 6

function understood(parsed: ParsedQuestion): boolean {
  if (parsed.problems.length || parsed.missing.length || !parsed.recognized) return false
  // Unknown words outside a name's place are ordinary wording ("roughly", "pull up"), left out
  // when the question names something to compute; otherwise they may be what it asks about.
  const names =
    parsed.measures.length + parsed.dimensions.length + parsed.filters.length > 0 ||
    parsed.keywords.has('count') ||
    parsed.keywords.has('average') ||
    parsed.keywords.has('total') ||
    parsed.keywords.has('growth') ||
    parsed.keywords.has('share')
  return parsed.unknown.length === 0 || names
}

// "delete …", "update the revenue…", "change the region of…": a request to write, not a question.
const WRITE_REQUEST =
  /^\s*(?:(?:please|pls|can you|could you|would you|i want to|i'd like to|let's|lets|go and|now)\s+)*(?:delete|remove|erase|purge|update|insert|truncate|modify|edit|rename|overwrite|alter|import|upload|cancel|void|(?:drop|change|set|add|create|refund|reset|write)\s+(?:the|a|an|all|every|this|that|these|those|my|our|any|some|new|table|row|rows|record|records|data)\b)/i

/** True when a question asks to change data, which the assistant never does. */
export function asksToWrite(question: string): boolean {
  return WRITE_REQUEST.test(question.normalize('NFKC'))
}

/**
 * The conversation so far as one parsed question: the newest question that stands on its own
 * (or the tile asked about), with every follow-up after it applied in order, so "revenue in NA",
 * "and in the EU?", "what about orders there?" ends with orders in the EU.
 */
function conversationSoFar(
  input: AssistantInput,
  vocabulary: Vocabulary,
): ParsedQuestion | undefined {
  const chain: ParsedQuestion[] = []
  let base: ParsedQuestion | undefined
  for (const previous of previousQuestions(input.history).slice(0, FOLLOW_UP_DEPTH)) {
    const parsed = parseQuestion(previous, vocabulary, input.today)
    if (!understood(parsed) || asksToWrite(previous)) continue
    if (isFollowUp(previous, parsed)) {
      chain.unshift(parsed)
      continue
    }
    if (parsed.measures.length + parsed.dimensions.length > 0 || parsed.recognized) {
      base = parsed
      break
    }
  }
  if (!base && input.tile) base = parsedFromQuery(input.tile.query, input.dataset)
  if (!base) base = chain.shift()
  return base && chain.reduce(mergeFollowUp, base)
}

/** The question, completed by the conversation or the tile when it is a follow-up ("what about NA?"). */
function parseInContext(input: AssistantInput, vocabulary: Vocabulary): ParsedQuestion {
  const parsed = parseQuestion(input.question, vocabulary, input.today)
  if (!understood(parsed)) return parsed
  const continues =
    isFollowUp(input.question, parsed) ||
    // About a tile, a question that names no measure is about the tile's.
    (input.tile !== undefined && parsed.measures.length === 0)
  if (!continues) return parsed
  const before = conversationSoFar(input, vocabulary)
  return before ? mergeFollowUp(before, parsed) : parsed
}

/**
 * Understands a question with the built-in engine: the StructuredQuery it asks for, or why not.
 *
 * @example
 * interpretQuestion({ question: 'revenue by region last quarter', dataset, values, today: '2026-11-21', … })
 * // { query: { dataset: 'orders', measures: ['revenue'], dimensions: ['region'], timeRange: … }, … }
 */
export function interpretQuestion(input: AssistantInput): BuiltQuery | { message: string } {
  if (asksToWrite(input.question)) return { message: readOnlyMessage(input.dataset) }
  const vocabulary = vocabularyFor(input.dataset, input.values)
  const parsed = parseInContext(input, vocabulary)
  if (!understood(parsed)) return { message: notUnderstood(parsed, input.dataset, input.scope) }
  const built = buildQuery(parsed, input.dataset)
  if ('problems' in built)
    return {
      message: notUnderstood({ ...parsed, problems: built.problems }, input.dataset, input.scope),
    }
  if (/^\s*why\b/i.test(input.question))
    built.notes.push(
      'The data shows how much it changed, not why: break it down by a field ("by category", "by channel") to see where the change came from.',
    )
  return built
}

/**
 * The engine that needs no model and no network: it reads questions against the dataset's
 * measures, dimensions, synonyms and values (misspellings within an edit or two), with time
 * expressions resolved against `today` ("last quarter", "this year", "last 30 days", "Q1 2026",
 * "March 2025"), "top N … by …", "compare A vs B", shares ("what % of revenue came from online"),
 * growth ("how much did revenue grow last quarter", "month over month"), "by month", "how many"
 * and "average …". When it cannot answer it says why: words it did not follow, a field that does
 * not exist, a name outside the asker's data, a request to change data.
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
        ...(interpreted.analysis && { analysis: interpreted.analysis }),
        state: interpreted.notes,
      }
    },
    async narrate(input, plan, result, io) {
      const notes = Array.isArray(plan.state) ? (plan.state as string[]) : []
      const ranked = plan.query.sort?.some((s) => s.field !== plan.query.timeGrain?.dimension)
      const summary = plan.analysis
        ? narrateAnalysis(plan.analysis, result)
        : summarizeResult(result, { ranked: Boolean(ranked && plan.query.limit) })
      io.text([summary, ...notes, `Computed: ${plan.explanation}.`].join(' '))
      return { suggestions: followUpQuestions(input.dataset, plan.query, input.values) }
    },
  }
}
