import {
  formatTimelineEntry,
  type Inset,
  type InsetOptions,
  type InsetThemeInput,
  resolveColorScheme,
  type Timeline,
  toTheme,
} from '@inset/core'
import { elementAttributes, elementProperties, type InsetTag } from './element-table'
import type { FormatOptions } from './format'
import { type ConnectionLease, leaseConnection } from './shared-connections'
import { adoptStyles } from './styles/adopt'
import { derivedStyles, themeStyles } from './styles/tokens'

// Importing this module must work where no DOM exists (SSR): extend a stand-in there.
const HTMLElementBase = (
  typeof HTMLElement === 'undefined' ? class {} : HTMLElement
) as typeof HTMLElement

/** A boolean property set from HTML: present (`''`), `true`, anything but `false`/`'false'`. */
export const isOn = (value: boolean | string | null | undefined): boolean =>
  value != null && value !== false && value !== 'false'

const DARK_QUERY = '(prefers-color-scheme: dark)'
const themeCss = new Map<string, string>()

/**
 * What both elements share: how they connect (an `inset` instance, or `serverUrl` + `fetchToken`),
 * theme and locale, styles, and the lifecycle around `connectedCallback`.
 */
export abstract class InsetBaseElement extends HTMLElementBase {
  /** The element's row of `INSET_ELEMENTS`: its properties, attributes and events. */
  static tag: InsetTag

