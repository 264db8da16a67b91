// A scripted InsetApi for controller tests: each call waits until the test answers it.
import type { AssistantEvent, InsetApi, RequestOptions } from '../src/api'
import type { DashboardDefinition, DashboardLoad, QueryResult } from '../src/wire'

export interface PendingCall {
  kind: 'dashboard' | 'tile' | 'suggestions' | 'ask' | 'export' | 'load'
  args: unknown[]
  signal: AbortSignal | undefined
  settled: boolean
  resolve(value: unknown): void
  reject(error: unknown): void
}

/** `honorAbort: false` plays a server whose answers arrive even after the caller gave up. */
export function createFakeApi({ honorAbort = true } = {}) {
  const calls: PendingCall[] = []
  const call = <T>(kind: PendingCall['kind'], args: unknown[], options?: RequestOptions) =>
    new Promise<T>((resolve, reject) => {
      const signal = options?.signal
      const entry: PendingCall = {
        kind,
        args,
        signal,
        settled: false,
        resolve(value) {
          entry.settled = true
          resolve(value as T)
        },
        reject(error) {
          entry.settled = true
          reject(error)
        },
      }
      calls.push(entry)
      if (honorAbort) signal?.addEventListener('abort', () => entry.reject(signal.reason))
    })
  const streams: Array<{
    args: unknown[]
    push(event: AssistantEvent): void
    end(error?: unknown): void
    signal: AbortSignal | undefined
  }> = []
  const api: InsetApi = {
    getDashboard: (id, options) => call<DashboardDefinition>('dashboard', [id], options),
    queryTile: (dashboardId, tileId, request, options) =>
      call<QueryResult>('tile', [dashboardId, tileId, request], options),
    getSuggestions: (dashboardId, options) =>
      call<{ suggestions: string[] }>('suggestions', [dashboardId], options),
    loadDashboard: (dashboardId, request, options) =>
      call<DashboardLoad>('load', [dashboardId, request], options),
    exportTile: (dashboardId, tileId, request, options) =>
      call<Blob>('export', [dashboardId, tileId, request], options),
    ask(request, options) {
      const queue: AssistantEvent[] = []
      let wake: (() => void) | undefined
      let ended = false
      let failure: unknown
      const signal = options?.signal
      const stream = {
        args: [request],
        signal,
        push(event: AssistantEvent) {
          queue.push(event)
          wake?.()
        },
        end(error?: unknown) {
          ended = true
          failure = error
          wake?.()
        },
      }
      streams.push(stream)
      signal?.addEventListener('abort', () => stream.end(signal.reason))
      return (async function* () {
        for (;;) {
          if (queue.length) yield queue.shift()!
          else if (ended) {
            if (failure) throw failure
            return
          } else
            await new Promise<void>((resolve) => {
              wake = resolve
            })
        }
      })()
    },
  }
  const pending = (kind?: PendingCall['kind']) =>
    calls.filter((entry) => (!kind || entry.kind === kind) && !entry.settled)
  return { api, calls, streams, pending }
}

export const salesOverview: DashboardDefinition = {
  id: 'sales-overview',
  title: 'Sales overview',
  filters: [
    {
      id: 'date',
      type: 'date_range',
      label: 'Date',
      dimension: 'order_date',
      default: { from: '2026-01-01' },
    },
    {
      id: 'region',
      type: 'select',
      label: 'Region',
      dimension: 'region',
      multiple: true,
      options: ['EU', 'NA'],
    },
  ],
  tiles: [
    { id: 'revenue', title: 'Revenue', kind: 'kpi', layout: { w: 3, h: 1 } },
    { id: 'by-category', title: 'By category', kind: 'breakdown', layout: { w: 6, h: 3 } },
  ],
}

export function resultOf(value: number): QueryResult {
  return {
    columns: [{ name: 'value', label: 'Value', type: 'number', role: 'measure' }],
    rows: [[value]],
    meta: { rowCount: 1, durationMs: 1 },
  }
}
