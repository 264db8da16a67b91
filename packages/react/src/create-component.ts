import {
  defineInsetElements,
  INSET_EVENTS,
  type InsetEvent,
  type InsetEventHandlerName,
  type InsetEventName,
  type InsetThemeInput,
} from '@inset/elements'
import {
  type CSSProperties,
  createElement,
  type ForwardRefExoticComponent,
  forwardRef,
  type HTMLAttributes,
  type RefAttributes,
  useImperativeHandle,
  useRef,
} from 'react'
import { useInsetContext } from './context'
import { useClientLayoutEffect } from './use-owned'

type InsetTag = 'inset-dashboard' | 'inset-assistant'

/** The events the element `Tag` sends, by name. */
type EventsOf<Tag extends InsetTag> = {
  [N in InsetEventName]: Tag extends (typeof INSET_EVENTS)[N]['elements'][number] ? N : never
}[InsetEventName]

/** Callback props of an element's events, from the elements' table: `{ onReady?, onError?, … }`. */
export type InsetEventProps<Tag extends InsetTag> = {
  [N in EventsOf<Tag> as InsetEventHandlerName<N>]?: (event: InsetEvent<N>) => void
}

/** Props both elements share: how they look and format. */
export interface InsetElementProps {
  /** `light`, `dark`, `auto` or an `InsetTheme`; defaults to the provider's. */
  theme?: InsetThemeInput
  /** BCP 47 locale of numbers and dates; defaults to the page's. */
  locale?: string
  /** ISO 4217 currency of money measures. Default `USD`. */
  currency?: string
}

/** What every component passes to its element as React usually does: id, class, style, aria-*, … */
export type InsetHostProps<Own> = Omit<
  HTMLAttributes<HTMLElement>,
  keyof Own | 'children' | 'dangerouslySetInnerHTML' | 'className' | 'style'
> & { className?: string; style?: CSSProperties }

/** A component over an Inset element: its ref is the element itself. */
export type InsetComponent<Tag extends InsetTag, Props> = ForwardRefExoticComponent<
  Props & RefAttributes<HTMLElementTagNameMap[Tag]>
>

/**
 * The one wrapper behind `<InsetDashboard>` and `<InsetAssistant>`: renders the custom element,
 * writes `properties` (plus the provider's `inset` and `theme`) as element properties in a layout
 * effect, and listens once per event of the elements' table, calling the latest callback prop.
 */
export function createInsetComponent<Tag extends InsetTag, Props extends object>(
  tag: Tag,
  properties: ReadonlyArray<keyof Props & string>,
  displayName: string,
): InsetComponent<Tag, Props> {
  const events = Object.entries(INSET_EVENTS).filter(([, { elements }]) =>
    (elements as readonly string[]).includes(tag),
  )
  const own = new Set<string>([...properties, 'theme', ...events.map(([, e]) => e.handler)])

  const component = forwardRef<HTMLElementTagNameMap[Tag], Props>((props, ref) => {
    const { inset, theme } = useInsetContext()
    // Before React creates the element, so it is born upgraded; a no-op on the server.
    defineInsetElements()
    const element = useRef<HTMLElementTagNameMap[Tag]>(null)
    const latest = useRef(props as Record<string, unknown>)
    useImperativeHandle(ref, () => element.current!, [])

    // Listeners first: setting a property may send an event at once (e.g. `filters`).
    useClientLayoutEffect(() => {
      const target = element.current!
      const listeners = events.map(([name, { handler }]) => {
        const listener = (event: Event) =>
          (latest.current[handler] as ((event: Event) => void) | undefined)?.(event)
        target.addEventListener(name, listener)
        return () => target.removeEventListener(name, listener)
      })
      return () => {
        for (const remove of listeners) remove()
      }
    }, [])

    useClientLayoutEffect(() => {
      latest.current = props as Record<string, unknown>
      const target = element.current as unknown as Record<string, unknown>
      const values: Record<string, unknown> = {
        ...props,
        inset,
        theme: (props as { theme?: unknown }).theme ?? theme,
      }
      for (const name of [...properties, 'theme', 'inset'])
        if (target[name] !== values[name]) target[name] = values[name]
    })

    // The element writes attributes of its own (`data-scheme`) before a server page hydrates.
    const host: Record<string, unknown> = { ref: element, suppressHydrationWarning: true }
    // React 18 writes `className` on a custom element as a `classname` attribute; `class` works in both.
    for (const [key, value] of Object.entries(props))
      if (!own.has(key)) host[key === 'className' ? 'class' : key] = value
    return createElement(tag, host)
  })
  component.displayName = displayName
  return component as InsetComponent<Tag, Props>
}
