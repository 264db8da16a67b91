import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS, openTestSource } from '../../test/backends'
import type { DataSource } from '../data/data-source'
import { createLogger } from '../logger'
import { type AuditRecord, createTableAuditLog } from './audit-log'

// A batch is written as one JSON parameter and read back into typed columns by the database
// itself: every value must come back exactly, on both dialects, whatever its characters.
describe.each(BACKENDS)('audit batches on %s', (_name, backend, skipReason) => {
  let source: DataSource
  beforeAll(async () => {
    if (skipReason) return
    source = await openTestSource(backend, 'audit', 1)
  })
  afterAll(async () => {
    await source?.close()
  })

  it.skipIf(skipReason)('keeps every value of 4,321 entries across three INSERTs', async () => {
    let inserts = 0
    const counting: DataSource = {
      ...source,
      async execute(sql, params) {
        if (sql.startsWith('INSERT')) inserts++
        return source.execute(sql, params)
      },
    }
    let clock = Date.parse('2026-12-01T08:00:00Z')
    const audit = await createTableAuditLog(counting, {
      table: 'inset_audit',
      logger: createLogger(false),
      now: () => clock++,
    })
    const awkward = [
      `o'brien "quoted"`,
      'back\\slash',
      'ünï 中文 🚀',
      '{"json":[1]}',
      '',
      '$1 ? %s',
    ]
    const records: AuditRecord[] = Array.from({ length: 4321 }, (_, i) => ({
      kind: i % 3 === 0 ? 'export' : 'query',
      subject: `${awkward[i % awkward.length]}-${i}`,
      tenant: i % 5 === 0 ? null : 'acme',
      dashboardId: 'sales-overview',
      tileId: i % 7 === 0 ? null : `tile-${i % 4}`,
      rowCount: i % 11 === 0 ? null : i * 1000,
      durationMs: i % 13 === 0 ? null : i / 8 + 0.001, // kept to two decimals
      status: i % 17 === 0 ? 403 : 200,
      errorCode: i % 17 === 0 ? 'forbidden' : null,
      requestId: `req-${i}`,
    }))
    await Promise.all(records.map((record) => audit.record(record)))
    await audit.flush()
    expect(inserts).toBe(3)

    const read: unknown[] = []
    let cursor: string | null | undefined
    do {
      const page = await audit.list({ limit: 1000, cursor })
      read.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    expect(read).toHaveLength(records.length)
    const written = [...read].reverse()
    records.forEach((record, i) => {
      expect(written[i]).toMatchObject({
        at: new Date(Date.parse('2026-12-01T08:00:00Z') + i).toISOString(),
        kind: record.kind,
        subject: record.subject,
        tenant: record.tenant,
        tileId: record.tileId,
        rowCount: record.rowCount,
        durationMs: record.durationMs === null ? null : Math.round(record.durationMs * 100) / 100,
        status: record.status,
        errorCode: record.errorCode,
      })
    })
  })
})
