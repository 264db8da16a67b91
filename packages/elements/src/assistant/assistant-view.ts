// The assistant's UI, loaded with `import()` when the first <inset-assistant> connects, so that a
// page with only a dashboard never downloads it.
import type {
  AssistantContext,
  AssistantSnapshot,
  DashboardDefinition,
  Filters,
  QueryResult,
} from '@inset/core'
import { ICONS as DOM_ICONS, h, icon, replaceChildren, uid } from '../dom'
import { type FormatOptions, formatCell } from '../format'
import { addDefaultStrings, t } from '../strings'
import { adoptStyles } from '../styles/adopt'
import { assistantStyles } from '../styles/assistant'
import { assistantStrings } from './assistant-strings'
import { MessageView } from './message-view'
import { tileSuggestions } from './tile-suggestions'

const ICONS = {
  send: 'M2.5 8h10M8.5 4l4 4-4 4',
  stop: 'M4.5 4.5h7v7h-7z',
  sparkle:
    'M8 2v3M8 11v3M2 8h3M11 8h3M4.2 4.2l1.6 1.6M10.2 10.2l1.6 1.6M4.2 11.8l1.6-1.6M10.2 5.8l1.6-1.6',
}

/** What the view asks of its element. */
export interface AssistantViewHost {
  ask(question: string): void
  cancel(): void
  reset(): void
  format(): FormatOptions
  dataPoint(result: QueryResult, rowIndex: number): void
  /** The person removed the tile the questions were about. */
  clearTile(): void
}

/** The rendered chat panel; `render` takes every new snapshot, `setContext` the linked filters. */
export class AssistantView {
  readonly #host: AssistantViewHost
  readonly #views = new Map<string, MessageView>()
  readonly #log: HTMLOListElement
  readonly #intro: HTMLElement
  readonly #context: HTMLElement
  readonly #suggestions: HTMLElement
  readonly #input: HTMLInputElement
  readonly #submit: HTMLButtonElement
  #snapshot: AssistantSnapshot | undefined
  /** The tile asked about, and the questions offered about it until the next question. */
  #tileId: string | undefined
  #tileSuggestions: string[] | undefined

