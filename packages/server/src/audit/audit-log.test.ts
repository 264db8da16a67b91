import { describe, expect, it } from 'vitest'
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
    expect(source.inserts).toBe(1)
    await audit.record({ ...entry('late'), status: 403, errorCode: 'forbidden', rowCount: null })
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
})
