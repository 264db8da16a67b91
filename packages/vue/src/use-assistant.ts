import type {
  AssistantController,
  AssistantOptions,
  AssistantSnapshot,
  DashboardController,
  Filters,
} from '@inset/core'
import { type MaybeRefOrGetter, type Ref, type ShallowRef, toValue, watch } from 'vue'
import { useInset } from './context'
import { plain, useController } from './use-controller'

export interface UseAssistantOptions {
  /** A dashboard to follow (e.g. `useDashboard(…).controller`): its id and filters, as they change. */
  dashboard?: MaybeRefOrGetter<DashboardController | undefined>
  /** Or a dashboard to ask about, without linking one. */
  dashboardId?: MaybeRefOrGetter<string | undefined>
  filters?: MaybeRefOrGetter<Filters | undefined>
}

/** A conversation with the data assistant as read-only refs and actions. */
export interface UseAssistantResult {
  state: Readonly<Ref<AssistantSnapshot['state']>>
  messages: Readonly<Ref<AssistantSnapshot['messages']>>
  /** Questions to offer: the server's starters, then the latest answer's follow-ups. */
  suggestions: Readonly<Ref<AssistantSnapshot['suggestions']>>
  /** The dashboard and filters questions are asked about. */
  context: Readonly<Ref<AssistantSnapshot['context']>>
  snapshot: Readonly<ShallowRef<AssistantSnapshot>>
  controller: Readonly<ShallowRef<AssistantController>>
  /** Sends a question; resolves when the answer is complete. */
  ask: AssistantController['ask']
  /** Stops the answer being streamed. */
  cancel: () => void
  /** Clears the conversation. */
  reset: () => void
}

/**
 * The data assistant as state and actions. Its options may be refs or getters: the context (a
 * linked dashboard, or a dashboard id and filters) changes without losing the conversation.
 *
 * @example
 * const sales = useDashboard('sales-overview')
 * const { messages, ask, state } = useAssistant({ dashboard: sales.controller })
 * await ask('Revenue by region last quarter')
 */
export function useAssistant(options: UseAssistantOptions = {}): UseAssistantResult {
  const inset = useInset()
  const read = (): AssistantOptions => ({
    context: {
      dashboardId: toValue(options.dashboardId),
      filters: plain(toValue(options.filters)),
    },
    dashboard: toValue(options.dashboard),
  })
  const { controller, snapshot, refs, methods } = useController('useAssistant', () =>
    inset.assistant(read()),
  )
  watch(read, (next) => controller.value.setOptions(next))
  return {
    ...refs('state', 'messages', 'suggestions', 'context'),
    snapshot,
    controller,
    ...methods('ask', 'cancel', 'reset'),
  }
}
