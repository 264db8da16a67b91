import {
  defineInsetElements,
  elementProperties,
  eventKey,
  INSET_ELEMENTS,
  type InsetTag,
} from '@inset/elements'
import type { Attachment } from 'svelte/attachments'
import { getInsetContext } from './context.svelte.js'

type Props = Record<string, unknown>
type Handler = (event: Event) => void

/** An element wired to the context's instance: host attributes to spread, and the attachment. */
export interface InsetElementBinding<Tag extends InsetTag> {
  /** The props that are not the element's own (`id`, `class`, `style`, `aria-*`, …). */
  readonly host: Props
  /** Sets the element's properties and calls the callback props of its events. */
  readonly attach: Attachment<HTMLElementTagNameMap[Tag]>
}

/**
 * The one wiring behind `<InsetDashboard>` and `<InsetAssistant>`, from the elements' table:
 * properties (and the context's `inset`) are written as element properties, never attributes,
 * and one listener per event of the table calls the latest callback prop. Call it while the
 * component initialises.
 */
export function insetElement<Tag extends InsetTag>(
  tag: Tag,
  props: () => Props,
): InsetElementBinding<Tag> {
  const inset = getInsetContext()
  // Before Svelte creates the element, so it is born upgraded; a no-op on the server.
  defineInsetElements()
  const properties: string[] = elementProperties(tag, { connection: false })
  const own = new Set(properties)
  // `inset-filter-change` → `onfilterchange`.
  const events = INSET_ELEMENTS[tag].events.map((name) => {
    const callback = `on${eventKey(name).toLowerCase()}`
    own.add(callback)
    return [name, callback] as const
  })

  return {
    get host() {
      return Object.fromEntries(Object.entries(props()).filter(([name]) => !own.has(name)))
    },
    attach: (element) => {
      // Listeners first: setting a property may send an event at once (e.g. `filters`).
      const listening = new AbortController()
      for (const [name, callback] of events)
        element.addEventListener(
          name,
          (event) => (props()[callback] as Handler | undefined)?.(event),
          listening,
        )
      // The context's instance never changes while the element exists.
      element.inset = inset
      // A child effect: a new prop value updates the element without listening anew. Only what
      // changed since the last write is written, so that the element keeps what the user chose.
      const written: Props = {}
      $effect.pre(() => {
        const values = props()
        for (const name of properties) {
          const value = values[name]
          if (name in written ? written[name] === value : value === undefined) continue
          written[name] = value
          ;(element as unknown as Props)[name] = value
        }
      })
      return () => listening.abort()
    },
  }
}
