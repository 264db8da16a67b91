// A tiny element builder: enough for our templates without a rendering library.

/** Anything that can stand as a child: nodes, text, or nothing. */
export type Child = Node | string | number | null | undefined | false | Child[]

type Props = Record<string, unknown> | null | undefined

/**
 * Creates an element: `on*` functions become listeners, `true`/`false` toggle attributes,
 * `value`/`checked`/`selected` are set as properties, anything else is an attribute.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue
      if (key.startsWith('on') && typeof value === 'function')
        element.addEventListener(key.slice(2), value as EventListener)
      else if (key === 'value' || key === 'checked' || key === 'selected')
        (element as unknown as Record<string, unknown>)[key] = value
      else element.setAttribute(key, value === true ? '' : String(value))
    }
  }
  append(element, children)
  return element
}

/** Appends children, flattening arrays and skipping empty values. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    if (Array.isArray(child)) append(parent, child)
    else
      parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)))
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element | DocumentFragment, ...children: Child[]): void {
  parent.textContent = ''
  append(parent, children)
}

let counter = 0
/** A document-unique id for `aria-labelledby` and friends. */
export function uid(prefix: string): string {
  counter += 1
  return `${prefix}-${counter}`
}

/** An inline SVG icon from a path; hidden from assistive technology. */
export function icon(path: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg'
  const svg = document.createElementNS(ns, 'svg')
  svg.setAttribute('viewBox', '0 0 16 16')
  svg.setAttribute('aria-hidden', 'true')
  svg.setAttribute('class', 'icon')
  const p = document.createElementNS(ns, 'path')
  p.setAttribute('d', path)
  svg.appendChild(p)
  return svg
}

/** Icon paths (16×16, stroked). */
export const ICONS = {
  refresh: 'M13.5 8a5.5 5.5 0 1 1-1.6-3.9M13.5 2.5v3h-3',
  up: 'M8 12.5v-9M4 7.5l4-4 4 4',
  down: 'M8 3.5v9M4 8.5l4 4 4-4',
  chevron: 'M4 6l4 4 4-4',
  left: 'M10 4l-4 4 4 4',
  right: 'M6 4l4 4-4 4',
  table: 'M2.5 3.5h11v9h-11zM2.5 6.5h11M2.5 9.5h11M6.5 6.5v6',
  chart: 'M2.5 13.5h11M4.5 11V8M8 11V4.5M11.5 11V6.5',
  alert: 'M8 5v3.5M8 11h.01M7.1 2.5l-5.6 10h13l-5.6-10a1 1 0 0 0-1.8 0z',
  empty: 'M2.5 10.5l2.5-5h6l2.5 5v3h-11zM2.5 10.5h3.5l.5 1.5h3l.5-1.5h3.5',
  download: 'M8 2.5v8M4.5 7l3.5 3.5L11.5 7M2.5 13.5h11',
  drill: 'M3 3.5h10M5 8h6M7 12.5h2',
  close: 'M4 4l8 8M12 4l-8 8',
} as const
