import type { AuditEntry, Page } from '@inset/core'
import type { DataSource } from '../data/data-source'
import { badRequest } from '../errors'
import type { Logger } from '../logger'
import { quoteIdentifier } from '../semantic/compile-sql'

/** What a route reports; `id` and `at` are filled in by the log. */
export type AuditRecord = Omit<AuditEntry, 'id' | 'at'> & { requestId?: string | null }

/** How `record()` treats an entry when the log has fallen behind. */
export interface RecordOptions {
  /**
   * Entries about unauthenticated requests (failed verifications): written only while fewer than
   * `maxPending / 10` entries are queued, otherwise dropped and counted, so such requests can
   * neither fill the queue nor wait on it.
   */
  droppable?: boolean
}

/**
 * The most characters an audit entry keeps of each text field (longer values are cut and end in
 * `…`; control characters become `?`). Request input never fills the log.
 */
export const AUDIT_FIELD_LIMITS = Object.freeze({
  subject: 256,
  tenant: 256,
  dashboardId: 128,
  tileId: 128,
  errorCode: 32,
  requestId: 64,
})

/** A text field as the log keeps it: printable, at most `max` characters. */
export function auditText(value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null
  const printable = value.replace(/[\p{Cc}\p{Cs}]/gu, '?')
  return printable.length > max ? `${printable.slice(0, max - 1)}…` : printable
}

export interface AuditQuery {
  cursor?: string | null
  limit?: number
  kind?: AuditEntry['kind']
  subject?: string
  tenant?: string
}

/** A durable, append-only log of token uses and queries. */
export interface AuditLog {
  /**
   * Queues an entry; the entries of one window (`flushIntervalMs`), or queued while a write is
   * under way, go out together in one INSERT (group commit). Resolves at once, so no response
   * waits for the database, unless the log has fallen `maxPending` entries behind: then once this
   * entry is written (backpressure).
   */
  record(entry: AuditRecord, options?: RecordOptions): Promise<void>
  /** Entries dropped so far (droppable entries while the log was behind). */
  readonly dropped: number
  /** Newest first, `nextCursor` continues after the last item; queued entries are written first. */
  list(query?: AuditQuery): Promise<Page<AuditEntry>>
  /** Resolves once every entry recorded so far is written (graceful shutdown calls it). */
  flush(): Promise<void>
}

/** The written columns with their types in each dialect (`id` comes from the table's default). */
const COLUMNS = [
  ['at_ms', 'BIGINT', 'bigint'],
  ['kind', 'VARCHAR', 'text'],
  ['subject', 'VARCHAR', 'text'],
  ['tenant', 'VARCHAR', 'text'],
  ['dashboard_id', 'VARCHAR', 'text'],
  ['tile_id', 'VARCHAR', 'text'],
  ['row_count', 'INTEGER', 'integer'],
  ['duration_ms', 'DOUBLE', 'double precision'],
  ['status', 'INTEGER', 'integer'],
  ['error_code', 'VARCHAR', 'text'],
  ['request_id', 'VARCHAR', 'text'],
] as const
const COLUMN_LIST = COLUMNS.map(([name]) => name).join(', ')
/** An entry as written: one value per column (a missing one is NULL). */
type AuditRow = Partial<Record<(typeof COLUMNS)[number][0], string | number | null>>

/**
 * One INSERT of a whole batch with ONE parameter: the rows as a JSON array of objects, read back
 * into typed columns by the database. A VALUES list with a parameter per cell (5,500 for 500 rows)
 * took 45–200 ms to parse and bind on DuckDB, slower than 4,000 requests/s fill the queue; this
 * takes 6–8 ms.
 */
function insertBatchSql(table: string, dialect: DataSource['dialect']): string {
  if (dialect === 'postgres') {
    const types = COLUMNS.map(([name, , pg]) => `${name} ${pg}`).join(', ')
    return `INSERT INTO ${table} (${COLUMN_LIST}) SELECT ${COLUMN_LIST} FROM json_to_recordset($1::json) AS r(${types})`
  }
  const struct = JSON.stringify(Object.fromEntries(COLUMNS.map(([name, duck]) => [name, duck])))
  const fields = COLUMNS.map(([name]) => `r.${name}`).join(', ')
  return `INSERT INTO ${table} (${COLUMN_LIST}) SELECT ${fields} FROM (SELECT unnest(from_json($1::JSON, '[${struct}]')) AS r)`
}

