import type { CellValue } from '@inset/core'
import { csvRecord } from '../dashboards/export-csv'
import { ServerError } from '../errors'
import { type QueryContext, runSql } from '../semantic/run-query'
import { type CursorState, signCursor } from './cursor'
import { type DataQueryPlan, pageSql, roundCurrency } from './plan'

export interface DataPage {
  rows: CellValue[][]
  /** The state of the next page, or undefined at the end. */
  next?: Omit<CursorState, 'v' | 'q' | 'u'>
}

/** Runs one page of a plan: `pageSize` rows after the cursor's position. */
export async function runDataPage(
  ctx: QueryContext,
  plan: DataQueryPlan,
  pageSize: number,
  cursor: CursorState | undefined,
  signal?: AbortSignal,
): Promise<DataPage> {
  const served = cursor?.n ?? 0
  const take = Math.min(pageSize, plan.cap === undefined ? pageSize : plan.cap - served)
  if (take <= 0) return { rows: [] }
  const { sql, params } = pageSql(plan, {
    ...(plan.mode === 'keyset' && cursor?.k && { after: cursor.k }),
    ...(plan.mode === 'offset' && { offset: served }),
    take: take + 1,
  })
  const rows = await runSql(ctx.runtime, plan.source, sql, params, signal)
  const more = rows.length > take && (plan.cap === undefined || served + take < plan.cap)
  const kept = rows.length > take ? rows.slice(0, take) : rows
  const last = kept.at(-1)
  // The key is read before currency columns are rounded: it must be the database's own value.
  const next =
    more && last
      ? {
          n: served + kept.length,
          ...(plan.mode === 'keyset' && { k: plan.order.map((o) => last[o.index] ?? null) }),
        }
      : undefined
  return { rows: roundCurrency(plan, kept), ...(next && { next }) }
}

export function nextCursor(
  key: Buffer,
  binding: { q: string; u: string },
  page: DataPage,
): string | null {
  return page.next ? signCursor(key, { v: 1, ...binding, ...page.next }) : null
}

export type ExportFormat = 'ndjson' | 'csv'

/**
 * The whole ordered result of a plan as a byte stream (NDJSON objects keyed by column name, or
 * CSV with a header of column names), read from the database a chunk at a time as the client
 * reads (`DataSource.stream`: DuckDB's streaming result, a PostgreSQL cursor), so the server's
 * memory holds one chunk whatever the size. The first chunk is fetched before this resolves, so a
 * failing query is still an error status; a failure later ends the stream abnormally (no final
 * chunk), which clients see as an error. `onEnd` gets the rows sent and the failure, if any.
 */
export async function exportRows(
  ctx: QueryContext,
  plan: DataQueryPlan,
  format: ExportFormat,
  options: {
    signal?: AbortSignal
    onEnd: (rows: number, failure?: ServerError) => void
  },
): Promise<ReadableStream<Uint8Array>> {
  const { sql, params } = pageSql(plan, plan.cap === undefined ? {} : { take: plan.cap })
  const source = plan.source
  const chunks: AsyncIterator<CellValue[][]> = source.stream
    ? source
        .stream(sql, params, { ...(options.signal && { signal: options.signal }) })
        [Symbol.asyncIterator]()
    : // A data source without streaming: one read (memory grows with the result).
      (async function* () {
        yield await runSql(ctx.runtime, source, sql, params, options.signal)
      })()
  const failed = (error: unknown) =>
    error instanceof ServerError
      ? error
      : new ServerError(options.signal?.aborted ? 'timeout' : 'query', 'The export failed', {
          cause: error,
        })
  let first: IteratorResult<CellValue[][]>
  try {
    first = await chunks.next()
  } catch (error) {
    const failure = failed(error)
    if (failure.code === 'query')
      ctx.runtime.logger.error({ err: error, dataSource: source.name }, 'export failed')
    options.onEnd(0, failure)
    throw failure
  }
  const encoder = new TextEncoder()
  const names = plan.columns.map((column) => column.name)
  const encode = (rows: CellValue[][]): Uint8Array => {
    roundCurrency(plan, rows)
    let text = ''
    if (format === 'csv') for (const row of rows) text += csvRecord(row)
    else
      for (const row of rows) {
        const record: Record<string, CellValue> = {}
        names.forEach((name, i) => {
          record[name] = row[i] ?? null
        })
        text += `${JSON.stringify(record)}\n`
      }
    return encoder.encode(text)
  }
  let pending: IteratorResult<CellValue[][]> | undefined = first
  let sent = 0
  let ended = false
  const end = (failure?: ServerError) => {
    if (ended) return
    ended = true
    options.onEnd(sent, failure)
  }
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (format === 'csv') controller.enqueue(encoder.encode(csvRecord(names)))
      },
      async pull(controller) {
        try {
          const next = pending ?? (await chunks.next())
          pending = undefined
          if (next.done) {
            end()
            controller.close()
            return
          }
          sent += next.value.length
          controller.enqueue(encode(next.value))
        } catch (error) {
          const failure = failed(error)
          ctx.runtime.logger.error({ err: error, dataSource: source.name }, 'export failed')
          end(failure)
          controller.error(failure)
        }
      },
      async cancel() {
        end(new ServerError('timeout', 'The client stopped reading the export'))
        await chunks.return?.()
      },
    },
    { highWaterMark: 1 },
  )
}
