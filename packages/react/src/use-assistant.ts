import type {
  AssistantContext,
  AssistantController,
  AssistantSnapshot,
  DashboardController,
} from '@inset/core'
import { useEffect, useMemo, useSyncExternalStore } from 'react'
import { useInset } from './context'
import { useOwned } from './use-owned'

/** A conversation with the data assistant, for a host that renders its own chat. */
export interface UseAssistantResult extends AssistantSnapshot {
  /** Sends a question; resolves when the answer is complete. */
  ask: AssistantController['ask']
  /** Stops the answer being streamed. */
  cancel: () => void
  /** Clears the conversation. */
  reset: () => void
}

export interface UseAssistantOptions extends AssistantContext {
  /** A dashboard to follow (e.g. `useDashboard(…).controller`): its id and filters, as they change. */
  dashboard?: DashboardController
}

/**
 * The data assistant as state and actions; the context (a dashboard and its filters, or a linked
 * dashboard to follow) may change without losing the conversation.
 *
 * @example
 * const dashboard = useDashboard('sales-overview')
 * const { messages, ask, state } = useAssistant({ dashboard: dashboard.controller })
 * await ask('Revenue by region last quarter')
 */
export function useAssistant(options: UseAssistantOptions = {}): UseAssistantResult {
  const inset = useInset()
  const { dashboard, ...context } = options
  const controller = useOwned(() => inset.assistant({ context, dashboard }), [inset])
  const contextKey = JSON.stringify(context)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the context's content is the dependency
  useEffect(
    () => controller.setOptions({ context, dashboard }),
    [controller, contextKey, dashboard],
  )
  const snapshot = useSyncExternalStore(
    controller.subscribe,
    controller.getSnapshot,
    controller.getSnapshot,
  )
  return useMemo(
    () => ({
      ...snapshot,
      ask: controller.ask,
      cancel: controller.cancel,
      reset: controller.reset,
    }),
    [snapshot, controller],
  )
}
