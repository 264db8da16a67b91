import { isPlatformBrowser } from '@angular/common'
import {
  afterRenderEffect,
  DestroyRef,
  ElementRef,
  inject,
  NgZone,
  type OutputEmitterRef,
  PLATFORM_ID,
  type Signal,
} from '@angular/core'
import {
  defineInsetElements,
  elementProperties,
  eventKey,
  INSET_ELEMENTS,
  type InsetElementEvents,
  type InsetElementProps,
  type InsetTag,
} from '@inset/elements'
import { injectInset } from './context'

/** A signal input per property of the element (its connection aside), named as in the table. */
export type InsetInputs<Tag extends InsetTag> = {
  readonly [K in keyof InsetElementProps<Tag>]-?: Signal<InsetElementProps<Tag>[K]>
}

/** An output per event of the element, keyed as in the table (`filterChange`, …). */
export type InsetOutputs<Tag extends InsetTag> = {
  readonly [K in keyof InsetElementEvents<Tag>]: OutputEmitterRef<InsetElementEvents<Tag>[K]>
}

/**
 * The one bridge behind every component: the component's host IS the custom element. It listens
 * for each event of the table (in Angular's zone, so handlers update the page) and, after each
 * render, writes each input and the provider's `inset` to the element as properties, outside the
 * zone, so the element's requests, timers and core's subscriptions never keep Angular busy.
 * On the server it does nothing: the tag is rendered, no element API is touched.
 */
export function bindInsetElement<Tag extends InsetTag>(
  tag: Tag,
  component: InsetInputs<Tag> & InsetOutputs<Tag>,
): HTMLElementTagNameMap[Tag] {
  const element = inject<ElementRef<HTMLElementTagNameMap[Tag]>>(ElementRef).nativeElement
  const inset = injectInset()
  if (!isPlatformBrowser(inject(PLATFORM_ID))) return element
  // Upgrades the element now if it is in the page (a server page hydrating), else when it enters.
  defineInsetElements()
  const zone = inject(NgZone)
  const target = element as unknown as Record<string, unknown>
  const inputs = component as unknown as Record<string, Signal<unknown>>
  const outputs = component as unknown as Record<string, OutputEmitterRef<Event>>

  // Listeners before any property: setting one may send an event at once.
  const listeners = INSET_ELEMENTS[tag].events.map((name) => {
    const listener = (event: Event) => outputs[eventKey(name)]!.emit(event)
    element.addEventListener(name, listener)
    return () => element.removeEventListener(name, listener)
  })
  inject(DestroyRef).onDestroy(() => {
    for (const remove of listeners) remove()
  })

  // The element starts loading in its first update, a microtask queued when it gets `inset` or is
  // connected, whichever comes first; that microtask runs in the zone it was queued in. Not yet in
  // the page (routes, @if, @for): queue it outside now. Already connected (a root template,
  // hydration): it queued in the zone and finds no connection; connect it right after, outside.
  const connect = () => {
    target['inset'] = inset
  }
  zone.runOutsideAngular(() => (element.isConnected ? queueMicrotask(connect) : connect()))

  const names = elementProperties(tag, { connection: false }) as string[]
  afterRenderEffect({
    write: () => {
      const values = names.map((name) => inputs[name]!())
      zone.runOutsideAngular(() =>
        names.forEach((name, index) => {
          if (target[name] !== values[index]) target[name] = values[index]
        }),
      )
    },
  })
  return element
}
