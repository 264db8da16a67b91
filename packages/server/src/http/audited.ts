import type { AuditEntry } from '@inset/core'
import { ServerError } from '../errors'
import type { AppContext } from './app-env'

/**
 * Runs a handler's work and writes one audit entry with its outcome (status, error code, rows,
 * duration), whether it succeeds or fails.
 */
export async function audited<T>(
  c: AppContext,
  entry: {
    kind: AuditEntry['kind']
    subject: string
    tenant: string | null
    dashboardId?: string | null
    tileId?: string | null
    /** The status of a success (default 200). */
    okStatus?: number
  },
  work: () => Promise<T>,
  rowCount: (result: T) => number | null = () => null,
): Promise<T> {
  const started = performance.now()
  let status = entry.okStatus ?? 200
  let errorCode: string | null = null
  let rows: number | null = null
  try {
    const result = await work()
    rows = rowCount(result)
    return result
  } catch (error) {
    status = error instanceof ServerError ? error.status : 500
    errorCode = error instanceof ServerError ? error.code : 'server'
    throw error
  } finally {
    await c.get('runtime').audit.record({
      kind: entry.kind,
      subject: entry.subject,
      tenant: entry.tenant,
      dashboardId: entry.dashboardId ?? null,
      tileId: entry.tileId ?? null,
      rowCount: rows,
      durationMs: performance.now() - started,
      status,
      errorCode,
      requestId: c.get('requestId'),
    })
  }
}
