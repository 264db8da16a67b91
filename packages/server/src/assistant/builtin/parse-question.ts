import type { DimensionModel, MeasureModel, TimeGrain } from '../../semantic/model'
import type { CalendarUnit } from '../time/calendar'
import { parseTimeExpressions, type TimeMatch } from '../time/time-expressions'
import type { Keyword, Term, Vocabulary } from './vocabulary'
import { numberOf, tokenize } from './words'

/** A filter read from a question: values of a dimension, kept or left out. */
export interface ParsedFilter {
  dimension: DimensionModel
  op: 'in' | 'not_in'
  values: Array<string | number>
}

/** What the built-in engine understood of a question, before it becomes a StructuredQuery. */
export interface ParsedQuestion {
  measures: MeasureModel[]
  /** Group by these (string/number) dimensions. */
  dimensions: DimensionModel[]
  /** Group by the time dimension at this grain; `auto` picks one from the period's length. */
  grain?: TimeGrain | 'auto'
  filters: ParsedFilter[]
  time?: { from?: string; to?: string; text: string }
  /** "top 5", "which region … most": sort by the first measure and keep `limit` rows. */
  order?: { direction: 'asc' | 'desc'; limit: number }
  /** Keywords seen, for follow-ups and wording. */
  keywords: Set<Keyword>
  /** Words the parser did not understand. */
  unknown: string[]
  /** Understood, but not answerable with this dataset (e.g. an average nobody defined). */
  problems: string[]
  /** True when the question names anything at all (measure, dimension, value, time, grain). */
  recognized: boolean
}

interface Item {
  term: Term
  /** The words as written. */
  text: string
}

const DEFAULT_TOP = 10

function averageOf(vocabulary: Vocabulary, measure: MeasureModel): MeasureModel | undefined {
  if (measure.aggregation === 'avg') return measure
  if (measure.column === undefined) return undefined
  return Object.values(vocabulary.dataset.measures).find(
    (m) => m.aggregation === 'avg' && m.column === measure.column,
  )
}

/** Reads the phrases of the question (time expressions already cut out) into items and numbers. */
function readItems(text: string, vocabulary: Vocabulary) {
  const tokens = tokenize(text)
  const items: Array<Item | { number: number; text: string }> = []
  const unknown: string[] = []
  for (let at = 0; at < tokens.length; ) {
    const found = vocabulary.match(tokens, at)
    if (found) {
      const words = tokens.slice(at, at + found.length).map((t) => t.raw)
      items.push({ term: found.term, text: words.join(' ') })
      at += found.length
      continue
    }
    const token = tokens[at] as (typeof tokens)[number]
    const number = numberOf(token.norm)
    if (number !== undefined) items.push({ number, text: token.raw })
    else unknown.push(token.raw)
    at++
  }
  return { items, unknown }
}

function timeOf(matches: TimeMatch[], problems: string[]) {
  if (matches.length === 0) return {}
  const [first] = matches as [TimeMatch]
  if (matches.length === 1) {
    return { time: { ...pick(first), text: first.text } }
  }
  // Several periods of one kind ("2025 vs 2026", "Q1 and Q2"): their span, grouped by that unit.
  const units = new Set(matches.map((m) => m.unit))
  const unit = [...units][0] as CalendarUnit | 'custom'
  if (units.size > 1 || unit === 'custom' || matches.some((m) => !m.from || !m.to)) {
    problems.push(
      `I can compare periods of one kind (years, quarters, months…), not "${matches.map((m) => m.text).join('" and "')}"`,
    )
    return {}
  }
  const from = matches.map((m) => m.from as string).sort()[0] as string
  const to = matches.map((m) => m.to as string).sort()[matches.length - 1] as string
  return {
    time: { from, to, text: matches.map((m) => m.text).join(' and ') },
    grain: unit as TimeGrain,
  }
}

function pick(match: TimeMatch): { from?: string; to?: string } {
  return {
    ...(match.from !== undefined && { from: match.from }),
    ...(match.to !== undefined && { to: match.to }),
  }
}

/**
 * Parses a question against a dataset's vocabulary: measures, dimensions to group by, values to
 * filter on (with "excluding"), time expressions, grains, "top N" and "how many".
 *
 * @example
 * parseQuestion('top 5 products by orders in EU', vocabulary, '2026-11-21')
 * // { measures: [orders], dimensions: [product], filters: [{ region in EU }], order: { desc, 5 }, … }
 */
