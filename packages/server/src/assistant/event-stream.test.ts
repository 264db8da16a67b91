import type { SSEStreamingApi } from 'hono/streaming'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AssistantEvents } from './event-stream'

// The stream is the seam: record what would go over the wire.
function fakeStream() {
  const written: string[] = []
  const stream = {
    aborted: false,
    write: vi.fn(async (text: string) => {
      written.push(text)
    }),
    writeSSE: vi.fn(async ({ event, data }: { event: string; data: string }) => {
      await Promise.resolve()
      written.push(`event: ${event}\ndata: ${data}\n\n`)
    }),
  }
  return { stream: stream as unknown as SSEStreamingApi & typeof stream, written }
}

describe('AssistantEvents', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('writes events in the order they were sent, as one line of JSON each', async () => {
    const { stream, written } = fakeStream()
    const events = new AssistantEvents(stream, 0)
    void events.send('text', { delta: 'a\nb' })
    void events.send('text', { delta: 'c' })
    await events.send('done', {})
    expect(written).toEqual([
      'event: text\ndata: {"delta":"a\\nb"}\n\n',
      'event: text\ndata: {"delta":"c"}\n\n',
      'event: done\ndata: {}\n\n',
    ])
  })

  it('sends a keep-alive comment while quiet, and stops on close', async () => {
    vi.useFakeTimers()
    const { stream, written } = fakeStream()
    const events = new AssistantEvents(stream, 15_000)
    vi.advanceTimersByTime(14_999)
    expect(written).toEqual([])
    vi.advanceTimersByTime(1)
    expect(written).toEqual([': keep-alive\n\n'])
    await events.close()
    vi.advanceTimersByTime(60_000)
    await events.send('done', {})
    expect(written).toEqual([': keep-alive\n\n'])
  })

  it('drops events once the client went away', async () => {
    const { stream, written } = fakeStream()
    const events = new AssistantEvents(stream, 0)
    stream.aborted = true
    await events.send('text', { delta: 'x' })
    expect(written).toEqual([])
  })
})
