import {
  defineInsetElements,
  elementProperties,
  eventKey,
  INSET_ELEMENTS,
  type InsetEventCallbacks,
  type InsetTag,
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
import { useInset } from './context'
import { useClientLayoutEffect } from './use-owned'

/** Callback props of an element's events, from the elements' table: `{ onReady?, onError?, … }`. */
export type InsetEventProps<Tag extends InsetTag> = InsetEventCallbacks<Tag>

/** `onFilterChange` for `inset-filter-change`. */
const handlerName = (event: string) => {
  const key = eventKey(event as 'inset-ready')
  return `on${key[0]!.toUpperCase()}${key.slice(1)}`
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
 * writes the element's properties from the elements' table (plus the provider's `inset`) as
 * element properties in a layout effect, and listens once per event of the table, calling the
 * latest callback prop.
 */
export function createInsetComponent<Tag extends InsetTag, Props extends object>(
  tag: Tag,
): InsetComponent<Tag, Props> {
  const properties: string[] = elementProperties(tag, { connection: false })
  const events = INSET_ELEMENTS[tag].events.map((name) => [name, handlerName(name)] as const)
  const own = new Set<string>([...properties, ...events.map(([, handler]) => handler)])

  const component = forwardRef<HTMLElementTagNameMap[Tag], Props>((props, ref) => {
    const inset = useInset()
    // Before React creates the element, so it is born upgraded; a no-op on the server.
    defineInsetElements()
    const element = useRef<HTMLElementTagNameMap[Tag]>(null)
    const latest = useRef(props as Record<string, unknown>)
    useImperativeHandle(ref, () => element.current!, [])

    // Listeners first: setting a property may send an event at once (e.g. `filters`).
    useClientLayoutEffect(() => {
      const target = element.current!
      const listeners = events.map(([name, handler]) => {
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
      const values: Record<string, unknown> = { ...props, inset }
      for (const name of [...properties, 'inset'])
        if (target[name] !== values[name]) target[name] = values[name]
    })

    // The element writes attributes of its own (`data-scheme`) before a server page hydrates.
    const host: Record<string, unknown> = { ref: element, suppressHydrationWarning: true }
    // React 18 writes `className` on a custom element as a `classname` attribute; `class` works in both.
    for (const [key, value] of Object.entries(props))
      if (!own.has(key)) host[key === 'className' ? 'class' : key] = value
    return createElement(tag, host)
  })
  component.displayName = INSET_ELEMENTS[tag].component
  return component as InsetComponent<Tag, Props>
}
