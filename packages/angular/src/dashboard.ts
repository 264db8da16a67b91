import { ChangeDetectionStrategy, Component, input, model, output } from '@angular/core'
import type { InsetElementEvents, InsetElementProps } from '@inset/elements'
import { bindInsetElement, type InsetInputs, type InsetOutputs } from './bind-element'

type Props = InsetElementProps<'inset-dashboard'>
type Events = InsetElementEvents<'inset-dashboard'>

/**
 * `<inset-dashboard>` with the connection of `provideInset()`: the component's host is the custom
 * element itself, so `id`, `class`, `style` and `aria-*` land on it. `[(filters)]` binds two ways.
 *
 * @example
 * <inset-dashboard
 *   id="sales"
 *   dashboardId="sales-overview"
 *   [(filters)]="filters"
 *   (dataPointClick)="picked.set($event.detail)"
 *   (askAbout)="assistantOpen.set(true)"
 * />
 */
@Component({
  selector: 'inset-dashboard',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InsetDashboard
  implements InsetInputs<'inset-dashboard'>, InsetOutputs<'inset-dashboard'>
{
  /** The dashboard to show, e.g. `sales-overview`. */
  readonly dashboardId = input.required<NonNullable<Props['dashboardId']>>()
  /** Filters over the definition's defaults; updated as the user changes them (`[(filters)]`). */
  readonly filters = model<Props['filters']>()
  /** This dashboard's theme; without it, the one of `provideInset()`. */
  readonly theme = input<Props['theme']>()
  readonly locale = input<Props['locale']>()
  readonly currency = input<Props['currency']>()
  /** Prints the connection's timeline (token fetches, refreshes, failures) to the console. */
  readonly debug = input<Props['debug']>()
  /** Offer "Ask about this" on every tile without a linked assistant; `(askAbout)` opens yours. */
  readonly askAboutTiles = input<Props['askAboutTiles']>()

  readonly ready = output<Events['ready']>()
  readonly error = output<Events['error']>()
  readonly stateChange = output<Events['stateChange']>()
  readonly filterChange = output<Events['filterChange']>()
  readonly dataPointClick = output<Events['dataPointClick']>()
  readonly drillChange = output<Events['drillChange']>()
  readonly export = output<Events['export']>()
  /** "Ask about this" on a tile: a linked `<inset-assistant>` takes it as its context. */
  readonly askAbout = output<Events['askAbout']>()

  /** The `<inset-dashboard>` element: `setFilters()`, `refresh()`, `snapshot`, `controller`. */
  readonly element = bindInsetElement('inset-dashboard', this)

  constructor() {
    this.filterChange.subscribe((event) => this.filters.set(event.detail.filters))
  }
}