const noWaiter = () => {}
const MAX_BATCH = 2_000
const MAX_PENDING = 10_000

function encodeCursor(id: number): string {
  return Buffer.from(`a${id}`).toString('base64url')
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString()
  const id = Number(text.slice(1))
  if (!text.startsWith('a') || !Number.isSafeInteger(id) || id < 0)
    throw badRequest('cursor: not a cursor of this list')
  return id
}

/** A log that records nothing, for servers with auditing disabled. */
export function createDisabledAuditLog(): AuditLog {
  return {
    record: async () => {},
    dropped: 0,
    list: async () => ({ items: [], nextCursor: null }),
    flush: async () => {},
  }
}

/**
 * An audit log kept in a table of a data source (created when missing). Entries are written in
 * the background, those of one window in one INSERT (group commit), so auditing every query costs
 * a request next to nothing; `flush()` (on shutdown) and `list()` write what is queued first. An
 * entry is lost only if the process dies before its window's INSERT.
 *
 * @example
 * const audit = await createTableAuditLog(source, { table: 'inset_audit', logger })
 * await audit.record({ kind: 'query', subject: 'alice', tenant: 'acme', ... })
 */
export async function createTableAuditLog(
  source: DataSource,
  options: {
    table: string
    logger: Logger
    now?: () => number
    /** How long an entry may wait for others to share its INSERT (default 0: the same tick only). */
    flushIntervalMs?: number
    /** Past this many queued entries, `record()` waits for the write (default 10,000). */
    maxPending?: number
  },
): Promise<AuditLog> {
  const maxPending = options.maxPending ?? MAX_PENDING
  const flushIntervalMs = options.flushIntervalMs ?? 0
  const table = quoteIdentifier(options.table)
  const now = options.now ?? Date.now
  if (source.dialect === 'postgres') {
    await source.execute(
      `CREATE TABLE IF NOT EXISTS ${table} (id BIGSERIAL PRIMARY KEY, at_ms BIGINT NOT NULL, kind TEXT NOT NULL,
        subject TEXT NOT NULL, tenant TEXT, dashboard_id TEXT, tile_id TEXT, row_count INTEGER,
        duration_ms DOUBLE PRECISION, status INTEGER NOT NULL, error_code TEXT, request_id TEXT)`,
    )
  } else {
    const sequence = quoteIdentifier(`${options.table}_id_seq`)
    await source.execute(`CREATE SEQUENCE IF NOT EXISTS ${sequence}`)
    await source.execute(
      `CREATE TABLE IF NOT EXISTS ${table} (id BIGINT DEFAULT nextval('${options.table}_id_seq') PRIMARY KEY,
        at_ms BIGINT NOT NULL, kind VARCHAR NOT NULL, subject VARCHAR NOT NULL, tenant VARCHAR,
        dashboard_id VARCHAR, tile_id VARCHAR, row_count INTEGER, duration_ms DOUBLE, status INTEGER NOT NULL,
        error_code VARCHAR, request_id VARCHAR)`,
    )
  }

  let pending: Array<{ row: AuditRow; done: () => void }> = []
  let writing: Promise<void> | null = null
  let timer: NodeJS.Timeout | null = null

  const insertBatch = insertBatchSql(table, source.dialect)
  async function writeBatch(batch: typeof pending): Promise<void> {
    try {
      await source.execute(insertBatch, [JSON.stringify(batch.map((entry) => entry.row))])
    } catch (error) {
      // Losing an audit entry must be loud, but it must not fail the user's request.
      options.logger.error({ err: error, entries: batch.length }, 'audit write failed')
    } finally {
      for (const entry of batch) entry.done()
    }
  }

  async function drain(): Promise<void> {
    while (pending.length > 0) {
      const batch = pending.slice(0, MAX_BATCH)
      pending = pending.slice(batch.length)
      await writeBatch(batch)
    }
    writing = null
  }

  function writeSoon(): void {
    if (timer) clearTimeout(timer)
    timer = null
    // One microtask of delay gathers every entry recorded in the same tick.
    writing ??= Promise.resolve().then(drain)
  }

  function schedule(): void {
    if (writing) return
    if (flushIntervalMs === 0 || pending.length >= Math.min(MAX_BATCH, maxPending)) {
      writeSoon()
    } else if (!timer) {
      // Entries of the next few milliseconds share the INSERT: one statement per window, not per request.
      timer = setTimeout(writeSoon, flushIntervalMs)
      timer.unref()
    }
  }

  async function flush(): Promise<void> {
    if (pending.length > 0) writeSoon()
    while (writing) await writing
  }

  let dropped = 0
  let lastDropWarning = 0
  const L = AUDIT_FIELD_LIMITS
  return {
    get dropped() {
      return dropped
    },
    record(entry, recordOptions = {}) {
      if (recordOptions.droppable && pending.length >= Math.max(1, Math.floor(maxPending / 10))) {
        dropped++
        if (now() - lastDropWarning > 10_000) {
          lastDropWarning = now()
          options.logger.warn({ dropped }, 'audit log behind: entries of failed requests dropped')
        }
        return Promise.resolve()
      }
      const row: AuditRow = {
        at_ms: now(),
        kind: entry.kind,
        subject: auditText(entry.subject, L.subject) ?? '',
        tenant: auditText(entry.tenant, L.tenant),
        dashboard_id: auditText(entry.dashboardId, L.dashboardId),
        tile_id: auditText(entry.tileId, L.tileId),
        row_count: entry.rowCount,
        duration_ms: entry.durationMs === null ? null : Math.round(entry.durationMs * 100) / 100,
        status: entry.status,
        error_code: auditText(entry.errorCode, L.errorCode),
        request_id: auditText(entry.requestId, L.requestId),
      }
      if (pending.length < maxPending) {
        pending.push({ row, done: noWaiter })
        schedule()
        return Promise.resolve()
      }
      return new Promise<void>((resolve) => {
        pending.push({ row, done: resolve })
        schedule()
      })
    },
    flush,
    async list(query = {}) {
      await flush()
      const limit = query.limit ?? 50
      const conditions: string[] = []
      const params: Array<string | number> = []
      const bind = (sql: string, value: string | number) => {
        params.push(value)
        conditions.push(sql.replace('?', `$${params.length}`))
      }
      if (query.cursor) bind('id < ?', decodeCursor(query.cursor))
      if (query.kind) bind('kind = ?', query.kind)
      if (query.subject) bind('subject = ?', query.subject)
      if (query.tenant) bind('tenant = ?', query.tenant)
      const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''
      const rows = await source.query(
        `SELECT id, at_ms, ${COLUMNS.slice(1, -1)
          .map(([name]) => name)
          .join(', ')} FROM ${table}${where} ORDER BY id DESC LIMIT ${limit + 1}`,
        params,
      )
      const items = rows
        .slice(0, limit)
        .map(
          ([
            id,
            at,
            kind,
            subject,
            tenant,
            dashboardId,
            tileId,
            rowCount,
            durationMs,
            status,
            errorCode,
          ]) => ({
            id: String(id),
            at: new Date(Number(at)).toISOString(),
            kind: kind as AuditEntry['kind'],
            subject: String(subject),
            tenant: tenant as string | null,
            dashboardId: dashboardId as string | null,
            tileId: tileId as string | null,
            rowCount: rowCount as number | null,
            durationMs: durationMs as number | null,
            status: Number(status),
            errorCode: errorCode as string | null,
          }),
        )
      const last = items.at(-1)
      return {
        items,
        nextCursor: rows.length > limit && last ? encodeCursor(Number(last.id)) : null,
      }
    },
  }
}
