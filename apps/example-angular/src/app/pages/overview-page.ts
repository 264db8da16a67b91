import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core'
import { InsetDashboard } from '@inset/angular'
import type { InsetDataPointClickDetail, InsetErrorDetail } from '@inset/elements'
import { formatCurrency } from '../format'
import { PageHeader } from '../page-header'
import { Session } from '../session'

/** The home page: the `sales-overview` dashboard, as an Inset component. */
@Component({
  selector: 'app-overview-page',
  imports: [InsetDashboard, PageHeader],
  template: `
    <app-page-header
      title="Overview"
      description="How your store is selling: revenue, orders and products, live."
      [user]="session.user()"
    />
    <inset-dashboard
      id="sales"
      class="panel"
      dashboardId="sales-overview"
      (dataPointClick)="picked.set($event.detail)"
      (error)="warn($event.detail)"
    />
    @if (picked(); as picked) {
      <output class="toast" data-testid="picked">
        <strong>{{ picked.row[0] }}</strong> {{ currency(picked.value) }}
        <button type="button" class="link" (click)="this.picked.set(undefined)">Dismiss</button>
      </output>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewPage {
  protected readonly session = inject(Session)
  protected readonly picked = signal<InsetDataPointClickDetail | undefined>(undefined)
  protected readonly currency = formatCurrency

  protected warn(detail: InsetErrorDetail): void {
    console.warn('[acme] analytics error', detail.error.code)
  }
}
