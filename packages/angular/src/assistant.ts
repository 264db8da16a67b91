import { ChangeDetectionStrategy, Component, input, output } from '@angular/core'
import type { InsetElementEvents, InsetElementProps } from '@inset/elements'
import { bindInsetElement, type InsetInputs, type InsetOutputs } from './bind-element'

type Props = InsetElementProps<'inset-assistant'>
type Events = InsetElementEvents<'inset-assistant'>

/**
 * `<inset-assistant>`, the data assistant, with the connection of `provideInset()`; `for` links it
 * to an `<inset-dashboard>` by id, `dashboard` to a controller (`injectDashboard().controller()`).
 *
 * @example
 * <inset-dashboard id="sales" dashboardId="sales-overview" />
 * <inset-assistant for="sales" (answer)="log($event.detail.text)" />
 */
@Component({
  selector: 'inset-assistant',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InsetAssistant
  implements InsetInputs<'inset-assistant'>, InsetOutputs<'inset-assistant'>
{
  /** The `id` of an `<inset-dashboard>` on the page whose filters the assistant follows. */
  readonly for = input<Props['for']>()
  /** A dashboard controller whose id and filters the assistant follows. */
  readonly dashboard = input<Props['dashboard']>()
  /** Ask about this dashboard's data without linking one. */
  readonly dashboardId = input<Props['dashboardId']>()
  readonly theme = input<Props['theme']>()
  readonly locale = input<Props['locale']>()
  readonly currency = input<Props['currency']>()
  /** Prints the connection's timeline (token fetches, refreshes, failures) to the console. */
  readonly debug = input<Props['debug']>()

  readonly ready = output<Events['ready']>()
  readonly error = output<Events['error']>()
  readonly stateChange = output<Events['stateChange']>()
  readonly dataPointClick = output<Events['dataPointClick']>()
  readonly answer = output<Events['answer']>()

  /** The `<inset-assistant>` element: `snapshot`, and the conversation it holds. */
  readonly element = bindInsetElement('inset-assistant', this)
}
