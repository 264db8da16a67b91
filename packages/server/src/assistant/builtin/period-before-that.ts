// "the year before", "the month before that", "the previous quarter": a period one unit before
// another. Inside a conversation it is the one before the period being discussed ("units in Q2
// 2026" → "what about the previous quarter?" is Q1 2026); asked alone it is the one before today's.
import { type CalendarUnit, shift } from '../time/calendar'

const UNIT = '(day|week|month|quarter|year)'
const BEFORE_THAT = new RegExp(
  `\\b(?:the\\s+)?(?:(?:previous|prior|preceding)\\s+${UNIT}|(?:an?\\s+|one\\s+)?${UNIT}\\s+(?:before|earlier|prior)(?:\\s+that)?)\\b(?!\\s+(?:to|the|last|this|\\d))`,
  'i',
)
// "vs the month before", "compared to the previous quarter": a comparison, read elsewhere.
const COMPARED = /(?:\bvs\.?|\bversus|\bcompared\s+(?:to|with)|\bagainst|\bthan|\bwith)\s*$/i

/**
 * Finds "the <unit> before" in a question and rewrites it as "last <unit>" (same length, so later
 * positions hold), with the unit to step back from a conversation's period.
 *
 * @example
 * readPeriodBeforeThat('same for the quarter before')
 * // { text: 'same for last quarter      ', back: 'quarter' }
 */
export function readPeriodBeforeThat(text: string): { text: string; back?: CalendarUnit } {
  const found = BEFORE_THAT.exec(text)
  if (!found || COMPARED.test(text.slice(0, found.index))) return { text }
  const back = (found[1] ?? found[2] ?? 'day').toLowerCase() as CalendarUnit
  const end = found.index + found[0].length
  const replacement = `last ${back}`.padEnd(found[0].length)
  return { text: text.slice(0, found.index) + replacement + text.slice(end), back }
}

/** The same period `unit` earlier: Q2 2026 a quarter back is Q1 2026, a year back Q2 2025. */
export function stepBack<P extends { from: string; to: string }>(period: P, unit: CalendarUnit): P {
  return { ...period, from: shift(period.from, unit, -1), to: shift(period.to, unit, -1) }
}
