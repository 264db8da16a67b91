import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { demoClaims } from '../../test/tokens'
import type { DataSource } from '../data/data-source'
import { openDuckDBSource } from '../data/duckdb-source'
import { createLogger, type Logger } from '../logger'
import { createRevocationStore } from './revocations'

const logger = createLogger(false)

async function store(now: { value: number }) {
  return createRevocationStore(undefined, { table: 'r', logger, now: () => now.value })
}

describe('revocations (in memory)', () => {
  it('refuses a token matching every given field until `until`, and only then', async () => {
    const clock = { value: 1_000_000 }
    const revocations = await store(clock)
    const bob = demoClaims('bob', { jti: 'token-1' })
    const alice = demoClaims('alice', { jti: 'token-2' })
    expect(revocations.check(bob)).toBeUndefined()
    const bySubject = await revocations.add({ subject: 'bob', until: clock.value + 1000 })
    expect(revocations.check(bob)?.id).toBe(bySubject.id)
    expect(revocations.check(alice)).toBeUndefined()
    // Until is exclusive: at `until` the revocation has ended.
    expect(revocations.check(bob, clock.value + 999)?.id).toBe(bySubject.id)
    expect(revocations.check(bob, clock.value + 1000)).toBeUndefined()
    clock.value += 1000
    expect(await revocations.list()).toEqual([])
  })

  it('matches all fields of a revocation, not any', async () => {
    const clock = { value: 5_000 }
    const revocations = await store(clock)
    await revocations.add({ subject: 'bob', tenant: 'acme', until: clock.value + 10 })
    expect(revocations.check(demoClaims('bob'))).toBeUndefined() // bob is in globex
    expect(revocations.check(demoClaims('bob', { tenant: 'acme' }))).toBeDefined()
    await revocations.add({ tenant: 'globex', embedKey: 'other', until: clock.value + 10 })
    expect(revocations.check(demoClaims('bob'))).toBeUndefined() // signed by demo, not other
    expect(revocations.check(demoClaims('bob', { iss: 'other' }))).toBeDefined()
    const byToken = await revocations.add({ tokenId: 'abc', until: clock.value + 10 })
    expect(revocations.check(demoClaims('alice', { jti: 'abc' }))?.id).toBe(byToken.id)
    expect(revocations.check(demoClaims('alice', { jti: 'abd' }))).toBeUndefined()
    expect(revocations.check(demoClaims('alice'))).toBeUndefined()
  })

  it('lists those in force newest first and removes by id', async () => {
    const clock = { value: 10_000 }
    const revocations = await store(clock)
    const first = await revocations.add({ tenant: 'acme', until: clock.value + 100, reason: 'x' })
    clock.value += 1
    const second = await revocations.add({ tenant: 'acme', until: clock.value + 100 })
    expect((await revocations.list()).map((r) => r.id).sort()).toEqual([first.id, second.id].sort())
    expect(first).toMatchObject({
      tenant: 'acme',
      subject: null,
      tokenId: null,
      embedKey: null,
      reason: 'x',
      until: new Date(10_100).toISOString(),
      createdAt: new Date(10_000).toISOString(),
    })
    expect(await revocations.remove(first.id)).toBe(true)
    expect(await revocations.remove(first.id)).toBe(false)
    // The other revocation of the same tenant still holds.
    expect(revocations.check(demoClaims('alice'))?.id).toBe(second.id)
    expect(await revocations.remove(second.id)).toBe(true)
    expect(revocations.check(demoClaims('alice'))).toBeUndefined()
    revocations.close()
  })
})

