import type { InsetApi } from './api'
import { createEmitter } from './emitter'
import { type InsetError, isTransientError, toInsetError, wireError } from './errors'
import type { Timeline } from './timeline'
import { abortable, backoffDelay, type Scheduler, sameValue } from './timing'
import type { TokenSource } from './token-source'
import type { DashboardDefinition, Filters, QueryResult } from './wire'

export type DashboardState =
  | 'idle'
  | 'authenticating'
  | 'loading'
  | 'ready'
  | 'updating'
  | 'error'
  | 'destroyed'

export type TileStatus = 'idle' | 'loading' | 'ready' | 'updating' | 'error'

export interface TileSnapshot {
  status: TileStatus
  /** The latest result; kept while updating and after a failed update. */
  data?: QueryResult
  error?: InsetError
}

/** Immutable; a new object only when something changed (fit for `useSyncExternalStore`). */
export interface DashboardSnapshot {
  state: DashboardState
  definition?: DashboardDefinition
  /** The filters in effect: the definition's defaults overlaid with yours. */
  filters: Filters
  /**
   * Who made the last change of `filters`: `user` (a filter bar, a click), `api` (`setFilters`,
   * `setOptions`); absent while they are what the dashboard started with.
   */
  filterOrigin?: FilterOrigin
  tiles: Readonly<Record<string, TileSnapshot>>
  /** Values chosen along each drilled tile's drill path, outermost first. */
  drill: Readonly<Record<string, ReadonlyArray<DrillValue>>>
  /** The point a cross-filter was set from; that tile still shows every point, this one marked. */
  selection?: CrossFilterSelection
  /** Why the dashboard as a whole failed (token, definition); tile failures sit on the tile. */
  error?: InsetError
  /**
   * Someone listens for `askAbout` (a linked assistant, a host's `onAskAbout`): the elements offer
   * "Ask about this" on each tile while it is true.
   */
  canAskAbout?: boolean
}

/** What `askAbout(tileId)` tells its listeners: the tile, its title and the filters in effect. */
export interface AskAboutRequest {
  tileId: string
  tileTitle: string
  filters: Filters
}

/** A value of a point along a drill path or of a cross-filter, e.g. `'Hardware'`. */
export type DrillValue = string | number

/** Which tile's point set which filter to what. */
export interface CrossFilterSelection {
  tileId: string
  filterId: string
  value: DrillValue
}

/** Who changed the filters: the person using the dashboard, or the host's code. */
export type FilterOrigin = 'user' | 'api'

export interface SetFiltersOptions {
  /** Default `api`; a UI acting for the person using it passes `user`. */
  origin?: FilterOrigin
}

export interface DashboardOptions {
  /** Filters to start with; a later `setOptions({ filters })` with different ones replaces them. */
  filters?: Filters
}

/** The state of one embedded dashboard. Work starts with the first subscriber, stops after the last. */
export interface DashboardController {
  readonly id: string
  subscribe(listener: (snapshot: DashboardSnapshot) => void): () => void
  getSnapshot(): DashboardSnapshot
  /** Merges `{ region: ['EU'] }` into the filters (`undefined` removes one), or maps them with a function. */
  setFilters(next: Filters | ((current: Filters) => Filters), options?: SetFiltersOptions): void
  /** Back to the definition's default filters. */
  resetFilters(options?: SetFiltersOptions): void
  /**
   * Cross-filtering: sets the tile's `crossFilter` filter to `value` (every other tile follows),
   * or clears it when the same point is activated again. Origin `user`.
   */
  toggleCrossFilter(tileId: string, value: DrillValue): void
  /** Narrows a tile to `value` and shows the next level of its drill path. */
  drillTo(tileId: string, value: DrillValue): void
  /** Goes back `levels` (default 1; `Infinity` for the top) along a tile's drill path. */
  drillUp(tileId: string, levels?: number): void
  /**
   * The tile's full result with the current filters and drill, as CSV (needs the token scope
   * `export`, see `definition.canExport`).
   *
   * @example const blob = await dashboard.exportCsv('top-products', { bom: true })
   */
  exportCsv(tileId: string, options?: { bom?: boolean; signal?: AbortSignal }): Promise<Blob>
  setOptions(options: DashboardOptions): void
  /**
   * "Ask about this": tells every `onAskAbout` listener (a linked assistant sets the tile as the
   * context of its next questions) about a tile of the loaded definition. Unknown tiles are ignored.
   *
   * @example
   * const chat = inset.assistant({ dashboard })
   * dashboard.askAbout('revenue-by-category')
   * await chat.ask('break this down by channel') // sent with context.tileId
   */
  askAbout(tileId: string): void
  /**
   * Listens for `askAbout`, e.g. to open a host's own assistant UI; returns the unsubscribe.
   * While anyone listens, `snapshot.canAskAbout` is true.
   *
   * @example dashboard.onAskAbout(({ tileId, tileTitle, filters }) => openMyChat(tileTitle, filters))
   */
  onAskAbout(listener: (request: AskAboutRequest) => void): () => void
  /** Fetches the definition and every tile again, showing the current data meanwhile. */
  refresh(): void
  /** Fetches again only what failed. */
  retry(): void
  destroy(): void
}

