import type { ChartModule } from './chart-types'

let pending: Promise<ChartModule> | undefined

/** Imports the chart chunk on first use; later callers share the same promise. */
export function loadChartModule(): Promise<ChartModule> {
  pending ??= import('../tiles/chart-tile').catch((error: unknown) => {
    pending = undefined
    throw error
  })
  return pending
}
