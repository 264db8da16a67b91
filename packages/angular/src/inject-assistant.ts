import { computed, DestroyRef, effect, inject, isSignal, type Signal, signal } from '@angular/core'
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
import { type InjectOptions, inInjectionContext, type MaybeSignal, read } from './signals'

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

const dashboardOf = (given: InjectAssistantOptions['dashboard']) =>
  given && !isSignal(given) && 'controller' in given ? given.controller() : read(given)

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
  return inInjectionContext(injectAssistant, options.injector, ({ outside, browser }) => {
    const inset = injectInset()
    const wanted = computed(() => ({
      context: read(options.context) ?? {},
      dashboard: dashboardOf(options.dashboard),
    }))
    const controller = inset.assistant(wanted())
    inject(DestroyRef).onDestroy(() => controller.destroy())
    const snapshot = signal(controller.getSnapshot())

    if (browser) {
      effect((onCleanup) => {
        onCleanup(outside(() => controller.subscribe((next) => snapshot.set(next))))
      })
      effect(() => {
        const next = wanted()
        outside(() => controller.setOptions(next))
      })
    }

    return {
      snapshot,
      state: computed(() => snapshot().state),
      messages: computed(() => snapshot().messages),
      suggestions: computed(() => snapshot().suggestions),
      context: computed(() => snapshot().context),
      ask: (question) => outside(() => controller.ask(question)),
      cancel: () => outside(() => controller.cancel()),
      reset: () => outside(() => controller.reset()),
      controller,
    }
  })
}
