import type { ControllerContext, DashboardController } from './dashboard'
import { createEmitter } from './emitter'
import { InsetError, toInsetError, wireError } from './errors'
import { sameValue } from './timing'

const noop = () => {}

import type {
  AssistantEventMap,
  AssistantTurn,
  Filters,
  QueryResult,
  StructuredQuery,
} from './wire'

export type AssistantState = 'idle' | 'streaming' | 'destroyed'

export interface AssistantMessage {
  id: string
  role: 'user' | 'assistant'
  /** The question, or the answer's text so far. */
  text: string
  status: 'streaming' | 'done' | 'error'
  query?: StructuredQuery
  /** What the query computes, in words. */
  description?: string
  result?: QueryResult
  chart?: AssistantEventMap['chart']
  error?: InsetError
  /** Follow-up questions offered with this answer. */
  suggestions?: string[]
}

/**
 * What the assistant knows of the page: the dashboard it sits next to, its filters, and the tile
 * asked about ("Ask about this": sent as `context.tileId`; `tileTitle` labels it).
 */
export interface AssistantContext {
  dashboardId?: string
  filters?: Filters
  tileId?: string
  tileTitle?: string
}

/** Immutable; a new object only when something changed. */
export interface AssistantSnapshot {
  state: AssistantState
  messages: readonly AssistantMessage[]
  /** Questions to offer: the server's starters, then the latest answer's follow-ups. */
  suggestions: readonly string[]
  context: AssistantContext
}

export interface AssistantOptions {
  context?: AssistantContext
  /**
   * A dashboard to follow: while linked, the context's `dashboardId` and `filters` are that
   * dashboard's, as they change. Nothing else (credentials, instances) is shared or copied.
   */
  dashboard?: DashboardController | undefined
}

/** A conversation with the data assistant. It survives token refreshes; `reset()` clears it. */
export interface AssistantController {
  /** Sends the question with the previous turns; resolves when the answer is complete. */
  ask(question: string): Promise<void>
  /** Stops the answer being streamed; what arrived stays. */
  cancel(): void
  /** Clears the conversation. */
  reset(): void
  setContext(context: AssistantContext): void
  /**
   * Makes the next questions about a tile of the dashboard (sent as `context.tileId`; the
   * conversation before it is not sent as history, so the tile starts it), or, without a tile,
   * about the whole dashboard again. A linked dashboard's `askAbout(tileId)` calls it.
   *
   * @example
   * chat.setTile({ tileId: 'revenue-by-category', tileTitle: 'Revenue by category' })
   * await chat.ask('break this down by channel')
   */
  setTile(tile: Pick<AssistantContext, 'tileId' | 'tileTitle' | 'filters'> | undefined): void
  /** Links (or, with `dashboard: undefined`, unlinks) a dashboard; sets the own context. */
  setOptions(options: AssistantOptions): void
  subscribe(listener: (snapshot: AssistantSnapshot) => void): () => void
  getSnapshot(): AssistantSnapshot
  destroy(): void
}

const HISTORY_TURNS = 10

/**
 * Creates an assistant controller; usually through `inset.assistant(options)`.
 *
 * @example
 * const chat = inset.assistant({ context: { dashboardId: 'sales-overview' } })
 * chat.subscribe((snapshot) => render(snapshot.messages))
 * await chat.ask('Revenue by region last quarter')
 */
