import * as chrono from 'chrono-node'
import { NUMBER_WORDS } from '../builtin/words'
import {
  addDays,
  type CalendarUnit,
  monthPeriod,
  type Period,
  periodOf,
  quarterPeriod,
  shift,
  startOf,
  toUtcDate,
  yearPeriod,
} from './calendar'

/** A time expression found in a question, resolved to dates. */
export interface TimeMatch {
  from?: string
  to?: string
  /** The calendar unit the expression names (`custom` for ranges and open ends). */
  unit: CalendarUnit | 'custom'
  /** The words as written, e.g. `last quarter`. */
  text: string
  /** Character span in the question. */
  start: number
  end: number
}

const UNIT = '(day|week|month|quarter|year)'
const COUNT = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})`
const ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
}

const unitOf = (word: string) => word.toLowerCase().replace(/s$/, '') as CalendarUnit
const countOf = (word: string) => NUMBER_WORDS[word.toLowerCase()] ?? Number(word)
const fullYear = (text: string) => (text.length === 2 ? 2000 + Number(text) : Number(text))

type Rule = [
  RegExp,
  (groups: string[], today: string) => (Period & { unit: TimeMatch['unit'] }) | undefined,
]

/** The latest period of a kind that has begun by today: "Q3" in November means this year's. */
function latestStarted(today: string, build: (year: number) => Period): Period {
  const year = toUtcDate(today).getUTCFullYear()
  const period = build(year)
  return period.from > today ? build(year - 1) : period
}

// Deterministic relative and quarter expressions, tried in order before chrono reads the rest.
const RULES: Rule[] = [
  [
    /\b(?:(year|quarter|month|week)[\s-]to[\s-]date|(y|q|m|w)td)\b/gi,
    ([unit, short], today) => {
      const units: Record<string, CalendarUnit> = { y: 'year', q: 'quarter', m: 'month', w: 'week' }
      const resolved = unit ? unitOf(unit) : (units[(short ?? 'y').toLowerCase()] ?? 'year')
      return { from: startOf(today, resolved), to: addDays(today, 1), unit: 'custom' }
    },
  ],
  [
    new RegExp(`\\b(?:last|past|previous|prior|trailing)\\s+${COUNT}\\s+${UNIT}s\\b`, 'gi'),
    ([count, unit], today) => {
      const end = addDays(today, 1)
      return {
        from: shift(end, unitOf(unit ?? 'day'), -countOf(count ?? '1')),
        to: end,
        unit: 'custom',
      }
    },
  ],
  [
    /\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+(?:of\s+)?(\d{4}))?\b/gi,
    ([ordinal, year], today) => {
      const quarter = ORDINALS[(ordinal ?? '').toLowerCase()] ?? 1
      const period = year
        ? quarterPeriod(Number(year), quarter)
        : latestStarted(today, (y) => quarterPeriod(y, quarter))
      return { ...period, unit: 'quarter' }
    },
  ],
  [
    /\blast\s+quarter\s+of\s+(\d{4})\b/gi,
    ([year]) => ({ ...quarterPeriod(Number(year), 4), unit: 'quarter' }),
  ],
  [
    /\b(\d{4})[\s-]?q([1-4])\b|\bq([1-4])(?!\d)(?:\s*(?:of\s+)?(?:'?(\d{2})\b|(\d{4})\b))?/gi,
    ([yearBefore, quarterAfterYear, quarter, shortYear, year], today) => {
      if (yearBefore && quarterAfterYear)
        return { ...quarterPeriod(Number(yearBefore), Number(quarterAfterYear)), unit: 'quarter' }
      const q = Number(quarter)
      const explicit = year ?? shortYear
      const period = explicit
        ? quarterPeriod(fullYear(explicit), q)
        : latestStarted(today, (y) => quarterPeriod(y, q))
      return { ...period, unit: 'quarter' }
    },
  ],
  [
    /\b(?:h([12])\s*(\d{4})|(first|second)\s+half(?:\s+of)?(?:\s+(\d{4}))?)\b/gi,
    ([h, hYear, ordinal, year], today) => {
      const half = h ? Number(h) : ordinal?.toLowerCase() === 'first' ? 1 : 2
      const build = (y: number) => {
        const from = monthPeriod(y, half === 1 ? 1 : 7).from
        return { from, to: shift(from, 'month', 6) }
      }
      const explicit = hYear ?? year
      return {
        ...(explicit ? build(Number(explicit)) : latestStarted(today, build)),
        unit: 'custom',
      }
    },
  ],
  [
    new RegExp(`\\b(this|current|last|previous|prior|past|next)\\s+${UNIT}\\b`, 'gi'),
    ([which, unit], today) => {
      const resolved = unitOf(unit ?? 'day')
      const word = (which ?? '').toLowerCase()
      if (word === 'past') {
        const end = addDays(today, 1)
        return { from: shift(end, resolved, -1), to: end, unit: 'custom' }
      }
      const offset = word === 'this' || word === 'current' ? 0 : word === 'next' ? 1 : -1
      return { ...periodOf(shift(today, resolved, offset), resolved), unit: resolved }
    },
  ],
  [/\btoday\b/gi, (_, today) => ({ from: today, to: addDays(today, 1), unit: 'day' })],
  [/\byesterday\b/gi, (_, today) => ({ from: addDays(today, -1), to: today, unit: 'day' })],
  [
    /\b(\d{4})-(0[1-9]|1[0-2])\b(?!-\d)/g,
    ([year, month]) => ({ ...monthPeriod(Number(year), Number(month)), unit: 'month' }),
  ],
]

const mask = (text: string, start: number, end: number) =>
  text.slice(0, start) + ' '.repeat(end - start) + text.slice(end)

type ChronoComponents = chrono.ParsedResult['start']

function componentPeriod(
  components: ChronoComponents,
): { period: Period; unit: CalendarUnit } | undefined {
  const year = components.get('year')
  const month = components.get('month')
  const day = components.get('day')
  if (year === null || month === null) return undefined
  if (components.isCertain('day') && day !== null) {
    const from = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    return { period: { from, to: addDays(from, 1) }, unit: 'day' }
  }
  if (components.isCertain('month')) return { period: monthPeriod(year, month), unit: 'month' }
  return undefined
}

const PREPOSITION_BEFORE =
  /\b(in|of|since|during|from|until|till|before|after|for|through|to|and|between)\s+$/i

/** Absolute dates and ranges read by chrono ("March 2025", "3 March 2025", "from January to March 2025"). */
function chronoMatches(masked: string, today: string): TimeMatch[] {
  const reference = { instant: new Date(`${today}T12:00:00Z`), timezone: 'UTC' }
  const matches: TimeMatch[] = []
  for (const result of chrono.en.casual.parse(masked, reference)) {
    const start = componentPeriod(result.start)
    if (!start) continue
    // "now" opens follow-ups ("now by country"): it is not a period.
    if (/^(?:right\s+)?now$/i.test(result.text)) continue
    // "may" is a month only where a month can stand ("in may"), not in "may I see…".
    if (/^may$/.test(result.text) && !PREPOSITION_BEFORE.test(masked.slice(0, result.index)))
      continue
    const end = result.end ? componentPeriod(result.end) : undefined
    let from = start.period.from
    let to = end ? end.period.to : start.period.to
    // Without a year, prefer the past: "orders in March" asked in November is this year's March.
    if (!result.start.isCertain('year') && from > today) {
      from = shift(from, 'year', -1)
      to = shift(to, 'year', -1)
    }
    matches.push({
      from,
      to,
      unit: end ? 'custom' : start.unit,
      text: result.text,
      start: result.index,
      end: result.index + result.text.length,
    })
  }
  return matches
}

const RANGE_JOIN = /^\s*(?:to|until|till|through|and|-|–)\s*$/i
const RANGE_OPEN = /\b(from|between)\s+(?:the\s+)?$/i
const OPEN_END =
  /\b(since|after|from|starting(?:\s+(?:in|on|from))?|beginning(?:\s+(?:in|on))?|before|until|till|through|up\s+to|prior\s+to)\s+(?:the\s+)?$/i

/** Joins "from X to Y" / "between X and Y" and applies "since X", "before X", "until X". */
function combine(text: string, matches: TimeMatch[]): TimeMatch[] {
  const out: TimeMatch[] = []
  for (let i = 0; i < matches.length; i++) {
    const a = matches[i] as TimeMatch
    const b = matches[i + 1]
    const before = text.slice(0, a.start)
    const opener = RANGE_OPEN.exec(before)
    if (b && opener && RANGE_JOIN.test(text.slice(a.end, b.start))) {
      const start = opener.index
      out.push({
        ...(a.from !== undefined && { from: a.from }),
        ...(b.to !== undefined && { to: b.to }),
        unit: 'custom',
        text: text.slice(start, b.end),
        start,
        end: b.end,
      })
      i++
      continue
    }
    const open = OPEN_END.exec(before)
    if (opener && a.unit === 'custom' && a.from !== undefined && a.to !== undefined) {
      // chrono already read "from January to March" as one range.
      out.push({ ...a, text: text.slice(opener.index, a.end), start: opener.index })
      continue
    }
    if (open) {
      const word = (open[1] ?? '').toLowerCase().split(/\s+/)[0]
      const bound: Partial<Period> =
        word === 'before' || word === 'prior'
          ? { to: a.from }
          : word === 'until' || word === 'till' || word === 'through' || word === 'up'
            ? { to: a.to }
            : word === 'after'
              ? { from: a.to }
              : { from: a.from }
      out.push({
        ...bound,
        unit: 'custom',
        text: text.slice(open.index, a.end),
        start: open.index,
        end: a.end,
      })
      continue
    }
    out.push(a)
  }
  return out
}

/**
 * Finds the time expressions of a question and resolves them against `today` (UTC): relative
 * periods ("last quarter", "this year", "last 30 days", "year to date", "Q1 2026") by fixed rules,
 * absolute dates and ranges ("March 2025", "from January to March 2025") with chrono, and bare
 * years ("in 2025"). Ranges are half-open: `to` is the first day after.
 *
 * @example
 * parseTimeExpressions('revenue last quarter', '2026-11-21')
 * // [{ from: '2026-07-01', to: '2026-10-01', unit: 'quarter', text: 'last quarter', start: 8, end: 20 }]
 */
export function parseTimeExpressions(text: string, today: string): TimeMatch[] {
  let masked = text
  const matches: TimeMatch[] = []
  const take = (
    start: number,
    end: number,
    period: Partial<Period> & { unit: TimeMatch['unit'] },
  ) => {
    matches.push({ ...period, text: text.slice(start, end), start, end })
    masked = mask(masked, start, end)
  }
  for (const [pattern, build] of RULES) {
    for (const match of [...masked.matchAll(pattern)]) {
      const period = build(match.slice(1) as string[], today)
      if (period) take(match.index, match.index + match[0].length, period)
    }
  }
  for (const match of chronoMatches(masked, today)) take(match.start, match.end, match)
  for (const match of [...masked.matchAll(/(?<![\d-])\b((?:19|20)\d{2})\b(?![\d-])/g)]) {
    take(match.index, match.index + match[0].length, {
      ...yearPeriod(Number(match[1])),
      unit: 'year',
    })
  }
  matches.sort((a, b) => a.start - b.start)
  return combine(text, matches)
}
