import { lazy } from '../lazy'
import type { ChartModule } from './chart-types'

/** Imports the chart chunk (uPlot and the chart tile) on first use. */
export const loadChartModule: () => Promise<ChartModule> = lazy(() => import('../tiles/chart-tile'))
