import { describe, expect, it } from 'vitest'
import { demoClaims } from '../../test/tokens'
import { createLogger } from '../logger'
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
