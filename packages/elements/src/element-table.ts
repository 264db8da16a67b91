import type {
  DashboardController,
  Filters,
  Inset,
  InsetOptions,
  InsetThemeInput,
} from '@inset/core'
import type { InsetEvent, InsetEventName } from './events'

/** One property of an element: its attribute (if it has one); `T` is its value's type. */
export interface InsetPropertySpec<T> {
  /** The attribute that sets it from HTML, e.g. `dashboard-id`. */
  readonly attribute?: string
  /** `connection` properties come from a binding's provider, not from a component's props. */
  readonly connection?: true
  /** Type only: never set at run time. */
  readonly type?: T
}

const prop = <T>(attribute?: string) => (attribute ? { attribute } : {}) as InsetPropertySpec<T>
const connectionProp = <T>(attribute?: string) =>
  ({ ...prop<T>(attribute), connection: true }) as InsetPropertySpec<T> & { connection: true }

/** How an element connects: given by a binding's provider/plugin/context, never by hand. */
const connection = {
  inset: connectionProp<Inset>(),
  serverUrl: connectionProp<string>('server-url'),
  fetchToken: connectionProp<InsetOptions['fetchToken']>(),
  tokenUrl: connectionProp<string>('token-url'),
} as const

/** How an element looks and formats. */
const appearance = {
  theme: prop<InsetThemeInput>('theme'),
  locale: prop<string>('locale'),
  currency: prop<string>('currency'),
  /** Prints the connection's timeline (token fetches, refreshes, failures) to the console. */
  debug: prop<boolean>('debug'),
} as const

/**
 * Every Inset element: its tag, component name, properties (with their types) and the events it
 * sends. The elements' own property plumbing and every framework binding derive from this table;
 * no binding lists a property or an event by hand.
 *
 * @example
 * for (const name of elementProperties('inset-dashboard')) element[name] = props[name]
 * for (const event of INSET_ELEMENTS['inset-dashboard'].events) element.addEventListener(event, …)
 */
export const INSET_ELEMENTS = {
  'inset-dashboard': {
    component: 'InsetDashboard',
    properties: {
      ...connection,
      ...appearance,
      /** The dashboard to show, e.g. `sales-overview`. */
      dashboardId: prop<string>('dashboard-id'),
      /** Filters over the definition's defaults; a new value (by content) replaces the user's choice. */
      filters: prop<Filters>(),
      /**
       * Offer "Ask about this" on every tile even without a linked assistant (attribute
       * `ask-about-tiles`): for a host that opens its own assistant on `inset-ask-about`.
       */
      askAboutTiles: prop<boolean>('ask-about-tiles'),
    },
    events: [
      'inset-ready',
      'inset-error',
      'inset-state-change',
      'inset-filter-change',
      'inset-data-point-click',
      'inset-drill-change',
      'inset-export',
      'inset-ask-about',
    ],
  },
  'inset-assistant': {
    component: 'InsetAssistant',
    properties: {
      ...connection,
      ...appearance,
      /** The `id` of an `<inset-dashboard>` on the page whose filters the assistant follows. */
      for: prop<string>('for'),
      /** A dashboard controller (e.g. from a headless hook) whose filters the assistant follows. */
      dashboard: prop<DashboardController>(),
      /** Ask about this dashboard's data without linking one. */
      dashboardId: prop<string>('dashboard-id'),
    },
    events: [
      'inset-ready',
      'inset-error',
      'inset-state-change',
      'inset-data-point-click',
      'inset-answer',
    ],
  },
} as const satisfies Record<
  string,
  {
    component: string
    properties: Record<string, InsetPropertySpec<unknown>>
    events: readonly InsetEventName[]
  }
>

/** `'inset-dashboard' | 'inset-assistant'`. */
export type InsetTag = keyof typeof INSET_ELEMENTS

type Specs<Tag extends InsetTag> = (typeof INSET_ELEMENTS)[Tag]['properties']
type ValueOf<S> = S extends InsetPropertySpec<infer T> ? T : never

/** Every property of an element with its type, e.g. `{ dashboardId?: string; filters?: Filters; … }`. */
export type InsetElementProperties<Tag extends InsetTag> = {
  -readonly [K in keyof Specs<Tag>]?: ValueOf<Specs<Tag>[K]>
}

/** Names of the properties a component passes through (all but the connection). */
export type InsetPropName<Tag extends InsetTag> = {
  [K in keyof Specs<Tag>]: Specs<Tag>[K] extends { connection: true } ? never : K
}[keyof Specs<Tag>] &
  string

/** The props a framework component takes for an element: its properties minus the connection. */
export type InsetElementProps<Tag extends InsetTag> = Pick<
  InsetElementProperties<Tag>,
  InsetPropName<Tag>
>

/** The events an element sends. */
export type InsetEventOf<Tag extends InsetTag> = (typeof INSET_ELEMENTS)[Tag]['events'][number]

/** `'inset-filter-change'` → `'filterChange'`: Angular's output, Vue's emit, the key bindings use. */
export type InsetEventKey<N extends InsetEventName> = N extends `inset-${infer Rest}`
  ? CamelCase<Rest>
  : never
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S

/** An element's events by key, each with its `CustomEvent` type: `{ ready: …; filterChange: … }`. */
export type InsetElementEvents<Tag extends InsetTag> = {
  [N in InsetEventOf<Tag> as InsetEventKey<N>]: InsetEvent<N>
}

/**
 * The component props of an element's events as `on` + key: React's `onFilterChange`; Svelte
 * lower-cases them (`onfilterchange`).
 */
export type InsetEventCallbacks<Tag extends InsetTag> = {
  [K in keyof InsetElementEvents<Tag> & string as `on${Capitalize<K>}`]?: (
    event: InsetElementEvents<Tag>[K],
  ) => void
}

/** `'inset-filter-change'` → `'filterChange'`, at run time. */
export function eventKey<N extends InsetEventName>(name: N): InsetEventKey<N> {
  return name.slice(6).replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as InsetEventKey<N>
}

/**
 * The names of an element's properties; `connection: false` leaves out `inset`, `serverUrl` and
 * `fetchToken` (what a component passes through).
 *
 * @example elementProperties('inset-dashboard', { connection: false }) // ['theme', 'locale', …]
 */
export function elementProperties<Tag extends InsetTag>(
  tag: Tag,
  options: { connection?: boolean } = {},
): Array<InsetPropName<Tag>> {
  const specs = INSET_ELEMENTS[tag].properties as Record<string, InsetPropertySpec<unknown>>
  return Object.keys(specs).filter(
    (name) => options.connection !== false || !specs[name]?.connection,
  ) as Array<InsetPropName<Tag>>
}

/** Attribute name → property name of an element, e.g. `{ 'dashboard-id': 'dashboardId' }`. */
export function elementAttributes(tag: InsetTag): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const [name, spec] of Object.entries(
    INSET_ELEMENTS[tag].properties as Record<string, InsetPropertySpec<unknown>>,
  ))
    if (spec.attribute) attributes[spec.attribute] = name
  return attributes
}
