import { randomUUID } from 'node:crypto'
import type { DataSource } from '../data/data-source'
import type { Logger } from '../logger'
import { quoteIdentifier } from '../semantic/compile-sql'
import type { EmbedClaims } from './claims'

/**
 * A revocation: every embed token matching all of its given fields (`subject` = `sub`, `tenant`,
 * `tokenId` = `jti`, `embedKey` = `iss`) is refused until `until`, whenever it was issued.
 */
export interface Revocation {
  id: string
  subject: string | null
  tenant: string | null
  tokenId: string | null
  embedKey: string | null
  /** ISO time; the revocation ends then. */
  until: string
  createdAt: string
  reason: string | null
}

export type RevocationInput = Partial<
  Pick<Revocation, 'subject' | 'tenant' | 'tokenId' | 'embedKey' | 'reason'>
> & { until: number }

/** Revocations, kept in a table beside the audit log and cached in memory for the check. */
export interface RevocationStore {
  add(input: RevocationInput): Promise<Revocation>
  /** Revocations still in force, newest first. */
  list(): Promise<Revocation[]>
  /** False when there was no such revocation. */
  remove(id: string): Promise<boolean>
  /** The revocation refusing these claims now, from the cache (no I/O). */
  check(claims: EmbedClaims, nowMs?: number): Revocation | undefined
  /** Reloads the cache from the table (what other replicas wrote). */
  refresh(): Promise<void>
  close(): void
}

const FIELDS = ['tokenId', 'subject', 'tenant', 'embedKey'] as const
type Field = (typeof FIELDS)[number]
const claimOf: Record<Field, (claims: EmbedClaims) => string | undefined> = {
  tokenId: (claims) => claims.jti,
  subject: (claims) => claims.sub,
  tenant: (claims) => claims.tenant,
  embedKey: (claims) => claims.iss,
}

/** The in-memory index: each revocation under its most specific field, so a check is a few lookups. */
class RevocationIndex {
  readonly byField = new Map<Field, Map<string, Revocation[]>>(FIELDS.map((f) => [f, new Map()]))
  readonly all = new Map<string, Revocation & { untilMs: number }>()

  constructor(items: Revocation[] = []) {
    for (const item of items) this.add(item)
  }

  add(item: Revocation): void {
    this.all.set(item.id, { ...item, untilMs: Date.parse(item.until) })
    const field = FIELDS.find((f) => item[f] !== null) as Field
    const map = this.byField.get(field) as Map<string, Revocation[]>
    const key = item[field] as string
    map.set(key, [...(map.get(key) ?? []), item])
  }

  remove(id: string): void {
    const item = this.all.get(id)
    if (!item) return
    this.all.delete(id)
    const field = FIELDS.find((f) => item[f] !== null) as Field
    const map = this.byField.get(field) as Map<string, Revocation[]>
    const key = item[field] as string
    const rest = (map.get(key) ?? []).filter((r) => r.id !== id)
    if (rest.length > 0) map.set(key, rest)
    else map.delete(key)
  }

  check(claims: EmbedClaims, nowMs: number): Revocation | undefined {
    if (this.all.size === 0) return undefined
    for (const field of FIELDS) {
      const value = claimOf[field](claims)
      if (value === undefined) continue
      const candidates = this.byField.get(field)?.get(value)
      if (!candidates) continue
      for (const candidate of candidates) {
        const untilMs = this.all.get(candidate.id)?.untilMs ?? 0
        if (nowMs >= untilMs) continue
        if (FIELDS.every((f) => candidate[f] === null || candidate[f] === claimOf[f](claims)))
          return candidate
      }
    }
    return undefined
  }
}

/**
 * Revocations in a table (`<auditTable>_revocations`) of the audit log's data source, so every
 * replica sharing that database sees them; each replica checks against an in-memory copy that it
 * reloads every `refreshMs` (and updates at once for its own changes).
 *
 * @example
 * const store = await createRevocationStore(source, { table: 'inset_revocations', logger })
 * await store.add({ subject: 'mallory', until: Date.now() + 86_400_000 })
 */
export async function createRevocationStore(
  source: DataSource | undefined,
  options: { table: string; logger: Logger; refreshMs?: number; now?: () => number },
): Promise<RevocationStore> {
  const now = options.now ?? Date.now
  const table = quoteIdentifier(options.table)
  let index = new RevocationIndex()
  let timer: NodeJS.Timeout | undefined

  if (source) {
    const text = source.dialect === 'postgres' ? 'TEXT' : 'VARCHAR'
    await source.execute(
      `CREATE TABLE IF NOT EXISTS ${table} (id ${text} PRIMARY KEY, subject ${text}, tenant ${text},
        token_id ${text}, embed_key ${text}, until_ms BIGINT NOT NULL, created_ms BIGINT NOT NULL, reason ${text})`,
    )
  }

  async function load(): Promise<Revocation[]> {
    if (!source) return [...index.all.values()]
    const rows = await source.query(
      `SELECT id, subject, tenant, token_id, embed_key, until_ms, created_ms, reason FROM ${table}
       WHERE until_ms > $1 ORDER BY created_ms DESC, id`,
      [now()],
    )
    return rows.map(([id, subject, tenant, tokenId, embedKey, untilMs, createdMs, reason]) => ({
      id: String(id),
      subject: (subject as string | null) ?? null,
      tenant: (tenant as string | null) ?? null,
      tokenId: (tokenId as string | null) ?? null,
      embedKey: (embedKey as string | null) ?? null,
      until: new Date(Number(untilMs)).toISOString(),
      createdAt: new Date(Number(createdMs)).toISOString(),
      reason: (reason as string | null) ?? null,
    }))
  }

  async function refresh(): Promise<void> {
    index = new RevocationIndex(await load())
  }

  await refresh()
  if (source && (options.refreshMs ?? 5000) > 0) {
    timer = setInterval(() => {
      refresh().catch((error) =>
        options.logger.error({ err: error }, 'revocations could not be reloaded'),
      )
    }, options.refreshMs ?? 5000)
    timer.unref()
  }

  return {
    async add(input) {
      const createdMs = now()
      const revocation: Revocation = {
        id: randomUUID(),
        subject: input.subject ?? null,
        tenant: input.tenant ?? null,
        tokenId: input.tokenId ?? null,
        embedKey: input.embedKey ?? null,
        until: new Date(input.until).toISOString(),
        createdAt: new Date(createdMs).toISOString(),
        reason: input.reason ?? null,
      }
      if (source) {
        await source.execute(
          `INSERT INTO ${table} (id, subject, tenant, token_id, embed_key, until_ms, created_ms, reason)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            revocation.id,
            revocation.subject,
            revocation.tenant,
            revocation.tokenId,
            revocation.embedKey,
            input.until,
            createdMs,
            revocation.reason,
          ],
        )
      }
      index.add(revocation)
      return revocation
    },
    async list() {
      const items = await load()
      return items.filter((item) => Date.parse(item.until) > now())
    },
    async remove(id) {
      const known = index.all.has(id)
      if (source) {
        const rows = await source.query(`SELECT id FROM ${table} WHERE id = $1`, [id])
        if (rows.length === 0) {
          index.remove(id)
          return false
        }
        await source.execute(`DELETE FROM ${table} WHERE id = $1`, [id])
      } else if (!known) return false
      index.remove(id)
      return true
    },
    check(claims, nowMs = now()) {
      return index.check(claims, nowMs)
    },
    refresh,
    close() {
      if (timer) clearInterval(timer)
    },
  }
}
