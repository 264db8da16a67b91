import type { CellValue, ColumnMeta, QueryResult } from '@inset/core'
import { h, ICONS, icon, replaceChildren } from '../dom'
import { type FormatOptions, formatCell } from '../format'
import { t } from '../strings'
import { nextSort, paginate, type SortState, sortRows } from '../table-model'

export interface DataTableOptions {
  /** Accessible caption, usually the tile's title. */
  caption: string
  pageSize: number
  format: () => FormatOptions
  /** Makes rows focusable; Enter, Space or a click activates one. */
  onRowActivate?: (row: CellValue[], columns: ColumnMeta[]) => void
  /** The first-column value of the selected row (a cross-filter set from this tile). */
  selected?: () => CellValue | undefined
}

/** A data table with sortable headers and pagination; keeps sort and page across updates. */
export interface DataTable {
  element: HTMLElement
  update(result: QueryResult): void
  /** Renders again (e.g. a new selection), keeping sort and page. */
  redraw(): void
}

const isNumeric = (column: ColumnMeta) => column.type === 'number'

/**
 * Creates a table over a `QueryResult`: headers are buttons that sort (with `aria-sort`), a pager
 * appears when there are more rows than `pageSize`.
 */
export function createDataTable(options: DataTableOptions): DataTable {
  let result: QueryResult = { columns: [], rows: [], meta: { rowCount: 0, durationMs: 0 } }
  let sort: SortState = null
  let page = 0
  const wrap = h('div', { class: 'table-wrap', part: 'table' })
  const pager = h('nav', { class: 'pager', 'aria-label': t().pagination })
  const element = h(
    'div',
    { class: 'data-table', style: 'display:flex;flex-direction:column;min-height:0;flex:1' },
    wrap,
    pager,
  )

  function render() {
    const s = t()
    const { columns } = result
    const sorted = sortRows(result.rows, sort)
    const window = paginate(sorted.length, page, options.pageSize)
    page = window.page
    const head = columns.map((column, index) => {
      const active = sort?.column === index
      return h(
        'th',
        {
          scope: 'col',
          class: isNumeric(column) ? 'num' : null,
          'aria-sort': active ? (sort?.direction === 'asc' ? 'ascending' : 'descending') : null,
        },
        h(
          'button',
          {
            class: 'sort',
            type: 'button',
            title: s.sortBy(column.label),
            onclick: () => {
              sort = nextSort(sort, index, isNumeric(column))
              render()
              wrap.querySelector<HTMLElement>(`th:nth-child(${index + 1}) .sort`)?.focus()
            },
          },
          column.label,
          icon(active && sort?.direction === 'asc' ? ICONS.up : ICONS.down),
        ),
      )
    })
    const activate = options.onRowActivate
    const selected = options.selected?.()
    const body = sorted.slice(window.start, window.end).map((row) =>
      h(
        'tr',
        activate && {
          ...(selected !== undefined &&
            row[0] === selected && { class: 'selected', 'aria-selected': 'true' }),
          tabindex: '0',
          onclick: () => activate(row, columns),
          onkeydown: (event: KeyboardEvent) => {
            if (event.key !== 'Enter' && event.key !== ' ') return
            event.preventDefault()
            activate(row, columns)
          },
        },
        columns.map((column, index) =>
          h(
            'td',
            { class: isNumeric(column) ? 'num' : null },
            formatCell(row[index] ?? null, column, options.format()),
          ),
        ),
      ),
    )
    replaceChildren(
      wrap,
      h(
        'table',
        null,
        h('caption', { class: 'sr-only' }, options.caption),
        h('thead', null, h('tr', null, head)),
        h('tbody', null, body),
      ),
    )
    pager.hidden = window.pageCount < 2
    replaceChildren(
      pager,
      h('span', { 'aria-live': 'polite' }, s.pageStatus(window.from, window.to, sorted.length)),
      pagerButton(s.previousPage, ICONS.left, window.page === 0, () => {
        page -= 1
        render()
      }),
      pagerButton(s.nextPage, ICONS.right, window.page >= window.pageCount - 1, () => {
        page += 1
        render()
      }),
    )
  }

  function pagerButton(label: string, path: string, disabled: boolean, onclick: () => void) {
    return h(
      'button',
      {
        class: 'btn ghost icon-only',
        type: 'button',
        'aria-label': label,
        disabled,
        onclick,
        'data-pager': label,
      },
      icon(path),
    )
  }

  return {
    element,
    redraw: render,
    update(next) {
      if (next.columns.map((c) => c.name).join() !== result.columns.map((c) => c.name).join())
        sort = null
      result = next
      page = 0
      render()
    },
  }
}
