import type { AssistantEventMap } from '@inset/core'
import type { SSEStreamingApi } from 'hono/streaming'

/** Comments keep proxies and the client's stall timer from closing a quiet stream. */
export const KEEP_ALIVE_MS = 15_000

/**
 * The `text/event-stream` of one answer, typed by {@link AssistantEventMap}: every event's data is
 * one line of JSON, as core's SSE parser reads it.
 *
 * @example
 * const events = new AssistantEvents(stream)
 * await events.send('text', { delta: 'Revenue is 1,234.56.' })
 */
export class AssistantEvents {
  readonly #stream: SSEStreamingApi
  #timer: ReturnType<typeof setInterval> | undefined
  #closed = false
  #queue: Promise<void> = Promise.resolve()

  constructor(stream: SSEStreamingApi, keepAliveMs = KEEP_ALIVE_MS) {
    this.#stream = stream
    if (keepAliveMs > 0) {
      this.#timer = setInterval(() => void this.#stream.write(': keep-alive\n\n'), keepAliveMs)
      this.#timer.unref?.()
    }
  }

  /** Queues an event; events go out in the order they were sent, whether awaited or not. */
  send<Name extends keyof AssistantEventMap>(
    event: Name,
    data: AssistantEventMap[Name],
  ): Promise<void> {
    const line = JSON.stringify(data)
    this.#queue = this.#queue.then(async () => {
      if (this.#closed || this.#stream.aborted) return
      await this.#stream.writeSSE({ event, data: line })
    })
    return this.#queue
  }

  /** Resolves once every queued event is written. */
  flushed(): Promise<void> {
    return this.#queue
  }

  /** Writes what is queued, then stops the keep-alive comments; later events are dropped. */
  async close(): Promise<void> {
    clearInterval(this.#timer)
    await this.#queue
    this.#closed = true
  }
}
