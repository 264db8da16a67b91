import { dimensionRange } from '../semantic/dimension-values'
import type { SemanticModel } from '../semantic/model'
import type { QueryContext } from '../semantic/run-query'
import { addDays, todayOf } from './time/calendar'

/** `assistant.referenceDate` value that anchors "today" where the data ends. */
export const END_OF_DATA = 'end-of-data'

/**
 * "Today" for relative periods ("last quarter", "last 30 days"), as `YYYY-MM-DD` (UTC): the
 * configured date; the real date; or, with `end-of-data`, the day after the last date of the
 * dataset's default time dimension that the asker may see, when that comes before the real date.
 * Data that stops (a demo, a snapshot) then answers as on the morning after its last day, however
 * long ago that was; live data answers as of today.
 *
 * @example
 * await referenceDateFor(ctx, dataset, new Date()) // '2026-11-01' for data ending 2026-10-31
 */
export async function referenceDateFor(
  ctx: QueryContext,
  dataset: SemanticModel['datasets'][string],
  now: Date,
  signal?: AbortSignal,
): Promise<string> {
  const configured = ctx.runtime.config.assistant.referenceDate
  const today = todayOf(now)
  if (configured === undefined) return today
  if (configured !== END_OF_DATA) return configured
  const dimension = dataset.defaultTimeDimension
  if (dimension === undefined) return today
  const { max } = await dimensionRange(ctx, dataset.name, dimension, signal ? { signal } : {})
  if (max === undefined) return today
  const afterData = addDays(max.slice(0, 10), 1)
  // biome-ignore lint/complexity/useMathMinMax: ISO dates, compared as strings
  return afterData < today ? afterData : today
}
