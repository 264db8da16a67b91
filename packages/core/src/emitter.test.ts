import { describe, expect, it, vi } from 'vitest'
import { createEmitter } from './emitter'

describe('createEmitter', () => {
  it('calls listeners in order and removes them', () => {
    const emitter = createEmitter<number>()
    const seen: string[] = []
    const offA = emitter.subscribe((n) => seen.push(`a${n}`))
    emitter.subscribe((n) => seen.push(`b${n}`))
    emitter.emit(1)
    offA()
    offA()
    emitter.emit(2)
    expect(seen).toEqual(['a1', 'b1', 'b2'])
    expect(emitter.size).toBe(1)
    emitter.clear()
    expect(emitter.size).toBe(0)
  })

  it('runs onFirst and onLast around the listeners, counting a function subscribed twice twice', () => {
    const onFirst = vi.fn()
    const onLast = vi.fn()
    const emitter = createEmitter({ onFirst, onLast })
    const listener = () => {}
    const off1 = emitter.subscribe(listener)
    const off2 = emitter.subscribe(listener)
    expect(onFirst).toHaveBeenCalledTimes(1)
    off1()
    expect(onLast).not.toHaveBeenCalled()
    off2()
    expect(onLast).toHaveBeenCalledTimes(1)
  })

  it('keeps notifying when a listener throws, and reports the error', async () => {
    const emitter = createEmitter()
    const later = vi.fn()
    const errors: unknown[] = []
    const queue = vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) => {
      try {
        task()
      } catch (error) {
        errors.push(error)
      }
    })
    emitter.subscribe(() => {
      throw new Error('listener broke')
    })
    emitter.subscribe(later)
    emitter.emit()
    expect(later).toHaveBeenCalled()
    expect(errors).toEqual([new Error('listener broke')])
    queue.mockRestore()
  })
})
