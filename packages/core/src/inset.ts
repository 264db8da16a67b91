import { createApiClient, type InsetApi, segment } from './api'
import {
  type AssistantController,
  type AssistantOptions,
  createAssistantController,
} from './assistant'
import {
  type ControllerContext,
  createDashboardController,
  type DashboardController,
  type DashboardOptions,
} from './dashboard'
import { createEmitter } from './emitter'
import { InsetError } from './errors'
import { type InsetTheme, type InsetThemeInput, toTheme } from './theme'
import { createTimeline, type Timeline, type TimelineEntry } from './timeline'
import { defaultScheduler, type Scheduler, sameValue } from './timing'
import { createTokenSource, type TokenSource, type TokenSourceOptions } from './token-source'

export interface InsetOptions {
  /** The Inset server, e.g. `https://inset.example.com`. */
  serverUrl: string
  /** Calls your backend for an embed token (a token source is made for you)... */
  fetchToken?: TokenSourceOptions['fetchToken']
  /** ...or a token source you made with `createTokenSource()` and may share. */
  tokens?: TokenSource
  fetch?: typeof fetch
  /** Timeout of each request to the Inset server. Default 30 s. */
  timeoutMs?: number
  /** The default theme of every element using this instance; change it with `setTheme()`. */
  theme?: InsetThemeInput
  /** One token refresh for this origin's tabs of the same identity; see `createTokenSource`. */
  shareAcrossTabs?: TokenSourceOptions['shareAcrossTabs']
  /**
   * Load a dashboard's definition with its tiles' first results in one request (`POST …/load`: one
   * CORS preflight, no definition → tiles waterfall). Default true; when the server answers that
   * route 404 (an older server), this connection falls back to the definition, then each tile.
   * `false` always loads the definition, then each tile.
   */
  loadInOneRequest?: boolean
  scheduler?: Scheduler
  random?: () => number
}

/** One configuration: a token source, an API client and the controllers made from them. */
export interface Inset {
  readonly serverUrl: string
  readonly tokens: TokenSource
  readonly api: InsetApi
  /**
   * The default theme of every element and component using this instance (an element's own
   * `theme` wins). The one theme channel: bindings' providers set it, elements follow it.
   */
  readonly theme: InsetTheme | undefined
  /**
   * Changes the default theme; elements using this instance restyle at once.
   *
   * @example inset.setTheme('dark')
   */
  setTheme(theme: InsetThemeInput | undefined): void
  /** Calls `listener` after each `setTheme()` that changed the theme; returns the unsubscribe. */
  onThemeChange(listener: (theme: InsetTheme | undefined) => void): () => void
  dashboard(id: string, options?: DashboardOptions): DashboardController
  assistant(options?: AssistantOptions): AssistantController
  /** What this configuration did (token fetches, refreshes, skew, replays, failures): never a token. */
  readonly timeline: Timeline
  /**
   * The timeline's entries, oldest first, for a bug report or the console.
   *
   * @example console.table(inset.debug())
   */
  debug(): TimelineEntry[]
  /** Destroys every controller made here, and the token source if this made it. */
  destroy(): void
}

/**
 * Creates an Inset configuration.
 *
 * @example
 * const inset = createInset({
 *   serverUrl: 'https://inset.example.com',
 *   fetchToken: ({ signal }) => fetch('/api/inset-token', { signal }),
 * })
 * const dashboard = inset.dashboard('sales-overview')
 */
export function createInset(options: InsetOptions): Inset {
  const { serverUrl, scheduler = defaultScheduler, random = Math.random } = options ?? {}
  let theme = options?.theme ? toTheme(options.theme) : undefined
  const themeChanges = createEmitter<InsetTheme | undefined>()
  if (typeof serverUrl !== 'string' || !/^https?:\/\/[^/]/.test(serverUrl)) {
    throw new InsetError('bad_request', 'serverUrl must be an http(s) URL')
  }
  const timeline = createTimeline()
  const tokens =
    options.tokens ??
    // Without `tokens`, a missing `fetchToken` is refused here.
    createTokenSource({
      fetchToken: options.fetchToken!,
      scheduler,
      random,
      timeline,
      ...(options.shareAcrossTabs && { shareAcrossTabs: options.shareAcrossTabs }),
    })
  const api = createApiClient({ ...options, tokens, scheduler })
  const context: ControllerContext = {
    api,
    tokens,
    scheduler,
    random,
    timeline,
    loadInOneRequest: options.loadInOneRequest ?? true,
  }
  const live = new Set<{ destroy(): void }>()

  function track<T extends { destroy(): void }>(controller: T): T {
    const { destroy } = controller
    live.add(controller)
    controller.destroy = () => {
      live.delete(controller)
      destroy()
    }
    return controller
  }

  return {
    serverUrl,
    tokens,
    api,
    get theme() {
      return theme
    },
    setTheme(next) {
      const value = next ? toTheme(next) : undefined
      if (sameValue(value, theme)) return
      theme = value
      themeChanges.emit(theme)
    },
    onThemeChange: themeChanges.subscribe,
    timeline,
    debug: timeline.entries,
    dashboard(id, dashboardOptions) {
      segment(id, 'dashboard id')
      return track(createDashboardController(context, id, dashboardOptions))
    },
    assistant: (assistantOptions) => track(createAssistantController(context, assistantOptions)),
    destroy() {
      for (const controller of [...live]) controller.destroy()
      themeChanges.clear()
      if (!options.tokens) tokens.destroy()
    },
  }
}