export function parseQuestion(
  question: string,
  vocabulary: Vocabulary,
  today: string,
): ParsedQuestion {
  const text = question.normalize('NFKC')
  const matches = parseTimeExpressions(text, today)
  let rest = text
  for (const match of matches)
    rest = rest.slice(0, match.start) + ' '.repeat(match.end - match.start) + rest.slice(match.end)

  const { items, unknown } = readItems(rest, vocabulary)
  const problems: string[] = []
  const { time, grain: periodGrain } = timeOf(matches, problems)
  const keywords = new Set<Keyword>()
  const measures: MeasureModel[] = []
  const dimensions: Array<{ dimension: DimensionModel; plural: boolean }> = []
  const filters = new Map<string, ParsedFilter>()
  let grain: ParsedQuestion['grain'] = periodGrain
  let grainPlural = false
  let excluding = false
  let averageNext = false
  let countAt = -1
  let limit: number | undefined
  let recognized = matches.length > 0
  const rowNouns: MeasureModel[] = []

  const termAt = (i: number) => {
    const item = items[i]
    return item && 'term' in item ? item.term : undefined
  }
  const addMeasure = (measure: MeasureModel) => {
    if (!measures.includes(measure)) measures.push(measure)
  }

  items.forEach((item, i) => {
    if ('number' in item) {
      const before = termAt(i - 1)
      const after = termAt(i + 1)
      const nearTop = (t?: Term) =>
        t?.kind === 'keyword' && (t.keyword === 'top' || t.keyword === 'bottom')
      const beforeGroup = after?.kind === 'dimension' || after?.kind === 'grain'
      if (limit === undefined && (nearTop(before) || nearTop(after) || beforeGroup))
        limit = item.number
      else unknown.push(item.text)
      return
    }
    const { term } = item
    if (term.kind !== 'value' && term.kind !== 'keyword' && term.kind !== 'filler')
      excluding = false
    switch (term.kind) {
      case 'filler':
        return
      case 'keyword':
        keywords.add(term.keyword)
        if (term.keyword === 'exclude') excluding = true
        if (term.keyword === 'average') averageNext = true
        if (term.keyword === 'count') countAt = i
        if (term.keyword === 'trend') {
          grain ??= 'auto'
          recognized = true
        }
        return
      case 'measure': {
        recognized = true
        if (averageNext) {
          averageNext = false
          const average = averageOf(vocabulary, term.measure)
          if (average) addMeasure(average)
          else problems.push(`There is no average of ${term.measure.label} in this dataset`)
          return
        }
        // "average revenue per order": the average already is per order.
        const previous = items[i - 1]
        const perCount =
          previous?.text.toLowerCase() === 'per' && term.measure.aggregation === 'count'
        if (perCount && measures.some((m) => m.aggregation === 'avg')) return
        // "online orders" names the rows, not a measure, when another measure is asked for.
        if (termAt(i - 1)?.kind === 'value' && vocabulary.namesDataset(item.text)) {
          rowNouns.push(term.measure)
          return
        }
        addMeasure(term.measure)
        return
      }
      case 'grain':
        recognized = true
        grain = term.grain
        grainPlural = term.plural
        return
      case 'dimension': {
        recognized = true
        if (term.dimension.type === 'time') {
          grain ??= 'auto'
          return
        }
        // "the EU region", "channel online": a dimension next to its own value only qualifies it.
        const neighbours = [termAt(i - 1), termAt(i + 1)]
        if (neighbours.some((t) => t?.kind === 'value' && t.dimension === term.dimension)) return
        if (countAt >= 0 && countAt === i - 1 && measures.length === 0) {
          problems.push(`I cannot count distinct ${term.dimension.label} values with this dataset`)
        }
        if (!dimensions.some((d) => d.dimension === term.dimension))
          dimensions.push({ dimension: term.dimension, plural: term.plural })
        return
      }
      case 'value': {
        recognized = true
        const op = excluding ? 'not_in' : 'in'
        const key = `${term.dimension.name}:${op}`
        const filter = filters.get(key) ?? { dimension: term.dimension, op, values: [] }
        if (!filter.values.includes(term.value)) filter.values.push(term.value)
        filters.set(key, filter)
        return
      }
    }
  })
  if (measures.length === 0) rowNouns.forEach(addMeasure)
  if (averageNext) {
    const average = Object.values(vocabulary.dataset.measures).find((m) => m.aggregation === 'avg')
    if (average) addMeasure(average)
    else problems.push('There is no average measure in this dataset')
  }

  // Two or more values of a dimension read better side by side ("online vs retail"), unless summed.
  const grouped = dimensions.map((d) => d.dimension)
  if (!keywords.has('total')) {
    for (const filter of filters.values()) {
      if (filter.op === 'in' && filter.values.length > 1 && !grouped.includes(filter.dimension))
        grouped.push(filter.dimension)
    }
  }

  let order: ParsedQuestion['order']
  const direction = keywords.has('bottom') ? 'asc' : keywords.has('top') ? 'desc' : undefined
  if (direction && (grouped.length > 0 || grain !== undefined)) {
    const singular =
      dimensions.length > 0 ? !dimensions[0]?.plural : grain !== undefined && !grainPlural
    order = { direction, limit: limit ?? (singular ? 1 : DEFAULT_TOP) }
  } else if (limit !== undefined && grouped.length > 0) {
    order = { direction: 'desc', limit }
  }

  return {
    measures,
    dimensions: grouped,
    ...(grain !== undefined && { grain }),
    filters: [...filters.values()],
    ...(time && { time }),
    ...(order && { order }),
    keywords,
    unknown,
    problems,
    recognized: recognized || keywords.has('count'),
  }
}
