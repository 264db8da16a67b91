import {
  defineInsetElements,
  elementProperties,
  eventKey,
  INSET_ELEMENTS,
  type InsetElementEvents,
  type InsetTag,
} from '@inset/elements'
import {
  type ComponentOptionsMixin,
  type ComputedOptions,
  type DefineComponent,
  defineComponent,
  type EmitsOptions,
  h,
  type MethodOptions,
  onActivated,
  onBeforeUnmount,
  onDeactivated,
  type ShallowRef,
  shallowRef,
  watchEffect,
} from 'vue'
import { useInset } from './context'
import { plain } from './use-controller'

/** The emits of an element's events, from the elements' table: `{ ready: (event) => void, … }`. */
export type InsetEmits<Tag extends InsetTag> = {
  [K in keyof InsetElementEvents<Tag>]: (event: InsetElementEvents<Tag>[K]) => void
}

/** What a template ref of an Inset component exposes: the element itself, as `element`. */
export interface InsetExposed<Tag extends InsetTag> {
  element: ShallowRef<HTMLElementTagNameMap[Tag] | undefined>
}

/** A component over an Inset element: typed props and emits, `ref.value.element` is the element. */
export type InsetComponent<
  Tag extends InsetTag,
  Props extends object,
  Emits extends EmitsOptions,
> = DefineComponent<
  Props,
  InsetExposed<Tag>,
  Record<never, never>,
  ComputedOptions,
  MethodOptions,
  ComponentOptionsMixin,
  ComponentOptionsMixin,
  Emits
>

let parking: HTMLElement | undefined

/**
 * An element leaving the page ends its work (controllers, conversation). `<KeepAlive>` takes an
 * inactive component's nodes out of the page, so while inactive the element waits in a hidden
 * holder in the page instead: shown again, it has its data and state, and has sent nothing more.
 */
function keepWhileInactive(element: ShallowRef<HTMLElement | undefined>): void {
  let marker: Comment | undefined
  onDeactivated(() => {
    const kept = element.value
    // Also called as a kept component unmounts with its `<KeepAlive>`: its element is gone then.
    if (!kept) return
    marker = new Comment()
    kept.before(marker)
    parking ??= document.body.appendChild(
      Object.assign(document.createElement('div'), { hidden: true }),
    )
    parking.append(kept)
  })
  // Back to its place (Vue has moved it already when it is the component's root), or, when the
  // component unmounts while inactive, into its detached place so that it leaves the page.
  const unpark = () =>
    marker?.replaceWith(...(element.value?.parentNode === parking ? [element.value!] : []))
  onActivated(unpark)
  onBeforeUnmount(unpark)
}

/**
 * The one wrapper behind `<InsetDashboard>` and `<InsetAssistant>`: renders the custom element
 * with a listener per event of the elements' table (each re-emitted under its key, `filterChange`
 * also as `update:filters` for `v-model:filters`), and writes the table's properties plus the provided
 * `inset` as element properties after each render. On the server only the tag and the host
 * attributes are rendered; the element upgrades and loads on the client.
 */
export function createInsetComponent<
  Tag extends InsetTag,
  Props extends object,
  Emits extends EmitsOptions,
>(tag: Tag): InsetComponent<Tag, Props, Emits> {
  const properties: string[] = elementProperties(tag, { connection: false })
  const keys: string[] = INSET_ELEMENTS[tag].events.map(eventKey)

  return defineComponent(
    (props: Record<string, unknown>, { emit, expose }) => {
      const inset = useInset()
      // Before the element is created, so it is born upgraded; a no-op on the server.
      defineInsetElements()
      const element = shallowRef<HTMLElement>()
      expose({ element })
      const listeners: Record<string, (event: CustomEvent) => void> = {}
      for (const type of INSET_ELEMENTS[tag].events)
        listeners[`onInset${type.slice(5)}`] = (event) => {
          emit(eventKey(type), event)
          if (type === 'inset-filter-change') emit('update:filters', event.detail.filters)
        }

      watchEffect(
        () => {
          const target = element.value as unknown as Record<string, unknown> | undefined
          if (!target) return
          target.inset = inset
          for (const name of properties) {
            // A reactive object (e.g. `reactive({ region: ['EU'] })`) changed in place is a new value.
            const value = plain(props[name])
            if (target[name] !== value) target[name] = value
          }
        },
        { flush: 'post' },
      )
      keepWhileInactive(element)
      return () => h(tag, { ref: element, ...listeners })
    },
    {
      name: INSET_ELEMENTS[tag].component,
      props: properties,
      emits: [...keys, 'update:filters'],
    },
  ) as unknown as InsetComponent<Tag, Props, Emits>
}