  static get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass being defined
    return Object.keys(elementAttributes(this.tag))
  }

  #inset: Inset | undefined
  #serverUrl: string | undefined
  #fetchToken: InsetOptions['fetchToken'] | undefined
  #theme: InsetThemeInput | undefined
  #tokenUrl: string | undefined
  #owned: ConnectionLease | undefined
  #media: MediaQueryList | undefined
  #stopTheme: (() => void) | undefined
  #updateQueued = false
  protected root: ShadowRoot | undefined

  /** A core instance from `createInset()`; wins over `serverUrl` + `fetchToken`. */
  get inset(): Inset | undefined {
    return this.#inset
  }
  set inset(value: Inset | undefined) {
    if (value === this.#inset) return
    this.#inset = value
    this.#followTheme()
    this.applyTheme()
    this.connectionChanged()
  }

  /** The Inset server's URL (attribute `server-url`); used with `fetchToken` when `inset` is unset. */
  get serverUrl(): string | undefined {
    return this.#serverUrl
  }
  set serverUrl(value: string | undefined) {
    if (value === this.#serverUrl) return
    this.#serverUrl = value || undefined
    this.connectionChanged()
  }

  /** Calls the host's backend for an embed token; see `createTokenSource`. */
  get fetchToken(): InsetOptions['fetchToken'] | undefined {
    return this.#fetchToken
  }
  set fetchToken(value: InsetOptions['fetchToken'] | undefined) {
    if (value === this.#fetchToken) return
    this.#fetchToken = value
    this.connectionChanged()
  }

  /**
   * The host's token endpoint (attribute `token-url`), for pages without script of their own: a
   * same-origin `GET` answering `{ token, expiresAt }` (as `@inset/node`'s handler does). Every
   * element with the same `server-url` and `token-url` shares one token source.
   */
  get tokenUrl(): string | undefined {
    return this.#tokenUrl
  }
  set tokenUrl(value: string | undefined) {
    if (value === this.#tokenUrl) return
    this.#tokenUrl = value || undefined
    this.connectionChanged()
  }

  /** `light`, `dark`, `auto` (attribute `theme`), or an `InsetTheme`; defaults to the instance's theme. */
  get theme(): InsetThemeInput | undefined {
    return this.#theme
  }
  set theme(value: InsetThemeInput | undefined) {
    this.#theme = value
    this.applyTheme()
  }

  /** BCP 47 locale for numbers and dates (attribute `locale`); defaults to the page's. */
  get locale(): string | undefined {
    return this.#locale
  }
  set locale(value: string | undefined) {
    this.#locale = value || undefined
    this.requestUpdate()
  }

  /** ISO 4217 currency of `currency` measures (attribute `currency`). Default `USD`. */
  get currency(): string | undefined {
    return this.#currency
  }
  set currency(value: string | undefined) {
    this.#currency = value || undefined
    this.requestUpdate()
  }

  #locale: string | undefined
  #currency: string | undefined
  #debug = false
  #printing: { timeline: Timeline; stop: () => void } | undefined

  /** Prints what the connection does to the console (attribute `debug`); see `inset.debug()`. */
  get debug(): boolean {
    return this.#debug
  }
  set debug(value: boolean | string | undefined) {
    // The attribute's presence turns it on: `debug`, `debug=""`.
    this.#debug = isOn(value)
    this.requestUpdate()
  }

  /** Follows the connection's timeline on the console while `debug` is on. */
  #syncDebug(): void {
    const timeline = this.#debug && this.isConnected ? this.connection?.timeline : undefined
    if (timeline === this.#printing?.timeline) return
    this.#printing?.stop()
    this.#printing = undefined
    if (!timeline) return
    const label = `[inset ${this.localName}${this.id ? `#${this.id}` : ''}]`
    const since = timeline.entries()[0]?.at
    for (const entry of timeline.entries()) console.debug(label, formatTimelineEntry(entry, since))
    const stop = timeline.subscribe((entry) =>
      console.debug(label, formatTimelineEntry(entry, since ?? entry.at)),
    )
    this.#printing = { timeline, stop }
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    const property = elementAttributes(this.#tag)[name]
    if (property) (this as Record<string, unknown>)[property] = value ?? undefined
  }

  /** The connection in use: `inset`, or the instance made from `serverUrl` + `fetchToken`. */
  get connection(): Inset | undefined {
    return this.#inset ?? this.#owned?.inset
  }

  get #tag(): InsetTag {
    return (this.constructor as typeof InsetBaseElement).tag
  }

  connectedCallback(): void {
    this.#followTheme()
    if (!this.root) {
      // Properties set before the element was defined are own properties that hide our setters.
      for (const name of elementProperties(this.#tag)) {
        if (!Object.hasOwn(this, name)) continue
        const value = (this as Record<string, unknown>)[name]
        delete (this as Record<string, unknown>)[name]
        ;(this as Record<string, unknown>)[name] = value
      }
      this.root = this.shadowRoot ?? this.attachShadow({ mode: 'open' })
      adoptStyles(this.root, derivedStyles)
      for (const css of this.styles()) adoptStyles(this.root, css)
    }
    this.applyTheme()
    this.requestUpdate()
  }

  disconnectedCallback(): void {
    this.#media?.removeEventListener('change', this.#onSchemeChange)
    this.#media = undefined
    this.#stopTheme?.()
    this.#stopTheme = undefined
    this.#printing?.stop()
    this.#printing = undefined
    // A move within the page disconnects and reconnects at once: keep state through it.
    queueMicrotask(() => {
      if (this.isConnected) return
      this.teardown()
      this.#owned?.release()
      this.#owned = undefined
    })
  }

  /** Stylesheets of the element, after the tokens. */
  protected abstract styles(): string[]
  /** Renders from the current properties; called at most once per microtask. */
  protected abstract update(): void
  /** Releases controllers; called when the element leaves the page. */
  protected abstract teardown(): void
  /** The color scheme changed: canvases must repaint. */
  protected schemeChanged(): void {}

  /** Schedules `update()` for the end of the current task. */
  protected requestUpdate(): void {
    if (this.#updateQueued) return
    this.#updateQueued = true
    queueMicrotask(() => {
      this.#updateQueued = false
      if (this.isConnected && this.root) this.update()
      this.#syncDebug()
    })
  }

  /** The inset instance changed: subclasses rebuild their controller. */
  protected connectionChanged(): void {
    this.requestUpdate()
  }

  /**
   * The core instance to use: `inset`, or the page's shared one for `serverUrl` with `fetchToken`
   * (or `tokenUrl`), held while this element uses it.
   */
  protected resolveInset(): Inset | undefined {
    if (this.#inset) return this.#inset
    const serverUrl = this.#serverUrl
    const source = this.#fetchToken ?? this.#tokenUrl
    const owned = this.#owned
    if (owned && owned.serverUrl === serverUrl && owned.source === source) return owned.inset
    owned?.release()
    this.#owned = undefined
    if (!serverUrl || !source) return undefined
    this.#owned = leaseConnection(serverUrl, source)
    return this.#owned.inset
  }

  /** Locale and currency for formatting. */
  protected formatOptions(): FormatOptions {
    return {
      locale: this.locale ?? (document.documentElement.lang || undefined),
      currency: this.currency,
    }
  }

  #onSchemeChange = () => this.applyTheme()

  /** Restyles when the instance's default theme changes (`inset.setTheme()`). */
  #followTheme(): void {
    this.#stopTheme?.()
    this.#stopTheme = this.isConnected
      ? this.#inset?.onThemeChange(this.#onSchemeChange)
      : undefined
  }

  /** Applies the theme's tokens and resolves `auto` against the page's preference. */
  protected applyTheme(): void {
    if (!this.root) return
    const theme = toTheme(this.#theme ?? this.#inset?.theme)
    const key = JSON.stringify(theme)
    let css = themeCss.get(key)
    if (css === undefined) {
      css = themeStyles(theme)
      themeCss.set(key, css)
    }
    adoptStyles(this.root, css, 'theme')
    if ((theme.mode ?? 'auto') === 'auto' && !this.#media && typeof matchMedia === 'function') {
      this.#media = matchMedia(DARK_QUERY)
      this.#media.addEventListener('change', this.#onSchemeChange)
    }
    const scheme = resolveColorScheme(theme, this.#media?.matches ?? false)
    if (this.dataset.scheme !== scheme) {
      this.dataset.scheme = scheme
      this.schemeChanged()
    }
  }
}
