import type { DimensionModel, MeasureModel, TimeGrain } from '../../semantic/model'
import { addDays, type CalendarUnit, shift, toUtcDate } from '../time/calendar'
import { parseTimeExpressions, type TimeMatch } from '../time/time-expressions'
import { closestWords, correct, suggestionEdits } from './fuzzy'
import { readPeriodBeforeThat } from './period-before-that'
import type { Keyword, Term, Vocabulary } from './vocabulary'
import { ARTICLES, numberOf, SLOT_BEFORE, singularize, tokenize } from './words'

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
  time?: { from?: string; to?: string; text: string; unit?: CalendarUnit | 'custom' }
  /** "top 5", "which region … most": sort by the first measure and keep `limit` rows. */
  order?: { direction: 'asc' | 'desc'; limit: number }
  /** Keywords seen, for follow-ups and wording. */
  keywords: Set<Keyword>
  /** Two or more periods named side by side ("Q1 2026 vs Q1 2025", "last month vs the month before"), oldest first. */
  periods?: Period[]
  /** "month over month": growth from one period of this grain to the next. */
  overGrain?: TimeGrain
  /**
   * "the year before", "the previous quarter": in a conversation, the period discussed so far
   * one unit earlier (`time` holds the reading on its own: the unit before today's).
   */
  back?: CalendarUnit
  /** Words the parser did not understand. */
  unknown: string[]
  /** The question points back at what came before ("break this down", "why did it drop"). */
  refersBack: boolean
  /** The question itself names a grain ("quarterly", "by month", "month over month"). */
  grainNamed?: boolean
  /**
   * Unknown words where a name, field or measure belongs ("for initech", "by salesperson",
   * "average discount"): the question cannot be answered without them.
   */
  missing: Array<{
    word: string
    slot: 'value' | 'field' | 'measure'
    suggestions: string[]
    /** Not where a name belongs, only close to one ("parnter"): a "did you mean". */
    near?: boolean
  }>
  /** Misspelt words read as known ones: `revnue` → `revenue`. */
  corrections: Array<{ from: string; to: string }>
  /** Understood, but not answerable with this dataset (e.g. an average nobody defined). */
  problems: string[]
  /** True when the question names anything at all (measure, dimension, value, time, grain). */
  recognized: boolean
}

