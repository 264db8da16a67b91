import { describe, expect, it } from 'vitest'
import { formatDate, formatNumber } from '../format'
import { truncate } from './axes'
import {
  type AxisLabel,
  type AxisRoom,
  everyNthTick,
  fitLabels,
  linear,
  valueTicks,
} from './axis-ticks'

// Widths of 12px sans-serif, as Chromium measures them on this machine, roughly: digits and
// capitals ~7 px, "$" 7 px, "." 3.5 px, space 3.5 px.
const width = (text: string) =>
  [...text].reduce((sum, c) => sum + (c === '.' || c === ' ' ? 3.5 : c === 'M' ? 10 : 7), 0)
const usd = (value: number) => formatNumber(value, 'currency', { locale: 'en-US', compact: true })

/** `$1.5M` -> 1500000. */
const readCompact = (text: string) =>
  Number(text.replace(/[$KM]/g, '')) * (text.endsWith('M') ? 1e6 : text.endsWith('K') ? 1e3 : 1)

function bottomRoom(min: number, max: number, length: number): AxisRoom {
  return {
    position: linear(min, max, length),
    length,
    before: 60,
    after: 16,
    extent: width,
    gap: 12,
  }
}

/** The gaps between neighbouring labels, in pixels (negative: they overlap). */
function gaps(labels: AxisLabel[], extent: (text: string) => number): number[] {
  const sorted = [...labels].sort((a, b) => a.at - b.at)
  return sorted.slice(1).map((label, i) => {
    const previous = sorted[i] as AxisLabel
    return label.at - extent(label.text) / 2 - (previous.at + extent(previous.text) / 2)
  })
}

describe('valueTicks', () => {
  it('spaces "Revenue by category" labels apart on a narrow chart instead of "$0 $500K$1M$1.5M$2M"', () => {
    const max = 2_000_000 * 1.08
    const narrow = valueTicks(0, max, bottomRoom(0, max, 150), usd)
    expect(narrow.map((l) => l.text)).toEqual(['$0', '$1M', '$2M'])
    expect(Math.min(...gaps(narrow, width))).toBeGreaterThanOrEqual(12)
    const wide = valueTicks(0, max, bottomRoom(0, max, 400), usd)
    expect(wide.map((l) => l.text)).toEqual(['$0', '$500K', '$1M', '$1.5M', '$2M'])
  })

  it('never labels a 2.5 step that compact formatting would round ($1.3M for 1.25M)', () => {
    const max = 1_300_000 * 1.08
    for (let length = 60; length <= 900; length += 7) {
      const labels = valueTicks(0, max, bottomRoom(0, max, length), usd)
      // Each label says its value exactly.
      for (const label of labels) expect(readCompact(label.text)).toBe(label.value)
    }
    expect(valueTicks(0, max, bottomRoom(0, max, 240), usd).map((l) => l.text)).toEqual([
      '$0',
      '$500K',
      '$1M',
    ])
  })

  it('keeps the gap and stays on the canvas at every width from 40 to 1200 px', () => {
    for (const max of [1, 87, 9_400, 412_345, 2_160_000, 61_000_000]) {
      for (let length = 40; length <= 1200; length += 23) {
        const room = bottomRoom(0, max, length)
        const labels = valueTicks(0, max, room, usd)
        expect(Math.min(Infinity, ...gaps(labels, width))).toBeGreaterThanOrEqual(room.gap)
        for (const label of labels) {
          expect(label.at - width(label.text) / 2).toBeGreaterThanOrEqual(-room.before - 0.5)
          expect(label.at + width(label.text) / 2).toBeLessThanOrEqual(length + room.after + 0.5)
        }
        // Wide enough for "$0" and one more label: never fewer than two.
        if (length >= 120) expect(labels.length).toBeGreaterThanOrEqual(2)
      }
    }
  })

  it('skips steps whose labels would repeat, and labels a vertical axis by line height', () => {
    const rounded = (value: number) => `${Math.round(value / 1_000_000)}M`
    const labels = valueTicks(0, 3, { ...bottomRoom(0, 3, 2000), extent: () => 10 }, (v) =>
      rounded(v * 1_000_000),
    )
    expect(labels.map((l) => l.text)).toEqual(['0M', '1M', '2M', '3M'])

    const vertical: AxisRoom = {
      position: linear(0, 650_000, 120, true),
      length: 120,
      before: 8,
      after: 8,
      extent: () => 15,
      gap: 4,
    }
    const y = valueTicks(0, 650_000, vertical, usd)
    expect(y.map((l) => l.text)).toEqual(['$0', '$200K', '$400K', '$600K'])
    expect(y[0]?.at).toBe(120)
  })

  it('gives nothing for an empty range or no room', () => {
    expect(valueTicks(0, 0, bottomRoom(0, 0, 200), usd)).toEqual([])
    expect(valueTicks(0, 100, bottomRoom(0, 100, 0), usd)).toEqual([])
  })
})