  constructor(root: ShadowRoot, host: AssistantViewHost) {
    // The assistant's strings arrive with this chunk; the host's translations of them stay. Added
    // here, not at import: the chunk has no side effects for bundlers to keep.
    addDefaultStrings(assistantStrings)
    this.#host = host
    adoptStyles(root, assistantStyles)
    const s = t()
    const inputId = uid('question')
    this.#input = h('input', {
      id: inputId,
      type: 'text',
      autocomplete: 'off',
      placeholder: s.assistantPlaceholder,
      enterkeyhint: 'send',
    })
    this.#submit = h('button', { type: 'submit', class: 'btn primary' }, icon(ICONS.send), s.ask)
    this.#intro = h(
      'li',
      { class: 'intro' },
      h('h3', null, s.assistantTitle),
      h('p', null, s.assistantIntro),
    )
    this.#log = h(
      'ol',
      { class: 'log', part: 'conversation', 'aria-label': s.assistantTitle, tabindex: '0' },
      this.#intro,
    )
    this.#context = h('div', { class: 'context', part: 'context' })
    this.#suggestions = h('div', {
      class: 'suggestions',
      part: 'suggestions',
      role: 'group',
      'aria-label': s.suggestions,
      hidden: true,
    })
    replaceChildren(
      root,
      h(
        'section',
        { class: 'chat', part: 'assistant', 'aria-label': s.assistantTitle },
        h(
          'header',
          { class: 'chat-head', part: 'header' },
          h(
            'div',
            null,
            h('h2', { class: 'chat-title' }, icon(ICONS.sparkle), s.assistantTitle),
            this.#context,
          ),
          h(
            'button',
            { type: 'button', class: 'btn ghost', onclick: () => host.reset() },
            s.newConversation,
          ),
        ),
        this.#log,
        this.#suggestions,
        h(
          'form',
          {
            class: 'composer',
            part: 'composer',
            onsubmit: (event: Event) => this.#onSubmit(event),
          },
          h('label', { class: 'sr-only', for: inputId }, s.assistantQuestion),
          this.#input,
          this.#submit,
        ),
      ),
    )
  }

  #onSubmit(event: Event): void {
    event.preventDefault()
    if (this.#snapshot?.state === 'streaming') {
      this.#host.cancel()
      return
    }
    const question = this.#input.value.trim()
    if (!question) return
    this.#input.value = ''
    this.#host.ask(question)
  }

  /**
   * Shows the filters the assistant follows (`linked` false hides them) and the tile asked about,
   * as a removable chip; a newly asked-about tile focuses the question and offers questions on it.
   */
  setContext(
    linked: boolean,
    context: AssistantContext,
    definition: DashboardDefinition | undefined,
  ): void {
    const { filters, tileId, tileTitle = tileId } = context
    const s = t()
    const entries = Object.entries(filters ?? {}).filter(
      ([, v]) => v !== null && !(Array.isArray(v) && !v.length),
    )
    const label = (id: string) => definition?.filters.find((f) => f.id === id)?.label ?? id
    const day = { name: '', label: '', type: 'date', role: 'dimension', grain: 'day' } as const
    const text = (value: unknown): string => {
      if (Array.isArray(value)) return value.join(', ')
      if (value && typeof value === 'object') {
        const { from, to } = value as { from?: string; to?: string }
        return [from, to]
          .map((d) => (d ? formatCell(d, day, this.#host.format()) : '…'))
          .join(' – ')
      }
      return String(value)
    }
    const about =
      tileId &&
      h(
        'span',
        { class: 'chip', 'data-context-tile': tileId },
        s.aboutTile(tileTitle!),
        h(
          'button',
          {
            type: 'button',
            'aria-label': s.stopAboutTile(tileTitle!),
            onclick: () => this.#host.clearTile(),
          },
          icon(DOM_ICONS.close),
        ),
      )
    if (tileId !== this.#tileId) {
      this.#tileId = tileId
      this.#tileSuggestions = tileId ? tileSuggestions(tileId, definition) : undefined
      this.#renderSuggestions()
      if (tileId) this.#input.focus()
    }
    replaceChildren(
      this.#context,
      about,
      linked
        ? [
            h('span', null, `${s.followingFilters}:`),
            entries.length
              ? entries.map(([id, v]) =>
                  h(
                    'span',
                    { class: 'chip', 'data-context-filter': id },
                    `${label(id)}: ${text(v)}`,
                  ),
                )
              : h('span', { class: 'chip' }, s.noFilters),
          ]
        : null,
    )
  }

  /** The server's suggestions, or the ones about a tile just asked about; none while answering. */
  #renderSuggestions(): void {
    const snapshot = this.#snapshot
    const streaming = snapshot?.state === 'streaming'
    const suggestions = this.#tileSuggestions ?? snapshot?.suggestions ?? []
    replaceChildren(
      this.#suggestions,
      streaming
        ? null
        : suggestions
            .slice(0, 4)
            .map((text) =>
              h(
                'button',
                { type: 'button', class: 'btn suggestion', onclick: () => this.#host.ask(text) },
                text,
              ),
            ),
    )
    this.#suggestions.hidden = streaming || suggestions.length === 0
  }

  render(snapshot: AssistantSnapshot): void {
    const previous = this.#snapshot
    this.#snapshot = snapshot
    const log = this.#log
    const host = {
      format: () => this.#host.format(),
      dataPoint: (result: QueryResult, rowIndex: number) => this.#host.dataPoint(result, rowIndex),
      retry: (question: string) => this.#host.ask(question),
    }
    const stick = log.scrollHeight - log.scrollTop - log.clientHeight < 48
    const ids = new Set(snapshot.messages.map((m) => m.id))
    for (const [id, view] of this.#views) {
      if (ids.has(id)) continue
      view.destroy()
      view.element.remove()
      this.#views.delete(id)
    }
    let question = ''
    for (const message of snapshot.messages) {
      const view = this.#views.get(message.id)
      if (view) view.update(message)
      else {
        const created = new MessageView(message, question, host)
        this.#views.set(message.id, created)
        log.append(created.element)
      }
      if (message.role === 'user') question = message.text
    }
    this.#intro.hidden = snapshot.messages.length > 0
    const streaming = snapshot.state === 'streaming'
    const s = t()
    if (streaming !== (previous?.state === 'streaming') || !previous) {
      replaceChildren(
        this.#submit,
        icon(streaming ? ICONS.stop : ICONS.send),
        streaming ? s.stop : s.ask,
      )
      this.#submit.classList.toggle('primary', !streaming)
    }
    // A question asked after "Ask about this" ends the questions offered about the tile.
    const asked = snapshot.messages.length > (previous?.messages.length ?? 0)
    if (asked) this.#tileSuggestions = undefined
    if (
      asked ||
      snapshot.suggestions !== previous?.suggestions ||
      streaming !== (previous?.state === 'streaming')
    )
      this.#renderSuggestions()
    if (stick) log.scrollTop = log.scrollHeight
  }

  restyle(): void {
    for (const view of this.#views.values()) view.restyle()
  }

  destroy(): void {
    for (const view of this.#views.values()) view.destroy()
    this.#views.clear()
  }
}
