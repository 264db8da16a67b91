import type { InsetElementEvents, InsetElementProps, InsetTag } from '@inset/elements'
import type { HTMLAttributes } from 'svelte/elements'

/**
 * Callback props of an element's events, from the elements' table, in Svelte's lower case:
 * `{ onready?, onerror?, onfilterchange?, … }`.
 */
export type InsetEventProps<Tag extends InsetTag> = {
  [K in keyof InsetElementEvents<Tag> & string as Lowercase<`on${K}`>]?: (
    event: InsetElementEvents<Tag>[K],
  ) => void
}

/** Everything a component passes to its element as Svelte does: `id`, `class`, `style`, `aria-*`, … */
export type InsetHostProps<Tag extends InsetTag, Own> = Omit<
  HTMLAttributes<HTMLElementTagNameMap[Tag]>,
  keyof Own | 'children'
>

type OwnProps<Tag extends InsetTag> = InsetElementProps<Tag> &
  InsetEventProps<Tag> & {
    /** The element itself, for `bind:element` (`setFilters()`, `refresh()`, `snapshot`). */
    element?: HTMLElementTagNameMap[Tag]
  }

type DashboardOwnProps = OwnProps<'inset-dashboard'> & {
  /** The dashboard to show, e.g. `sales-overview`. */
  dashboardId: string
}

/** Props of `<InsetDashboard>`: the element's properties and events, and host attributes. */
export type InsetDashboardProps = DashboardOwnProps &
  InsetHostProps<'inset-dashboard', DashboardOwnProps>

/** Props of `<InsetAssistant>`: the element's properties and events, and host attributes. */
export type InsetAssistantProps = OwnProps<'inset-assistant'> &
  InsetHostProps<'inset-assistant', OwnProps<'inset-assistant'>>
