import type { AssistantMessage, QueryResult } from '@inset/core'
import { h, ICONS, icon, replaceChildren } from '../dom'
import type { FormatOptions } from '../format'
import { t } from '../strings'
import { createDataTable } from '../tiles/data-table'
import { createKpi } from '../tiles/kpi'
import { createLazyChartTile } from '../tiles/lazy-chart-tile'
import type { TileContent } from '../tiles/tile-content'

export interface MessageHost {
  format(): FormatOptions
  dataPoint(result: QueryResult, rowIndex: number): void
  retry(question: string): void
}

/** How an answer's result is shown: the chart event's kind, else a table (or a KPI for one value). */
const kindOf = (message: AssistantMessage) =>
  message.chart?.kind ?? (message.result && message.result.rows.length > 1 ? 'table' : 'kpi')

function resultContent(message: AssistantMessage, host: MessageHost): TileContent {
  const format = () => host.format()
  const kind = kindOf(message)
  const title = message.description ?? t().assistant
  const onPoint = (result: QueryResult, rowIndex: number) => host.dataPoint(result, rowIndex)
  if (kind === 'kpi') return createKpi(format)
  if (kind === 'table') {
    const table = createDataTable({
      caption: title,
      pageSize: 8,
      format,
      onRowActivate: (row) => {
        const result = message.result
        if (result) onPoint(result, result.rows.indexOf(row))
      },
    })
    return { element: table.element, update: table.update }
  }
  return createLazyChartTile({ tile: { title, kind }, kind, format, pageSize: 8, onPoint })
}

/**
 * One message of the conversation. The answer's text grows as it streams; the query in words,
 * the result (chart with a table alternative, or a table) and any error appear as they arrive.
 */
export class MessageView {
  readonly element: HTMLElement
  readonly #host: MessageHost
  readonly #question: string
  #message: AssistantMessage | undefined
  #text: HTMLElement
  #query: HTMLElement
  #result: HTMLElement
  #content: TileContent | undefined
  #shownResult: QueryResult | undefined
  #kind: string | undefined
  #error: HTMLElement

  constructor(message: AssistantMessage, question: string, host: MessageHost) {
    this.#host = host
    this.#question = question
    const user = message.role === 'user'
    this.#text = h('div', { class: 'bubble-text' })
    this.#query = h('p', { class: 'query', hidden: true })
    this.#result = h('div', { class: 'result', part: 'answer-result', hidden: true })
    this.#error = h('div', { hidden: true })
    this.element = h(
      'li',
      {
        class: `msg ${message.role}`,
        part: user ? 'question' : 'answer',
        'data-message': message.id,
      },
      h('span', { class: 'sr-only' }, user ? t().you : t().assistant),
      user
        ? null
        : h(
            'span',
            { class: 'avatar', 'aria-hidden': 'true' },
            icon(
              'M8 2v3M8 11v3M2 8h3M11 8h3M4.2 4.2l1.6 1.6M10.2 10.2l1.6 1.6M4.2 11.8l1.6-1.6M10.2 5.8l1.6-1.6',
            ),
          ),
      h('div', { class: 'bubble' }, this.#text, this.#query, this.#result, this.#error),
    )
    this.update(message)
  }

  update(message: AssistantMessage): void {
    if (message === this.#message) return
    this.#message = message
    const s = t()
    const streaming = message.status === 'streaming'
    this.element.setAttribute('aria-busy', String(streaming))
    this.element.dataset.status = message.status
    if (message.text || !streaming) this.#text.textContent = message.text
    else
      replaceChildren(
        this.#text,
        h(
          'span',
          { class: 'thinking' },
          s.thinking,
          h('span', { class: 'dots', 'aria-hidden': 'true' }, '...'),
        ),
      )
    this.#text.classList.toggle('caret', streaming && Boolean(message.text))
    if (message.description) {
      this.#query.hidden = false
      replaceChildren(
        this.#query,
        h('span', { class: 'query-label' }, `${s.queryRan}:`),
        ' ',
        message.description,
      )
    }
    // The chart event may follow the result: a new kind replaces the content made for the old one.
    if (
      message.result &&
      (message.result !== this.#shownResult || kindOf(message) !== this.#kind)
    ) {
      this.#shownResult = message.result
      if (this.#kind !== kindOf(message)) {
        this.#content?.destroy?.()
        this.#content = undefined
      }
      this.#kind = kindOf(message)
      this.#content ??= resultContent(message, this.#host)
      this.#result.hidden = false
      replaceChildren(
        this.#result,
        this.#content.tools?.length
          ? h(
              'div',
              { class: 'result-tools' },
              h('span', { class: 'muted' }, s.rows(message.result.rows.length)),
              this.#content.tools,
            )
          : null,
        this.#content.element,
        message.result.meta.truncated
          ? h('p', { class: 'note' }, s.truncated(message.result.rows.length))
          : null,
      )
      this.#result.dataset.kind = message.chart?.kind ?? ''
      this.#content.update(message.result)
    }
    this.#error.hidden = !message.error
    if (message.error)
      replaceChildren(
        this.#error,
        h(
          'div',
          { class: 'state error inline', role: 'alert' },
          h('span', null, icon(ICONS.alert), ' ', message.error.message),
          h('code', { 'data-error-code': message.error.code }, s.errorCode(message.error.code)),
          this.#question
            ? h(
                'button',
                { type: 'button', class: 'btn', onclick: () => this.#host.retry(this.#question) },
                icon(ICONS.refresh),
                s.retry,
              )
            : null,
        ),
      )
  }

  restyle(): void {
    this.#content?.restyle?.()
  }

  destroy(): void {
    this.#content?.destroy?.()
  }
}
