import type { FilterDefinition, Filters, FilterValue } from '@inset/core'
import { h, ICONS, icon, replaceChildren, uid } from '../dom'
import { t } from '../strings'
import {
  asDateRange,
  asSelection,
  DATE_PRESETS,
  type DatePreset,
  fromInclusive,
  presetAnchor,
  presetOf,
  presetRange,
  selectionSummary,
  todayIso,
  toInclusive,
} from './filter-values'

type Change = (id: string, value: FilterValue | undefined) => void

interface FilterControl {
  element: HTMLElement
  sync(value: FilterValue | undefined): void
}

function dateRangeControl(
  filter: Extract<FilterDefinition, { type: 'date_range' }>,
  onChange: Change,
): FilterControl {
  const s = t()
  const anchor = presetAnchor(filter.max, todayIso())
  const labels: Record<DatePreset, string> = {
    all: s.presetAll,
    last30: s.presetLast30,
    last90: s.presetLast90,
    last365: s.presetLast365,
    custom: s.presetCustom,
  }
  const presetId = uid('preset')
  const preset = h(
    'select',
    {
      id: presetId,
      class: 'field',
      'data-filter': filter.id,
      onchange: () => {
        const choice = preset.value as DatePreset
        custom(choice === 'custom')
        if (choice === 'custom') from.focus()
        else onChange(filter.id, presetRange(choice, anchor) ?? undefined)
      },
    },
    [...DATE_PRESETS, 'custom' as const].map((p) => h('option', { value: p }, labels[p])),
  )
  const dateInput = (label: string, end: 'from' | 'to') =>
    h('input', {
      type: 'date',
      class: 'field',
      'aria-label': `${filter.label}: ${label}`,
      'data-end': end,
      min: filter.min?.slice(0, 10),
      max: filter.max?.slice(0, 10),
      onchange: () => onChange(filter.id, fromInclusive(from.value, to.value) ?? undefined),
    })
  const from = dateInput(s.dateFrom, 'from')
  const to = dateInput(s.dateTo, 'to')
  const dates = h(
    'span',
    { class: 'filter', hidden: true },
    from,
    h('span', { class: 'muted', 'aria-hidden': 'true' }, '–'),
    to,
  )
  const custom = (show: boolean) => {
    dates.hidden = !show
  }
  const element = h(
    'div',
    { class: 'filter', role: 'group', 'aria-label': filter.label },
    h('label', { class: 'filter-label', for: presetId }, filter.label),
    preset,
    dates,
  )
  return {
    element,
    sync(value) {
      const range = toInclusive(asDateRange(value))
      const current = presetOf(value, anchor)
      if (preset.value !== 'custom' || current !== 'all') preset.value = current
      custom(preset.value === 'custom')
      if (from.value !== range.from) from.value = range.from
      if (to.value !== range.to) to.value = range.to
    },
  }
}

function multiSelectControl(
  filter: Extract<FilterDefinition, { type: 'select' }>,
  onChange: Change,
): FilterControl {
  const s = t()
  const popoverId = uid('options')
  let selected: Array<string | number> = []
  const summary = h('strong')
  const button = h(
    'button',
    {
      type: 'button',
      class: 'btn',
      'aria-haspopup': 'true',
      'aria-expanded': 'false',
      'aria-controls': popoverId,
      'data-filter': filter.id,
      onclick: () => toggle(popover.hidden),
    },
    h('span', { class: 'muted' }, `${filter.label}:`),
    summary,
    icon(ICONS.chevron),
  )
  const boxes = filter.options.map((option) =>
    h('input', {
      type: 'checkbox',
      value: String(option),
      onchange: () => {
        const next = filter.options.filter((_, i) => boxes[i]?.checked)
        onChange(
          filter.id,
          next.length === 0 || next.length === filter.options.length ? undefined : next,
        )
      },
    }),
  )
  const popover = h(
    'div',
    { id: popoverId, class: 'popover', role: 'group', 'aria-label': filter.label, hidden: true },
    filter.options.map((option, i) => h('label', { class: 'option' }, boxes[i], String(option))),
  )
  const element = h('div', { class: 'filter' }, button, popover)

  function toggle(open: boolean) {
    popover.hidden = !open
    button.setAttribute('aria-expanded', String(open))
    if (open) boxes[0]?.focus()
  }
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !popover.hidden) {
      event.stopPropagation()
      toggle(false)
      button.focus()
    }
  })
  element.addEventListener('focusout', (event) => {
    if (!element.contains(event.relatedTarget as Node | null)) toggle(false)
  })

  return {
    element,
    sync(value) {
      selected = asSelection(value)
      const all = selected.length === 0
      boxes.forEach((box, i) => {
        box.checked = all || selected.includes(filter.options[i] as string | number)
      })
      summary.textContent = selectionSummary(selected, filter.options, {
        all: s.selectAll,
        count: s.selectedCount,
      })
    },
  }
}

function singleSelectControl(
  filter: Extract<FilterDefinition, { type: 'select' }>,
  onChange: Change,
): FilterControl {
  const id = uid('select')
  const select = h(
    'select',
    {
      id,
      class: 'field',
      'data-filter': filter.id,
      onchange: () => {
        const option = filter.options.find((o) => String(o) === select.value)
        onChange(filter.id, option === undefined ? undefined : [option])
      },
    },
    h('option', { value: '' }, t().selectAll),
    filter.options.map((option) => h('option', { value: String(option) }, String(option))),
  )
  return {
    element: h(
      'div',
      { class: 'filter' },
      h('label', { class: 'filter-label', for: id }, filter.label),
      select,
    ),
    sync(value) {
      select.value = String(asSelection(value)[0] ?? '')
    },
  }
}

/** The filter bar of a dashboard: built once per definition, then kept in sync with the filters. */
export interface FilterBar {
  element: HTMLElement
  /** Shows `filters`; `atDefaults` hides the "clear filters" button. */
  sync(filters: Filters, atDefaults: boolean): void
}

/**
 * Builds the filter bar from the definition's filters: a date range (presets and two date inputs)
 * and multi-selects (a button opening checkboxes). Changes go to `onChange` one filter at a time.
 */
export function createFilterBar(
  filters: FilterDefinition[],
  onChange: Change,
  onReset: () => void,
): FilterBar {
  const controls = new Map<string, FilterControl>()
  for (const filter of filters) {
    const control =
      filter.type === 'date_range'
        ? dateRangeControl(filter, onChange)
        : filter.multiple
          ? multiSelectControl(filter, onChange)
          : singleSelectControl(filter, onChange)
    controls.set(filter.id, control)
  }
  const reset = h(
    'button',
    { type: 'button', class: 'btn ghost', onclick: onReset, hidden: true },
    t().clearFilters,
  )
  const element = h('div', {
    class: 'filters',
    part: 'filter-bar',
    role: 'group',
    'aria-label': t().filters,
  })
  replaceChildren(
    element,
    [...controls.values()].map((c) => c.element),
    reset,
  )
  element.hidden = filters.length === 0
  return {
    element,
    sync(current, atDefaults) {
      for (const [id, control] of controls) control.sync(current[id])
      reset.hidden = atDefaults
    },
  }
}
