import type { AssistantContext, AssistantController, AssistantSnapshot } from '@inset/core'
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

/**
 * The data assistant as state and actions; `context` (a dashboard and its filters) may change
 * without losing the conversation.
 *
 * @example
 * const { messages, ask, state } = useAssistant({ dashboardId: 'sales-overview' })
 * await ask('Revenue by region last quarter')
 */
export function useAssistant(context: AssistantContext = {}): UseAssistantResult {
  const inset = useInset()
  const controller = useOwned(() => inset.assistant({ context }), [inset])
  const contextKey = JSON.stringify(context)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the context's content is the dependency
  useEffect(() => controller.setContext(context), [controller, contextKey])
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
