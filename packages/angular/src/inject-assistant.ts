import { isSignal, type Signal } from '@angular/core'
import type {
  AssistantContext,
  AssistantController,
  AssistantMessage,
  AssistantSnapshot,
  AssistantState,
  DashboardController,
} from '@inset/core'
import { injectInset } from './context'
import type { InjectedDashboard } from './inject-dashboard'
import { controllerSignals, type InjectOptions, type MaybeSignal, read } from './signals'

export interface InjectAssistantOptions extends InjectOptions {
  /** What the assistant knows of the page: a dashboard id and filters to ask about. */
  context?: MaybeSignal<AssistantContext | undefined>
  /** A dashboard to follow (its id and filters, as they change): `injectDashboard()`'s result. */
  dashboard?: InjectedDashboard | MaybeSignal<DashboardController | undefined>
}

/** A conversation with the data assistant as signals, for a host that renders its own chat. */
export interface InjectedAssistant {
  readonly snapshot: Signal<AssistantSnapshot>
  readonly state: Signal<AssistantState>
  readonly messages: Signal<readonly AssistantMessage[]>
  readonly suggestions: Signal<readonly string[]>
  readonly context: Signal<AssistantContext>
  /** Sends a question; resolves when the answer is complete. */
  ask: AssistantController['ask']
  /** Stops the answer being streamed. */
  cancel: () => void
  /** Clears the conversation. */
  reset: () => void
  readonly controller: AssistantController
}

/** The options' context and linked dashboard, read (and so followed) in a reactive context. */
const optionsOf = ({ context, dashboard }: InjectAssistantOptions) => ({
  context: read(context) ?? {},
  dashboard:
    dashboard && !isSignal(dashboard) && 'controller' in dashboard
      ? dashboard.controller
      : read(dashboard),
})

/**
 * The data assistant as signals and actions; its context (a dashboard to follow, or an id and
 * filters) may change without losing the conversation. Nothing is sent on a server.
 *
 * @example
 * readonly sales = injectDashboard('sales-overview')
 * readonly chat = injectAssistant({ dashboard: this.sales })
 * await this.chat.ask('Revenue by region last quarter')
 */
export function injectAssistant(options: InjectAssistantOptions = {}): InjectedAssistant {
  return controllerSignals(
    injectAssistant,
    options.injector,
    () => injectInset().assistant(optionsOf(options)),
    ['state', 'messages', 'suggestions', 'context'],
    ['ask', 'cancel', 'reset'],
    (controller) => controller.setOptions(optionsOf(options)),
  )
}