export interface ControllerContext {
  api: InsetApi
  tokens: TokenSource
  scheduler: Scheduler
  random: () => number
  timeline?: Timeline
  /**
   * Load the definition with every tile's first result in one request (`POST …/load`) instead of
   * the definition, then each tile (`createInset({ loadInOneRequest })`, default true). Turned off
   * for the connection when the server has no such route (an older server answers it 404).
   */
  loadInOneRequest?: boolean
}

type LoadMode = 'all' | 'failed' | 'refresh'

/**
 * The filters a definition starts with: each filter's `default`.
 *
 * @example defaultFilters(definition) // { date: { from: '2026-01-01' } }
 */
export function defaultFilters(definition: DashboardDefinition | undefined): Filters {
  const defaults: Filters = {}
  for (const filter of definition?.filters ?? [])
    if (filter.default !== undefined) defaults[filter.id] = filter.default
  return defaults
}

/**
 * Whether `filters` are the definition's defaults (an absent filter and `null` are the same), e.g.
 * to hide a "clear filters" button.
 */
export function filtersAreDefault(
  definition: DashboardDefinition | undefined,
  filters: Filters,
): boolean {
  const defaults = defaultFilters(definition)
  return (definition?.filters ?? []).every((filter) =>
    sameValue(filters[filter.id] ?? null, defaults[filter.id] ?? null),
  )
}

/** The definition's default filters overlaid with `filters`. */
const withDefaults = (definition: DashboardDefinition | undefined, filters: Filters): Filters => ({
  ...defaultFilters(definition),
  ...filters,
})

/** A tile whose query failed, still showing the data it had. */
const failedTile = (error: InsetError, data?: QueryResult): TileSnapshot =>
  data ? { status: 'error', data, error } : { status: 'error', error }

/** The filters without `undefined` values. */
const clean = (filters: Filters): Filters =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined))

/**
 * Creates a dashboard controller; usually through `inset.dashboard(id, options)`.
 *
 * @example
 * const dashboard = inset.dashboard('sales-overview', { filters: { region: ['EU'] } })
 * const stop = dashboard.subscribe((snapshot) => render(snapshot))
 * dashboard.setFilters({ channel: ['online'] })
 */
