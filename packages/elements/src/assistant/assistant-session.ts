// Lazily loaded with the view: the conversation's controller, its rendering and its events.
import type {
  AssistantController,
  AssistantMessage,
  AssistantSnapshot,
  DashboardController,
  Filters,
  Inset,
} from '@inset/core'
import type { InsetDashboardElement } from '../dashboard/dashboard-element'
import { dataPointDetail, dispatchInsetEvent } from '../events'
import type { FormatOptions } from '../format'
import { AssistantView } from './assistant-view'

/** What a session needs from its element. */
export interface AssistantSessionHost {
  element: HTMLElement & {
    for?: string | undefined
    dashboardId?: string | undefined
    dashboard?: DashboardController | undefined
  }
  root: ShadowRoot
  live: HTMLElement
  format(): FormatOptions
  /** The element's own connection, if it has one. */
  inset(): Inset | undefined
}

function answerDetail(question: string, message: AssistantMessage) {
  return {
    question,
    text: message.text,
    ...(message.query && { query: message.query }),
    ...(message.description && { description: message.description }),
    ...(message.result && { result: message.result }),
  }
}

/** One element's conversation: made when a connection exists, destroyed when it changes. */
export class AssistantSession {
  readonly #host: AssistantSessionHost
  readonly #view: AssistantView
  #controller: AssistantController | undefined
  #unsubscribe: (() => void) | undefined
  #snapshot: AssistantSnapshot | undefined

  constructor(host: AssistantSessionHost) {
    this.#host = host
    this.#view = new AssistantView(host.root, {
      ask: (question) => {
        this.ask(question).catch(() => {})
      },
      cancel: () => this.#controller?.cancel(),
      clearTile: () => this.#controller?.setTile(undefined),
      reset: () => this.#controller?.reset(),
      format: () => host.format(),
      dataPoint: (result, rowIndex) => {
        const detail = dataPointDetail(result, rowIndex)
        if (detail)
          dispatchInsetEvent(host.element, 'inset-data-point-click', {
            source: 'assistant',
            ...detail,
          })
      },
    })
    host.root.append(host.live)
  }

  get snapshot(): AssistantSnapshot | undefined {
    return this.#snapshot
  }

  /**
   * Links the dashboard (the `dashboard` controller, or the element named by `for`) and connects:
   * with the element's own connection, else the linked dashboard element's. Core's controller
   * follows the linked dashboard's filters; nothing is copied between elements.
   */
  sync(): void {
    this.#link()
    const inset = this.#host.inset() ?? this.#linked?.connection
    if (inset !== this.#inset) {
      this.disconnect()
      if (inset) this.#connect(inset)
    }
    this.#controller?.setOptions(this.#options())
    // The linked dashboard's definition (its filters' labels) may have come since.
    this.#renderContext()
  }

  /** The filters and the tile the conversation follows, labelled by the linked dashboard's definition. */
  #renderContext(): void {
    const snapshot = this.#snapshot
    if (!snapshot) return
    const dashboard = this.#options().dashboard
    this.#view.setContext(Boolean(dashboard), snapshot.context, dashboard?.getSnapshot().definition)
  }

  #linked: InsetDashboardElement | undefined
  #observer: MutationObserver | undefined
  #observed: Node | undefined
  // The linked element made a new controller or connection (its first state, a new dashboard id).
  #onLinkedChange = () => this.sync()

  #link(): void {
    const { element } = this.#host
    const root = element.getRootNode() as Node & Partial<Document>
    this.#watch(element.for ? root : undefined)
    const target = element.for ? root.getElementById?.(element.for) : null
    const linked = target && 'dashboardId' in target ? (target as InsetDashboardElement) : undefined
    if (linked === this.#linked) return
    this.#unlink()
    this.#linked = linked
    linked?.addEventListener('inset-state-change', this.#onLinkedChange)
  }

  /**
   * Watches the root that `for` is resolved in, so that a dashboard added (or given the id) after
   * this element is linked at once, and one that leaves is unlinked. The callback only looks the
   * id up again; mutations inside shadow roots (the elements' own rendering) are not seen.
   */
  #watch(root: Node | undefined): void {
    if (root === this.#observed) return
    this.#observer?.disconnect()
    this.#observed = root
    if (!root) return
    this.#observer ??= new MutationObserver(() => this.sync())
    this.#observer.observe(root, { childList: true, subtree: true, attributeFilter: ['id'] })
  }

  #unlink(): void {
    this.#linked?.removeEventListener('inset-state-change', this.#onLinkedChange)
    this.#linked = undefined
  }

  #options() {
    const { dashboardId, dashboard } = this.#host.element
    return {
      context: dashboardId ? { dashboardId } : {},
      dashboard: dashboard ?? this.#linked?.controller,
    }
  }

  #inset: Inset | undefined

  #connect(inset: Inset): void {
    const controller = inset.assistant(this.#options())
    this.#inset = inset
    this.#controller = controller
    this.#unsubscribe = controller.subscribe((snapshot) => this.#onSnapshot(snapshot))
    this.#onSnapshot(controller.getSnapshot())
    dispatchInsetEvent(this.#host.element, 'inset-ready', {
      source: 'assistant',
      suggestions: [...controller.getSnapshot().suggestions],
    })
  }

  disconnect(): void {
    this.#unsubscribe?.()
    this.#unsubscribe = undefined
    this.#controller?.destroy()
    this.#controller = undefined
    this.#inset = undefined
    this.#snapshot = undefined
  }

  ask(question: string): Promise<void> {
    this.sync()
    return this.#controller?.ask(question) ?? Promise.resolve()
  }

  reset(): void {
    this.#controller?.reset()
  }

  restyle(): void {
    this.#view.restyle()
  }

  destroy(): void {
    this.#watch(undefined)
    this.#unlink()
    this.disconnect()
    this.#view.destroy()
  }

  #onSnapshot(snapshot: AssistantSnapshot): void {
    const previous = this.#snapshot
    this.#snapshot = snapshot
    if (snapshot.state === 'destroyed') {
      // Its connection went away (the linked dashboard left the page): find another.
      this.disconnect()
      queueMicrotask(() => this.#host.element.isConnected && this.sync())
      return
    }
    const element = this.#host.element
    this.#renderContext()
    this.#view.render(snapshot)
    if (previous && previous.state !== snapshot.state)
      dispatchInsetEvent(element, 'inset-state-change', {
        source: 'assistant',
        state: snapshot.state,
      })
    const before = new Map(previous?.messages.map((m) => [m.id, m]))
    snapshot.messages.forEach((message, index) => {
      if (message.role !== 'assistant' || message.status === 'streaming') return
      if (before.get(message.id)?.status !== 'streaming') return
      this.#host.live.textContent = message.error?.message ?? message.text
      if (message.error)
        dispatchInsetEvent(element, 'inset-error', { source: 'assistant', error: message.error })
      else
        dispatchInsetEvent(
          element,
          'inset-answer',
          answerDetail(snapshot.messages[index - 1]?.text ?? '', message),
        )
    })
  }
}