/** A named period of a question. */
export interface Period {
  from: string
  to: string
  text: string
  unit: CalendarUnit | 'custom'
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

type Entry =
  | (Item & { kind: 'term' })
  | { kind: 'number'; number: number; text: string }
  | { kind: 'unknown'; text: string; norm: string }

/** Reads the phrases of the question (time expressions already cut out) into terms, numbers and unknown words, in order. */
function readEntries(text: string, vocabulary: Vocabulary): Entry[] {
  const tokens = tokenize(text)
  const entries: Entry[] = []
  for (let at = 0; at < tokens.length; ) {
    const found = vocabulary.match(tokens, at)
    if (found) {
      const words = tokens.slice(at, at + found.length).map((t) => t.raw)
      entries.push({ kind: 'term', term: found.term, text: words.join(' ') })
      at += found.length
      continue
    }
    const token = tokens[at] as (typeof tokens)[number]
    const number = numberOf(token.norm)
    if (number !== undefined) entries.push({ kind: 'number', number, text: token.raw })
    else entries.push({ kind: 'unknown', text: token.raw, norm: token.norm })
    at++
  }
  return entries
}

/**
 * Where an unknown word stands: right after "for"/"in"/"from" (a name), "by"/"per" (a field) or
 * "average"/"total" (a measure), or right before a measure or field ("initech revenue"). Elsewhere it
 * is ordinary wording ("roughly", "pull up") and may be left out when the rest is understood.
 */
function slotOf(entries: readonly Entry[], i: number): 'value' | 'field' | 'measure' | undefined {
  let before: Entry | undefined
  for (let j = i - 1; j >= 0; j--) {
    const entry = entries[j] as Entry
    if (
      entry.kind === 'term' &&
      entry.term.kind === 'filler' &&
      ARTICLES.has(entry.text.toLowerCase())
    )
      continue
    before = entry
    break
  }
  if (before?.kind === 'term') {
    // "by sales rep", "by customer segment": a field named after a measure is still a field.
    if (before.term.kind === 'measure' || before.term.kind === 'dimension') {
      const prior = entries[entries.indexOf(before) - 1]
      const word = prior?.kind === 'term' ? prior.text.toLowerCase().split(' ').at(-1) : undefined
      if (word && SLOT_BEFORE[word] === 'field') return 'field'
    }
    const words = before.text.toLowerCase().split(' ')
    const last = words[words.length - 1] ?? ''
    const slot = SLOT_BEFORE[last]
    if (slot) return slot
    if (before.term.kind === 'keyword' && before.term.keyword === 'count') return 'measure'
    // "tenant acme", "product foo": a field followed by a value it does not have.
    if (before.term.kind === 'dimension') return 'value'
  }
  let after = entries[i + 1]
  // "acme's revenue": the possessive's "s" stands between.
  if (after?.kind === 'term' && after.text.toLowerCase() === 's') after = entries[i + 2]
  if (after?.kind === 'term' && (after.term.kind === 'measure' || after.term.kind === 'dimension'))
    return 'value'
  const entry = entries[i] as Extract<Entry, { kind: 'unknown' }>
  // A capitalised word inside the sentence is a name ("revenue from Hooli").
  if (i > 0 && /^\p{Lu}/u.test(entry.text)) return 'value'
  return undefined
}

function timeOf(matches: TimeMatch[], problems: string[]) {
  if (matches.length === 0) return {}
  const [first] = matches as [TimeMatch]
  if (matches.length === 1) {
    return { time: { ...pick(first), text: first.text, unit: first.unit } }
  }
  // Several periods of one kind ("2025 vs 2026", "Q1 and Q2"): their span, grouped by that unit.
  const units = new Set(matches.map((m) => m.unit))
  const unit = [...units][0] as CalendarUnit | 'custom'
  const days = (m: TimeMatch) =>
    (toUtcDate(m.to as string).getTime() - toUtcDate(m.from as string).getTime()) / 86_400_000
  const bounded = matches.every((m) => m.from && m.to)
  // Ranges of the same length ("H1 2026 vs H1 2025") compare like calendar periods.
  const sameLength = bounded && Math.max(...matches.map(days)) - Math.min(...matches.map(days)) <= 3
  if (units.size > 1 || !bounded || (unit === 'custom' && !sameLength)) {
    problems.push(
      `I can compare periods of one kind (years, quarters, months…), not "${matches.map((m) => m.text).join('" and "')}"`,
    )
    return {}
  }
  const periods = matches
    .map((m) => ({ from: m.from as string, to: m.to as string, text: m.text, unit }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  const from = periods[0]?.from as string
  const to = periods.map((p) => p.to).sort()[periods.length - 1] as string
  return {
    time: { from, to, text: matches.map((m) => m.text).join(' and ') },
    ...(unit !== 'custom' && { grain: unit as TimeGrain }),
    periods,
  }
}

/** The period just before one: the previous calendar unit, or as many days before a custom range. */
export function periodBefore(period: Pick<Period, 'from' | 'to' | 'unit'>): Period {
  if (period.unit !== 'custom') {
    const from = shift(period.from, period.unit, -1)
    return { from, to: period.from, text: 'the period before', unit: period.unit }
  }
  const days = Math.round(
    (toUtcDate(period.to).getTime() - toUtcDate(period.from).getTime()) / 86_400_000,
  )
  return {
    from: addDays(period.from, -days),
    to: period.from,
    text: 'the period before',
    unit: 'custom',
  }
}

// "vs the month before", "compared to last", "than the previous quarter": the period before the named one.
const PREVIOUS_PERIOD =
  /\b(?:vs\.?|versus|compared\s+(?:to|with)|against|than|with)\s+(?:the\s+)?(?:(?:last|previous|prior|preceding)(?:\s+(?:one|period|day|week|month|quarter|year))?|(?:one|period|day|week|month|quarter|year)\s+(?:before|earlier|prior))\b/i
// "month over month", "MoM", "year-over-year".
const OVER_GRAIN =
  /\b(day|week|month|quarter|year)[\s-]+(?:over|on)[\s-]+(?:the\s+)?(?:previous\s+|prior\s+|last\s+)?\1\b/i
const OVER_SHORT: Record<string, TimeGrain> = {
  dod: 'day',
  wow: 'week',
  mom: 'month',
  qoq: 'quarter',
  yoy: 'year',
}

const REFERS_BACK: ReadonlySet<string> = new Set(['this', 'it', 'these', 'those', 'them', 'there'])

const blank = (text: string, start: number, end: number) =>
  text.slice(0, start) + ' '.repeat(end - start) + text.slice(end)

/** Reads misspelt words as the known words they stand for, outside time expressions. */
function correctSpelling(
  text: string,
  vocabulary: Vocabulary,
  today: string,
  corrections: Array<{ from: string; to: string }>,
): string {
  const spans = parseTimeExpressions(text, today)
  let out = ''
  let at = 0
  for (const token of tokenize(text)) {
    if (spans.some((m) => token.start >= m.start && token.end <= m.end)) continue
    if (/\d/.test(token.norm) || vocabulary.knows(token.norm)) continue
    // "partners": the plural of a value ("partner") is that value.
    const singular = singularize(token.norm)
    const fixed =
      singular && vocabulary.nameWords.has(singular)
        ? singular
        : singular && vocabulary.knows(singular)
          ? undefined
          : correct(token.norm, vocabulary.contentWords, vocabulary.nameWords)
    if (!fixed) continue
    corrections.push({ from: token.raw, to: fixed })
    out += text.slice(at, token.start) + fixed
    at = token.end
  }
  return out + text.slice(at)
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
  const corrections: Array<{ from: string; to: string }> = []
  let text = question.normalize('NFKC').replace(/%/g, ' percent ')
  text = correctSpelling(text, vocabulary, today, corrections)
  const beforeThat = readPeriodBeforeThat(text)
  text = beforeThat.text
  let overGrain: TimeGrain | undefined
  const over = OVER_GRAIN.exec(text)
  if (over) {
    overGrain = (over[1] ?? 'month').toLowerCase() as TimeGrain
    text = blank(text, over.index, over.index + over[0].length)
  }
  for (const short of text.matchAll(/\b(dod|wow|mom|qoq|yoy)\b/gi)) {
    overGrain = OVER_SHORT[(short[1] ?? '').toLowerCase()]
    text = blank(text, short.index, short.index + short[0].length)
  }
  const matches = parseTimeExpressions(text, today)
  // "last month vs the previous month", "… vs the month before": the second, read on its own as
  // the same period, is the one before the first.
  const [one, two] = matches
  if (
    matches.length === 2 &&
    one &&
    two &&
    one.from === two.from &&
    one.to === two.to &&
    one.from &&
    one.to
  ) {
    const before = periodBefore({ from: one.from, to: one.to, unit: one.unit })
    matches[1] = { ...two, from: before.from, to: before.to }
  }
  let rest = text
  for (const match of matches) rest = blank(rest, match.start, match.end)
  let previousPeriod = false
  const previous = matches.length === 1 ? PREVIOUS_PERIOD.exec(rest) : null
  if (previous) {
    previousPeriod = true
    rest = blank(rest, previous.index, previous.index + previous[0].length)
  }

  const entries = readEntries(rest, vocabulary)
  const items = entries.filter(
    (e): e is Exclude<Entry, { kind: 'unknown' }> => e.kind !== 'unknown',
  )
  const unknown: string[] = []
  const missing: ParsedQuestion['missing'] = []
  entries.forEach((entry, i) => {
    if (entry.kind !== 'unknown') return
    unknown.push(entry.text)
    const slot = slotOf(entries, i)
    if (!slot) {
      // Close to a name of the data ("parnter"), it may be that name: never left out unasked.
      const names = [
        ...vocabulary.names.value,
        ...vocabulary.names.field,
        ...vocabulary.names.measure,
      ]
      const near = closestWords(entry.norm, names, suggestionEdits(entry.norm.length))
      if (near)
        missing.push({
          word: entry.text,
          slot: 'value',
          suggestions: near.words.slice(0, 3),
          near: true,
        })
      return
    }
    const pool = vocabulary.names[slot]
    const near = closestWords(entry.norm, pool, suggestionEdits(entry.norm.length))
    missing.push({ word: entry.text, slot, suggestions: near?.words.slice(0, 3) ?? [] })
  })
  const problems: string[] = []
  const timed: { time?: ParsedQuestion['time']; grain?: TimeGrain; periods?: Period[] } = timeOf(
    matches,
    problems,
  )
  let { time, grain: periodGrain } = timed
  let periods = timed.periods
  if (previousPeriod && matches[0]?.from && matches[0].to) {
    const [match] = matches as [TimeMatch]
    const current: Period = {
      from: match.from as string,
      to: match.to as string,
      text: match.text,
      unit: match.unit,
    }
    const before = periodBefore(current)
    periods = [before, current]
    time = { from: before.from, to: current.to, text: `${current.text} and the period before` }
    if (current.unit !== 'custom') periodGrain = current.unit
  }
  const keywords = new Set<Keyword>()
  const measures: MeasureModel[] = []
  const dimensions: Array<{ dimension: DimensionModel; plural: boolean }> = []
  const filters = new Map<string, ParsedFilter>()
  let grain: ParsedQuestion['grain'] = periodGrain ?? overGrain
  let grainPlural = false
  let grainNamed = false
  let excluding = false
  let averageNext = false
  let countAt = -1
  let limit: number | undefined
  let recognized = matches.length > 0 || overGrain !== undefined
  const rowNouns: MeasureModel[] = []
  const termAt = (i: number) => {
    const item = items[i]
    return item && item.kind === 'term' ? item.term : undefined
  }
  const addMeasure = (measure: MeasureModel) => {
    if (!measures.includes(measure)) measures.push(measure)
  }

  items.forEach((item, i) => {
    if (item.kind === 'number') {
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
        if (term.keyword === 'growth' || term.keyword === 'share') recognized = true
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
        // "online orders", "European customers" name the rows, not a measure, when another
        // measure is asked for.
        const counts =
          term.measure.aggregation === 'count' || term.measure.aggregation === 'count_distinct'
        if (termAt(i - 1)?.kind === 'value' && (vocabulary.namesDataset(item.text) || counts)) {
          rowNouns.push(term.measure)
          return
        }
        addMeasure(term.measure)
        return
      }
      case 'grain':
        recognized = true
        grainNamed = true
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
  } else if (direction && limit !== undefined) {
    // "show the top 3 only": a ranking of what came before (a follow-up, a tile).
    order = { direction, limit }
    recognized = true
  }

  return {
    measures,
    dimensions: grouped,
    ...(grain !== undefined && { grain }),
    filters: [...filters.values()],
    ...(time && { time }),
    ...(order && { order }),
    ...(periods && periods.length > 1 && { periods }),
    ...(overGrain && { overGrain }),
    ...(beforeThat.back && { back: beforeThat.back }),
    keywords,
    unknown,
    refersBack: tokenize(rest).some((t) => REFERS_BACK.has(t.norm)),
    ...((grainNamed || overGrain !== undefined) && { grainNamed: true }),
    missing,
    corrections,
    problems,
    recognized: recognized || keywords.has('count'),
  }
}
