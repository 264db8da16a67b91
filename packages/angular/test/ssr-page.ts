// The page the server-render and hydration tests render: both components and the headless
// dashboard, under one provideInset, with whatever fetch and fetchToken the test counts.
import { Component, provideZonelessChangeDetection } from '@angular/core'
import { type BootstrapContext, bootstrapApplication } from '@angular/platform-browser'
import type { InsetConfig } from '../src/context'
import { InsetAssistant, InsetDashboard, injectDashboard, provideInset } from '../src/index'

@Component({
  selector: 'app-root',
  imports: [InsetAssistant, InsetDashboard],
  template: `<inset-dashboard id="sales" class="dash" dashboardId="sales-overview" /><inset-assistant
      for="sales"
    /><p id="probe">{{ sales.state() }}:{{ tiles() }}</p>`,
})
export class Page {
  readonly sales = injectDashboard('sales-overview', { filters: { region: ['EU'] } })
  readonly tiles = () => Object.keys(this.sales.tiles()).length
}

export const bootstrapPage = (
  connection: Pick<InsetConfig, 'fetch' | 'fetchToken'>,
  providers: Parameters<typeof bootstrapApplication>[1] = { providers: [] },
  context?: BootstrapContext,
) =>
  bootstrapApplication(
    Page,
    {
      providers: [
        provideZonelessChangeDetection(),
        provideInset({ serverUrl: 'https://inset.test', theme: 'dark', ...connection }),
        ...(providers.providers ?? []),
      ],
    },
    context,
  )
