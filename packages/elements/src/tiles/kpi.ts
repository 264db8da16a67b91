import type { QueryResult } from '@inset/core'
import { h, ICONS, icon, replaceChildren } from '../dom'
import { computeDelta, type FormatOptions, formatCell, formatDelta } from '../format'
import { t } from '../strings'
import type { TileContent } from './tile-content'

/** A KPI: the value large, and its change against the previous period when the tile compares. */
export function createKpi(format: () => FormatOptions): TileContent {
  const value = h('div', { class: 'kpi-value', part: 'kpi-value' })
  const foot = h('div', { class: 'kpi-foot' })
  const element = h('div', { class: 'kpi' }, value, foot)
  return {
    element,
    update(result: QueryResult) {
      const options = format()
      const [current = null, previous = null] = result.rows[0] ?? []
      const column = result.columns[0]
      value.textContent = formatCell(current, column, options)
      value.dataset.value = current === null ? '' : String(current)
      const s = t()
      const hasPrevious = result.columns.some((c) => c.name === 'previous')
      const delta = computeDelta(current, previous)
      if (!delta) {
        replaceChildren(foot, hasPrevious ? h('span', null, s.noComparison) : null)
        return
      }
      const pct = formatDelta(delta, options.locale)
      const label =
        delta.direction === 'up'
          ? s.deltaUp(pct)
          : delta.direction === 'down'
            ? s.deltaDown(pct)
            : s.deltaFlat
      replaceChildren(
        foot,
        h(
          'span',
          {
            class: `delta ${delta.direction}`,
            part: 'delta',
            'data-delta': delta.ratio,
            title: label,
          },
          delta.direction === 'flat'
            ? null
            : icon(delta.direction === 'up' ? ICONS.up : ICONS.down),
          h('span', { 'aria-hidden': 'true' }, pct),
          h('span', { class: 'sr-only' }, label),
        ),
        h('span', null, s.comparedWith),
      )
    },
  }
}