export function createAssistantController(
  context: ControllerContext,
  options: AssistantOptions = {},
): AssistantController {
  const { api } = context
  let ownContext: AssistantContext = { ...options.context }
  let dashboard = options.dashboard
  let stopFollowing = noop
  /** The tile asked about (the linked dashboard's filters win over its own), and where the conversation about it starts. */
  let tile: AssistantContext | undefined
  let historyFrom = 0
  /** The own context, with the linked dashboard's id and filters and the tile asked about over it. */
  const currentContext = (): AssistantContext => ({
    ...tile,
    ...(dashboard && dashboard.getSnapshot().state !== 'destroyed'
      ? { ...ownContext, dashboardId: dashboard.id, filters: dashboard.getSnapshot().filters }
      : ownContext),
  })
  let snapshot: AssistantSnapshot = {
    state: 'idle',
    messages: [],
    suggestions: [],
    context: currentContext(),
  }
  let answering: AbortController | undefined
  let suggesting: AbortController | undefined
  /** The dashboard whose starter suggestions are shown (`''` for none). */
  let suggestedFor: string | undefined
  let nextId = 0
  const changes = createEmitter<AssistantSnapshot>({
    onFirst() {
      follow()
      loadSuggestions()
    },
    onLast() {
      stopFollowing()
      suggesting?.abort()
    },
  })
  const destroyed = () => snapshot.state === 'destroyed'

  function update(patch: Partial<AssistantSnapshot>) {
    if (destroyed()) return
    snapshot = { ...snapshot, ...patch }
    changes.emit(snapshot)
  }

  /** Follows the linked dashboard while anyone listens; a destroyed dashboard unlinks itself. */
  function follow() {
    stopFollowing()
    stopFollowing = noop
    if (!dashboard || !changes.size) return
    const followed = dashboard
    const stopChanges = followed.subscribe((next) => {
      if (next.state === 'destroyed' && dashboard === followed) dashboard = tile = undefined
      applyContext()
    })
    // "Ask about this" on the dashboard makes that tile the context of the next questions.
    const stopAsks = followed.onAskAbout(setTile)
    stopFollowing = () => {
      stopChanges()
      stopAsks()
    }
    applyContext()
  }

  function applyContext() {
    const next = currentContext()
    if (sameValue(next, snapshot.context)) return
    update({ context: next })
    if (changes.size) loadSuggestions()
  }

  function setTile(next?: AssistantContext) {
    tile = next
    historyFrom = snapshot.messages.length
    applyContext()
  }

  function loadSuggestions() {
    const dashboardId = snapshot.context.dashboardId ?? ''
    if (suggestedFor === dashboardId || destroyed()) return
    suggesting?.abort()
    const abort = new AbortController()
    suggesting = abort
    // An AbortController is a `{ signal }`: it serves as the request options.
    api.getSuggestions(dashboardId || undefined, abort).then(({ suggestions }) => {
      if (abort.signal.aborted) return
      suggestedFor = dashboardId
      if (!snapshot.messages.length) update({ suggestions })
      // Suggestions are a nicety: without them the assistant still answers.
    }, noop)
  }

  const cancel = () => answering?.abort()

  async function ask(question: string): Promise<void> {
    if (destroyed()) return
    const text = typeof question === 'string' ? question.trim() : ''
    if (!text) throw new InsetError('bad_request', 'Ask a question first')
    cancel()
    const history: AssistantTurn[] = snapshot.messages
      .slice(historyFrom)
      .filter((message) => message.status === 'done' && message.text)
      .slice(-HISTORY_TURNS)
      .map(({ role, text }) => ({ role, content: text }))
    const id = `m${++nextId}`
    let answer: AssistantMessage = {
      id: `${id}a`,
      role: 'assistant',
      text: '',
      status: 'streaming',
    }
    const revise = (patch: Partial<AssistantMessage>) => {
      const previous = answer
      if (!snapshot.messages.includes(previous)) return
      answer = { ...previous, ...patch }
      update({
        messages: snapshot.messages.map((message) => (message === previous ? answer : message)),
      })
    }
    update({
      state: 'streaming',
      messages: [
        ...snapshot.messages,
        { id: `${id}q`, role: 'user', text, status: 'done' },
        answer,
      ],
    })
    const abort = new AbortController()
    answering = abort
    // Read at the moment of asking: a linked dashboard's filters may have changed unobserved.
    // The tile's title only labels it; absent fields are left out of the JSON.
    const { tileTitle, ...context } = currentContext()
    try {
      const request = { question: text, context: { ...context, history } }
      for await (const { event, data } of api.ask(request, abort)) {
        if (event === 'text') revise({ text: answer.text + data.delta })
        else if (event === 'query') revise({ query: data.query, description: data.description })
        else if (event === 'error') revise({ status: 'error', error: wireError(data) })
        else if (event !== 'done') revise({ [event]: data })
        else {
          const { suggestions } = data
          revise({ status: 'done', ...(suggestions && { suggestions }) })
          if (suggestions) update({ suggestions })
        }
      }
      if (answer.status === 'streaming') revise({ status: 'done' })
    } catch (caught) {
      revise(
        abort.signal.aborted
          ? { status: 'done' }
          : { status: 'error', error: toInsetError(caught) },
      )
    }
    if (answering === abort) update({ state: 'idle' })
  }

  return {
    ask,
    cancel,
    reset() {
      cancel()
      suggestedFor = tile = undefined
      historyFrom = 0
      update({ state: 'idle', messages: [], suggestions: [], context: currentContext() })
      if (changes.size) loadSuggestions()
    },
    setContext(next) {
      ownContext = { ...next }
      applyContext()
    },
    setOptions(next) {
      if (next.context) ownContext = { ...next.context }
      if ('dashboard' in next && next.dashboard !== dashboard) {
        dashboard = next.dashboard
        tile = undefined
        follow()
      }
      applyContext()
    },
    setTile,
    subscribe: changes.subscribe,
    getSnapshot: () => snapshot,
    destroy() {
      cancel()
      stopFollowing()
      suggesting?.abort()
      update({ state: 'destroyed' })
      changes.clear()
    },
  }
}
