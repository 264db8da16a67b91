import type { DashboardSnapshot, DashboardState, DrillValue, FilterOrigin } from './dashboard'
import type { InsetError } from './errors'
import type { DashboardDefinition, Filters } from './wire'

/**
 * What a change of a dashboard's snapshot means to the host, keyed like the elements' events
 * (`ready` is `inset-ready`, `filterChange` is `inset-filter-change`).
 */
export type DashboardEvent =
  | { type: 'stateChange'; state: Exclude<DashboardState, 'destroyed'> }
  | { type: 'ready'; definition: DashboardDefinition }
  /** The dashboard failed as a whole (no `tileId`), or one tile did. */
  | { type: 'error'; error: InsetError; tileId?: string }
  /** The filters changed after load; not sent for the defaults applied when a definition loads. */
  | { type: 'filterChange'; filters: Filters; origin: FilterOrigin }
  /** A tile was drilled into or back up: the values chosen along its path (empty: the top). */
  | { type: 'drillChange'; tileId: string; drill: ReadonlyArray<DrillValue> }

/**
 * The events one snapshot change means, in the order to send them. `<inset-dashboard>` sends
 * these as DOM events; headless hooks of every binding call their callbacks from the same list.
 *
 * @example
 * let previous = dashboard.getSnapshot()
 * dashboard.subscribe((next) => {
 *   for (const event of dashboardEvents(previous, next)) console.log(event.type)
 *   previous = next
 * })
 */
export function dashboardEvents(
  previous: DashboardSnapshot | undefined,
  next: DashboardSnapshot,
): DashboardEvent[] {
  const events: DashboardEvent[] = []
  if (next.state === 'destroyed') return events
  if (previous?.state !== next.state) {
    events.push({ type: 'stateChange', state: next.state })
    if (next.state === 'error' && next.error) events.push({ type: 'error', error: next.error })
  }
  if (next.definition && !previous?.definition)
    events.push({ type: 'ready', definition: next.definition })
  // Core makes a new filters object only for new values; with a new definition it is the
  // definition's defaults applied at (re)load, which nobody changed.
  if (previous && previous.filters !== next.filters && previous.definition === next.definition)
    events.push({ type: 'filterChange', filters: next.filters, origin: next.filterOrigin ?? 'api' })
  if (previous && previous.drill !== next.drill)
    for (const tileId of new Set([...Object.keys(previous.drill), ...Object.keys(next.drill)]))
      if (previous.drill[tileId] !== next.drill[tileId])
        events.push({ type: 'drillChange', tileId, drill: next.drill[tileId] ?? [] })
  for (const [tileId, tile] of Object.entries(next.tiles)) {
    if (tile.status === 'error' && tile.error && previous?.tiles[tileId]?.error !== tile.error)
      events.push({ type: 'error', error: tile.error, tileId })
  }
  return events
}
