import type { AssistantSnapshot, DashboardController } from '@inset/core'
import { InsetBaseElement } from '../base-element'
import { h } from '../dom'
import { lazy } from '../lazy'
import { baseStyles } from '../styles/base'
import type { AssistantSession } from './assistant-session'

const loadSession = lazy(() => import('./assistant-session'))

/**
 * `<inset-assistant for="my-dashboard">`: a chat panel over the data. With `for`, it follows that
 * dashboard's filters and uses its connection when it has none of its own. Its UI is loaded with
 * `import()` when it first connects.
 *
 * @example
 * <inset-dashboard id="sales" dashboard-id="sales-overview"></inset-dashboard>
 * <inset-assistant for="sales"></inset-assistant>
 */
export class InsetAssistantElement extends InsetBaseElement {
  static override tag = 'inset-assistant' as const

  #for: string | undefined
  #dashboard: DashboardController | undefined
  #dashboardId: string | undefined
  #session: AssistantSession | undefined
  #loading: Promise<AssistantSession | undefined> | undefined

  /** The id of an `<inset-dashboard>` whose filters the assistant follows (attribute `for`). */
  get for(): string | undefined {
    return this.#for
  }
  set for(value: string | undefined) {
    this.#for = value || undefined
    this.requestUpdate()
  }

  /** A dashboard controller to follow (e.g. a headless hook's); wins over `for`. */
  get dashboard(): DashboardController | undefined {
    return this.#dashboard
  }
  set dashboard(value: DashboardController | undefined) {
    this.#dashboard = value
    this.requestUpdate()
  }

  /** Ask about this dashboard's data without linking an element (attribute `dashboard-id`). */
  get dashboardId(): string | undefined {
    return this.#dashboardId
  }
  set dashboardId(value: string | undefined) {
    this.#dashboardId = value || undefined
    this.requestUpdate()
  }

  /** The conversation and its state. */
  get snapshot(): AssistantSnapshot | undefined {
    return this.#session?.snapshot
  }

  /**
   * Asks a question, as if typed; resolves when the answer is complete.
   *
   * @example await assistant.ask('Revenue by region last quarter')
   */
  async ask(question: string): Promise<void> {
    this.update()
    await (await this.#loading)?.ask(question)
  }

  /** Starts a new conversation. */
  reset(): void {
    this.#session?.reset()
  }

  /** Same as `reset()`, for symmetry with `<inset-dashboard>`. */
  refresh(): void {
    this.reset()
  }

  protected styles(): string[] {
    return [baseStyles]
  }

  protected override connectionChanged(): void {
    this.#session?.disconnect()
    super.connectionChanged()
  }

  protected override schemeChanged(): void {
    this.#session?.restyle()
  }

  protected update(): void {
    const root = this.root
    if (!root) return
    this.#loading ??= loadSession().then(({ AssistantSession }) => {
      if (this.root !== root || !this.isConnected) return undefined
      this.#session = new AssistantSession({
        element: this,
        root,
        live: h('div', { class: 'sr-only', 'aria-live': 'polite' }),
        format: () => this.formatOptions(),
        inset: () => this.resolveInset(),
      })
      this.#session.sync()
      return this.#session
    })
    this.#session?.sync()
  }

  protected teardown(): void {
    this.#session?.destroy()
    this.#session = undefined
    this.#loading = undefined
    this.root?.replaceChildren()
  }
}
