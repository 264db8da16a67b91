import type {
  AssistantContext,
  AssistantController,
  AssistantOptions,
  AssistantSnapshot,
  DashboardController,
} from '@inset/core'
import { onDestroy, untrack } from 'svelte'
import { createSubscriber } from 'svelte/reactivity'
import { getInsetContext } from './context.svelte.js'

export interface UseAssistantOptions extends AssistantContext {
  /** A dashboard to follow (e.g. `useDashboard(…).controller`): its id and filters, as they change. */
  dashboard?: DashboardController
}

/** A conversation with the data assistant, for a host that renders its own chat. */
export interface UseAssistantResult {
  /** The latest snapshot (`state`, `messages`, `suggestions`, `context`); reactive. */
  readonly current: AssistantSnapshot
  /** Core's controller. */
  readonly controller: AssistantController
  /** Sends a question; resolves when the answer is complete. */
  ask: AssistantController['ask']
  /** Stops the answer being streamed. */
  cancel: () => void
  /** Clears the conversation. */
  reset: () => void
}

/**
 * The data assistant as state and actions. The options (a dashboard and its filters, or a
 * dashboard controller to follow) may change without losing the conversation; it is released
 * when the component that called it is destroyed.
 *
 * @example
 * const report = useDashboard(() => 'sales-overview')
 * const chat = useAssistant(() => ({ dashboard: report.controller }))
 * await chat.ask('Revenue by region last quarter')
 */
export function useAssistant(options: () => UseAssistantOptions = () => ({})): UseAssistantResult {
  const inset = getInsetContext()
  const read = (): AssistantOptions => {
    const { dashboard, ...context } = options()
    // A plain copy: core gets no proxy, and changes deep inside `$state` filters count.
    return { context: $state.snapshot(context), dashboard }
  }
  const controller = inset.assistant(untrack(read))
  onDestroy(() => controller.destroy())
  const subscribe = createSubscriber((update) => controller.subscribe(update))
  $effect.pre(() => {
    const next = read()
    untrack(() => controller.setOptions(next))
  })
  return {
    get current() {
      subscribe()
      return controller.getSnapshot()
    },
    controller,
    ask: controller.ask,
    cancel: controller.cancel,
    reset: controller.reset,
  }
}
