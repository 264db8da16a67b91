import { describe, expect, it, vi } from 'vitest'
import type { DataSource } from '../data/data-source'
import { openDuckDBSource } from '../data/duckdb-source'
import { createLogger } from '../logger'
import { type AuditRecord, createTableAuditLog } from './audit-log'

const entry = (subject: string): AuditRecord => ({
  kind: 'query',
  subject,
  tenant: 'acme',
  dashboardId: 'sales-overview',
  tileId: 'revenue',
  rowCount: 1,
  durationMs: 1.234,
  status: 200,
})

/** Counts the INSERTs that reach the real database (the seam). */
async function countingSource(): Promise<DataSource & { inserts: number }> {
  const source = await openDuckDBSource({ name: 'audit', path: ':memory:', poolSize: 1 })
  const counting = {
    ...source,
    inserts: 0,
    async execute(sql: string, params?: Parameters<DataSource['execute']>[1]) {
      if (sql.startsWith('INSERT')) counting.inserts++
      return source.execute(sql, params)
    },
  }
  return counting
}

describe('table audit log', () => {
  it('writes concurrent entries in one INSERT and pages newest first', async () => {
    const source = await countingSource()
    let clock = Date.parse('2025-06-01T12:00:00Z')
    const audit = await createTableAuditLog(source, {
      table: 'inset_audit',
      logger: createLogger(false),
      now: () => clock++,
    })
    await Promise.all(Array.from({ length: 25 }, (_, i) => audit.record(entry(`user-${i}`))))
    await audit.flush()
    expect(source.inserts).toBe(1)
    await audit.record({ ...entry('late'), status: 403, errorCode: 'forbidden', rowCount: null })
    await audit.flush()
    expect(source.inserts).toBe(2)

    const first = await audit.list({ limit: 10 })
    expect(first.items[0]).toMatchObject({
      subject: 'late',
      status: 403,
      errorCode: 'forbidden',
      rowCount: null,
      at: '2025-06-01T12:00:00.025Z',
    })
    expect(first.items[1]).toMatchObject({
      subject: 'user-24',
      durationMs: 1.23,
      kind: 'query',
      tenant: 'acme',
    })
    const subjects: string[] = []
    let cursor: string | null | undefined
    do {
      const page = await audit.list({ limit: 10, cursor })
      subjects.push(...page.items.map((item) => item.subject))
      cursor = page.nextCursor
    } while (cursor)
    expect(subjects).toHaveLength(26)
    expect(new Set(subjects).size).toBe(26)
    expect((await audit.list({ subject: 'user-3' })).items).toHaveLength(1)
    await expect(audit.list({ cursor: 'garbage' })).rejects.toMatchObject({ code: 'bad_request' })
    await source.close()
  })

  it('answers callers before the INSERT lands, unless the log falls behind; flush waits for all', async () => {
    const real = await openDuckDBSource({ name: 'audit', path: ':memory:', poolSize: 1 })
    let release = () => {}
    let gate = Promise.resolve()
    const slow: DataSource = {
      ...real,
      async execute(sql, params) {
        if (sql.startsWith('INSERT')) await gate
        return real.execute(sql, params)
      },
    }
    const audit = await createTableAuditLog(slow, {
      table: 'inset_audit',
      logger: createLogger(false),
      flushIntervalMs: 0,
      maxPending: 2,
    })
    gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const settled: string[] = []
    const track = (name: string) => audit.record(entry(name)).then(() => settled.push(name))
    // The first INSERT takes `a` and hangs on the gate; b and c queue behind it, d finds 2 waiting.
    const done = [track('a')]
    await Promise.resolve()
    await Promise.resolve()
    done.push(track('b'), track('c'), track('d'))
    await Promise.all(done.slice(0, 3))
    expect(settled).toEqual(['a', 'b', 'c'])
    const flushed = audit.flush().then(() => settled.push('flushed'))
    await new Promise((resolve) => setImmediate(resolve))
    expect(settled).toEqual(['a', 'b', 'c'])
    release()
    await Promise.all([...done, flushed])
    expect(settled).toEqual(['a', 'b', 'c', 'd', 'flushed'])
    const { items } = await audit.list()
    expect(items.map((item) => item.subject)).toEqual(['d', 'c', 'b', 'a'])
    await real.close()
  })

  it('gathers the entries of one window into one INSERT', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const source = await countingSource()
      const audit = await createTableAuditLog(source, {
        table: 'inset_audit',
        logger: createLogger(false),
        flushIntervalMs: 50,
      })
      await audit.record(entry('first'))
      await vi.advanceTimersByTimeAsync(30)
      await audit.record(entry('second'))
      await vi.advanceTimersByTimeAsync(19)
      expect(source.inserts).toBe(0)
      await vi.advanceTimersByTimeAsync(1)
      await audit.flush()
      expect(source.inserts).toBe(1)
      // A new window opens with the next entry; flush() does not wait for it to close.
      await audit.record(entry('third'))
      await audit.flush()
      expect(source.inserts).toBe(2)
      expect((await audit.list()).items.map((item) => item.subject)).toEqual([
        'third',
        'second',
        'first',
      ])
      await source.close()
    } finally {
      vi.useRealTimers()
    }
  })
})