describe('revocations (in a table shared by replicas)', () => {
  let source: DataSource
  const clock = { value: 1_700_000_000_000 }
  // Two replicas over one database; `refreshMs: 0`: they reload only when told to.
  const replica = (options: { refreshMs?: number; logger?: Logger } = {}) =>
    createRevocationStore(source, {
      table: 'inset_revocations',
      logger: options.logger ?? logger,
      refreshMs: options.refreshMs ?? 0,
      now: () => clock.value,
    })

  beforeEach(async () => {
    source = await openDuckDBSource({ name: 'audit', path: ':memory:', poolSize: 1 })
  })
  afterEach(async () => {
    vi.useRealTimers()
    await source.close()
  })

  it('keeps every field of a revocation in the table, for replicas started later', async () => {
    const first = await replica()
    const made = await first.add({
      subject: 'bob',
      tenant: 'globex',
      tokenId: 'token-9',
      embedKey: 'demo',
      reason: 'laptop stolen',
      until: clock.value + 60_000,
    })
    const later = await replica()
    expect(await later.list()).toEqual([made])
    expect(made).toMatchObject({
      subject: 'bob',
      tenant: 'globex',
      tokenId: 'token-9',
      embedKey: 'demo',
      reason: 'laptop stolen',
      until: new Date(clock.value + 60_000).toISOString(),
      createdAt: new Date(clock.value).toISOString(),
    })
    const bob = demoClaims('bob', { jti: 'token-9' })
    expect(later.check(bob)?.id).toBe(made.id)
    expect(later.check({ ...bob, jti: 'token-8' })).toBeUndefined()
    // Fields left out come back as null, not as empty strings.
    const bare = await first.add({ tenant: 'acme', until: clock.value + 60_000 })
    expect((await (await replica()).list()).find((r) => r.id === bare.id)).toEqual({
      ...bare,
      subject: null,
      tokenId: null,
      embedKey: null,
      reason: null,
    })
  })

  it('lists those in force from the table, newest first', async () => {
    const first = await replica()
    const old = await first.add({ subject: 'alice', until: clock.value + 10_000 })
    clock.value += 1_000
    const newer = await first.add({ subject: 'bob', until: clock.value + 10_000 })
    clock.value += 1_000
    const short = await first.add({ subject: 'carol', until: clock.value + 500 })
    const other = await replica()
    expect((await other.list()).map((r) => r.id)).toEqual([short.id, newer.id, old.id])
    clock.value += 500 // `short` ends now
    expect((await other.list()).map((r) => r.id)).toEqual([newer.id, old.id])
    clock.value += 8_000 // and `old` too
    expect((await first.list()).map((r) => r.id)).toEqual([newer.id])
    // A replica started after a revocation ended does not refuse with it.
    expect((await replica()).check(demoClaims('alice'))).toBeUndefined()
  })

  it("sees another replica's revocations and removals when it reloads", async () => {
    const first = await replica()
    const second = await replica()
    const bob = demoClaims('bob')
    const revocation = await first.add({ subject: 'bob', until: clock.value + 60_000 })
    expect(first.check(bob)?.id).toBe(revocation.id)
    expect(second.check(bob)).toBeUndefined()
    await second.refresh()
    expect(second.check(bob)?.id).toBe(revocation.id)
    // Removed through the other replica: the row is gone, so every replica lets bob in again.
    expect(await second.remove(revocation.id)).toBe(true)
    expect(second.check(bob)).toBeUndefined()
    expect(await second.remove(revocation.id)).toBe(false)
    expect(await first.remove(revocation.id)).toBe(false)
    expect(first.check(bob)).toBeUndefined()
    expect(await first.list()).toEqual([])
  })

  it('reloads every refreshMs, and logs a reload that failed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const error = vi.fn()
    const first = await replica()
    const second = await replica({ refreshMs: 5_000, logger: { ...logger, error } })
    const never = await replica({ refreshMs: 0 })
    await first.add({ subject: 'bob', until: clock.value + 60_000 })
    vi.advanceTimersByTime(4_999)
    await source.query('SELECT 1') // the pool's one connection: a reload started would be done
    expect(second.check(demoClaims('bob'))).toBeUndefined()
    vi.advanceTimersByTime(1)
    await vi.waitFor(() => expect(second.check(demoClaims('bob'))).toBeDefined())
    expect(never.check(demoClaims('bob'))).toBeUndefined()
    await source.execute('DROP TABLE inset_revocations')
    vi.advanceTimersByTime(5_000)
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(1))
    expect(error.mock.calls[0]?.[1]).toBe('revocations could not be reloaded')
    // The replica keeps refusing with what it knew.
    expect(second.check(demoClaims('bob'))).toBeDefined()
    second.close()
    vi.advanceTimersByTime(20_000)
    await source.query('SELECT 1')
    expect(error).toHaveBeenCalledTimes(1)
  })
})