export function createDashboardController(
  context: ControllerContext,
  id: string,
  options: DashboardOptions = {},
): DashboardController {
  const { api, tokens, scheduler, random, timeline } = context
  let optionFilters = options.filters
  let snapshot: DashboardSnapshot = {
    state: 'idle',
    filters: clean(options.filters ?? {}),
    tiles: {},
    drill: {},
  }
  let generation = 0
  let inFlight: AbortController | undefined
  let retryTimer: unknown
  let retryAttempt = 0
  /** The data on screen no longer matches the filters (or was never loaded). */
  let stale = true
  let stopTokens = () => {}
  const changes = createEmitter<DashboardSnapshot>({ onFirst: start, onLast: stop })
  const listened = (canAskAbout: boolean) => () => update({ canAskAbout })
  const asks = createEmitter<AskAboutRequest>({ onFirst: listened(true), onLast: listened(false) })
  const destroyed = () => snapshot.state === 'destroyed'

  function update(patch: Partial<DashboardSnapshot>) {
    if (destroyed()) return
    snapshot = { ...snapshot, ...patch }
    changes.emit(snapshot)
  }

  function cancel() {
    generation++
    inFlight?.abort()
    inFlight = undefined
    scheduler.clearTimeout(retryTimer)
    retryTimer = undefined
  }

  /** Marks the tiles about to be queried: `updating` where there is data, `loading` elsewhere. */
  function mark(definition: DashboardDefinition | undefined, mode: LoadMode, only?: string) {
    const tiles = { ...snapshot.tiles }
    const queried = (definition?.tiles ?? []).filter((tile) =>
      only ? tile.id === only : mode !== 'failed' || tiles[tile.id]?.status !== 'ready',
    )
    for (const { id } of queried) {
      const data = tiles[id]?.data
      tiles[id] = data ? { status: 'updating', data } : { status: 'loading' }
    }
    update({
      state: Object.values(tiles).some((tile) => tile.data)
        ? 'updating'
        : tokens.getSnapshot().status === 'fresh'
          ? 'loading'
          : 'authenticating',
      error: undefined,
      tiles,
    })
    return queried
  }

  /** What one tile is queried with: the filters (less the cross-filter it set) and its drill. */
  function requestFor(tileId: string) {
    const { selection, filters } = snapshot
    const drill = snapshot.drill[tileId]
    return {
      filters:
        selection?.tileId === tileId
          ? Object.fromEntries(Object.entries(filters).filter(([id]) => id !== selection.filterId))
          : filters,
      ...(drill?.length && { drill: [...drill] }),
    }
  }

  async function load(mode: LoadMode, only?: string) {
    if (destroyed()) return
    // One tile's load (a drill) only while nothing else is on its way.
    if (only && inFlight) only = undefined
    cancel()
    const mine = generation
    const abort = new AbortController()
    inFlight = abort
    const { signal } = abort
    const current = () => mine === generation
    let { definition } = snapshot
    let queried = mark(definition, mode, only)
    timeline?.record('dashboard', 'load', { id, mode, tile: only })
    /** A failure that may pass: the dashboard tries again after a backoff. */
    let transient: InsetError | undefined
    try {
      await abortable(tokens.getToken(), signal)
      if (!definition || mode === 'refresh') {
        if (snapshot.state === 'authenticating') update({ state: 'loading' })
        // One round trip for everything, unless a cross-filter asks for per-tile filters.
        const together = context.loadInOneRequest && !snapshot.selection
        const loaded = together
          ? await api
              .loadDashboard(
                id,
                {
                  filters: snapshot.filters,
                  drill: snapshot.drill as Record<string, DrillValue[]>,
                },
                { signal },
              )
              .catch((caught) => {
                // 404: no such dashboard, or an older server without the route (the definition
                // below tells which).
                if ((caught as InsetError).code !== 'not_found') throw caught
              })
          : undefined
        definition = loaded?.definition ?? (await api.getDashboard(id, { signal }))
        // The dashboard exists but `…/load` did not: definition, then tiles from now on.
        if (together && !loaded) context.loadInOneRequest = false
        if (!current()) return
        update({
          definition,
          filters: withDefaults(definition, snapshot.filters),
          drill: keptDrill(definition),
        })
        queried = mark(definition, mode)
        if (loaded) {
          const tiles = { ...snapshot.tiles }
          for (const tile of queried) {
            const answer = loaded.tiles[tile.id] ?? {
              error: { code: 'server', message: `No result for tile "${tile.id}"` },
            }
            if ('data' in answer) tiles[tile.id] = { status: 'ready', data: answer.data }
            else {
              const error = wireError(answer.error)
              if (isTransientError(error)) transient = error
              tiles[tile.id] = failedTile(error, tiles[tile.id]?.data)
            }
          }
          update({ tiles })
          queried = []
        }
      }
      await Promise.all(
        queried.map(async (tile) => {
          let next: TileSnapshot
          try {
            next = {
              status: 'ready',
              data: await api.queryTile(id, tile.id, requestFor(tile.id), { signal }),
            }
          } catch (caught) {
            const error = toInsetError(caught)
            if (current())
              timeline?.record('dashboard', 'failed', { id, tile: tile.id, code: error.code })
            if (isTransientError(error)) transient = error
            next = failedTile(error, snapshot.tiles[tile.id]?.data)
          }
          // An answer to superseded filters is dropped, even when it arrives last.
          if (current()) update({ tiles: { ...snapshot.tiles, [tile.id]: next } })
        }),
      )
      if (!current()) return
      inFlight = undefined
      stale = false
      update({ state: 'ready' })
      if (!transient) retryAttempt = 0
    } catch (caught) {
      if (!current()) return
      inFlight = undefined
      const error = toInsetError(caught)
      timeline?.record('dashboard', 'failed', { id, code: error.code })
      update({ state: 'error', error })
      if (isTransientError(error)) transient = error
    }
    if (transient) {
      const delay = Math.max(
        backoffDelay(retryAttempt++, 1_000, 30_000, random),
        transient.retryAfter ?? 0,
      )
      retryTimer = scheduler.setTimeout(() => load('failed'), delay)
      timeline?.record('dashboard', 'retry', { id, inMs: Math.round(delay) })
    }
  }

  function start() {
    // Recover at once when another component obtained a token while this one was waiting to retry.
    stopTokens = tokens.subscribe((token) => {
      if (token.status === 'fresh' && retryTimer !== undefined) load('failed')
    })
    const { definition, state, tiles } = snapshot
    if (stale || !definition) load(definition ? 'all' : 'refresh')
    else if (state !== 'ready' || Object.values(tiles).some((tile) => tile.status !== 'ready')) {
      load('failed')
    }
  }

  function stop() {
    if (inFlight) stale = true
    cancel()
    stopTokens()
  }

  /** Drill values of tiles that still have a path as long, in a new definition. */
  function keptDrill(definition: DashboardDefinition) {
    const drill: Record<string, ReadonlyArray<DrillValue>> = {}
    for (const [tileId, values] of Object.entries(snapshot.drill)) {
      const path = definition.tiles.find((tile) => tile.id === tileId)?.drill
      if (path && values.length < path.length) drill[tileId] = values
    }
    return sameValue(drill, snapshot.drill) ? snapshot.drill : drill
  }

  /** The selection still holds while its filter has the value it set. */
  const selectionHolds = (filters: Filters) => {
    const { selection } = snapshot
    const value = selection && filters[selection.filterId]
    return selection && (value === selection.value || sameValue(value, [selection.value]))
      ? selection
      : undefined
  }

  function setFilters(
    next: Filters | ((current: Filters) => Filters),
    { origin = 'api' }: SetFiltersOptions = {},
    selected?: CrossFilterSelection | null,
  ) {
    if (destroyed()) return
    const filters = clean(
      typeof next === 'function' ? next(snapshot.filters) : { ...snapshot.filters, ...next },
    )
    const selection = selected === undefined ? selectionHolds(filters) : (selected ?? undefined)
    if (sameValue(filters, snapshot.filters) && selection === snapshot.selection) return
    update({ filters, filterOrigin: origin, selection })
    stale = true
    if (changes.size) load(snapshot.definition ? 'all' : 'refresh')
  }

  function drill(tileId: string, values: ReadonlyArray<DrillValue>) {
    const next = { ...snapshot.drill }
    if (values.length) next[tileId] = values
    else delete next[tileId]
    update({ drill: next })
    if (changes.size) load('all', tileId)
    else stale = true
  }

  return {
    id,
    subscribe: changes.subscribe,
    getSnapshot: () => snapshot,
    setFilters,
    resetFilters: (options) => setFilters(() => defaultFilters(snapshot.definition), options),
    toggleCrossFilter(tileId, value) {
      const definition = snapshot.definition
      const filterId = definition?.tiles.find((tile) => tile.id === tileId)?.crossFilter
      const filter = definition?.filters.find((f) => f.id === filterId)
      if (!filterId || filter?.type !== 'select') return
      const { selection } = snapshot
      const again = selection?.tileId === tileId && selection.value === value
      setFilters(
        { [filterId]: again ? undefined : filter.multiple ? [value] : value } as Filters,
        { origin: 'user' },
        again ? null : { tileId, filterId, value },
      )
    },
    drillTo(tileId, value) {
      const path = snapshot.definition?.tiles.find((tile) => tile.id === tileId)?.drill
      const values = snapshot.drill[tileId] ?? []
      if (path && values.length < path.length - 1) drill(tileId, [...values, value])
    },
    drillUp(tileId, levels = 1) {
      const values = snapshot.drill[tileId]
      if (values?.length) drill(tileId, values.slice(0, Math.max(0, values.length - levels)))
    },
    exportCsv(tileId, { bom, signal } = {}) {
      timeline?.record('dashboard', 'export', { id, tile: tileId })
      return api.exportTile(id, tileId, { ...requestFor(tileId), ...(bom && { bom }) }, { signal })
    },
    setOptions({ filters }) {
      if (filters && !sameValue(filters, optionFilters)) {
        optionFilters = filters
        setFilters(() => withDefaults(snapshot.definition, filters))
      }
    },
    askAbout(tileId) {
      const tile = snapshot.definition?.tiles.find((t) => t.id === tileId)
      if (tile) asks.emit({ tileId, tileTitle: tile.title, filters: snapshot.filters })
    },
    onAskAbout: asks.subscribe,
    refresh() {
      retryAttempt = 0
      load('refresh')
    },
    retry() {
      retryAttempt = 0
      load(snapshot.definition ? 'failed' : 'refresh')
    },
    destroy() {
      if (destroyed()) return
      stop()
      update({ state: 'destroyed' })
      changes.clear()
      asks.clear()
    },
  }
}