describe('everyNthTick', () => {
  const months = Array.from({ length: 24 }, (_, i) => Date.UTC(2024, 10 + i, 1))
  const month = (value: number) => formatDate(value, 'month', 'en-US')
  const room = (length: number): AxisRoom => ({
    position: linear(months[0]!, months.at(-1)!, length),
    length,
    before: 48,
    after: 8,
    extent: width,
    gap: 12,
  })

  it('labels every month when there is room, and every quarter or half year when narrow', () => {
    const wide = everyNthTick(months, { ...room(2000), after: 40 }, month)
    expect(wide).toHaveLength(24)
    const narrow = everyNthTick(months, room(200), month)
    expect(narrow.map((l) => l.text)).toEqual(['Nov 2024', 'Nov 2025'])
    const middle = everyNthTick(months, room(500), month)
    expect(middle.map((l) => l.text)).toEqual([
      'Nov 2024',
      'Mar 2025',
      'Jul 2025',
      'Nov 2025',
      'Mar 2026',
      'Jul 2026',
    ])
    for (let length = 100; length <= 1400; length += 11) {
      const labels = everyNthTick(months, room(length), month)
      expect(labels.length).toBeGreaterThan(0)
      expect(Math.min(Infinity, ...gaps(labels, width))).toBeGreaterThanOrEqual(12)
    }
  })

  it('drops a label that would be cut off at the end', () => {
    const labels = everyNthTick(months, { ...room(2000), after: 0 }, month)
    expect(labels.at(-1)?.text).toBe('Sep 2026')
  })

  it('thins category labels when the bars are thinner than a line', () => {
    const categories = Array.from({ length: 20 }, (_, i) => i)
    const vertical = (length: number): AxisRoom => ({
      position: linear(-0.5, 19.5, length),
      length,
      before: 4,
      after: 0,
      extent: () => 15,
      gap: 4,
    })
    expect(everyNthTick(categories, vertical(400), String)).toHaveLength(20)
    const thin = everyNthTick(categories, vertical(200), String)
    expect(thin.map((l) => l.value)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18])
  })
})

describe('fitLabels', () => {
  const room: AxisRoom = {
    position: (v) => v,
    length: 100,
    before: 0,
    after: 0,
    extent: () => 20,
    gap: 5,
  }

  it('refuses labels closer than the gap and drops those off the edges', () => {
    const at = (...positions: number[]) =>
      positions.map((p) => ({ value: p, text: String(p), at: p }))
    expect(fitLabels(at(10, 35, 60), room)?.map((l) => l.at)).toEqual([10, 35, 60])
    expect(fitLabels(at(10, 34), room)).toBeNull()
    expect(fitLabels(at(5, 50, 95), room)?.map((l) => l.at)).toEqual([50])
  })
})

describe('truncate', () => {
  it('shortens text with an ellipsis to the width given', () => {
    expect(truncate('Software', 100, width)).toBe('Software')
    const short = truncate('Enterprise Suite', 60, width)
    expect(short).toBe('Enterpr…')
    expect(width(short)).toBeLessThanOrEqual(60)
    expect(truncate('Software', 5, width)).toBe('')
  })
})
