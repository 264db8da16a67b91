import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core'
import { injectDashboard } from '@inset/angular'
import type { CellValue, FilterDefinition, QueryResult } from '@inset/core'
import { formatCurrency, formatInteger } from '../format'
import { Kpi } from '../kpi'
import { PageHeader } from '../page-header'
import { Session } from '../session'

type SelectFilter = Extract<FilterDefinition, { type: 'select' }>

const firstValue = (data: QueryResult | undefined): CellValue | undefined => data?.rows[0]?.[0]

/**
 * A report in our own design, drawn from the same dashboard's data with `injectDashboard`: Inset
 * fetches, filters and refreshes; the markup is ours.
 */
@Component({
  selector: 'app-reports-page',
  imports: [Kpi, PageHeader],
  template: `
    <app-page-header
      title="Revenue report"
      description="Our own layout, fed by Inset's governed data."
      [user]="session.user()"
    >
      <button type="button" class="button" (click)="sales.refresh()">Refresh</button>
    </app-page-header>
    <fieldset class="toolbar">
      <legend class="sr-only">Region</legend>
      <button
        type="button"
        class="chip-button"
        [attr.aria-pressed]="chosen().length === 0"
        (click)="allRegions()"
      >
        All regions
      </button>
      @for (option of region()?.options ?? []; track option) {
        <button
          type="button"
          class="chip-button"
          [attr.aria-pressed]="chosen().length === 1 && chosen()[0] === option"
          (click)="sales.setFilters({ region: [option] })"
        >
          {{ option }}
        </button>
      }
      <span class="status" [attr.data-state]="sales.state()" aria-live="polite">
        {{ sales.state() === 'loading' ? 'Loading…' : sales.state() === 'updating' ? 'Updating…' : '' }}
      </span>
    </fieldset>
    @if (sales.error(); as error) {
      <p class="banner" role="alert">
        The report could not load ({{ error.code }}).
        <button type="button" class="link" (click)="sales.refresh()">Try again</button>
      </p>
    }
    <div class="kpis">
      <app-kpi kpi="revenue" label="Revenue" [value]="revenue()" [format]="currency" />
      <app-kpi kpi="orders" label="Orders" [value]="orders()" [format]="integer" />
      <app-kpi kpi="average" label="Average order" [value]="average()" [format]="currency" />
    </div>
    <div class="report-grid">
      <section class="panel card" aria-labelledby="categories-title">
        <h2 id="categories-title">Revenue by category</h2>
        <ul class="bars" data-testid="categories">
          @for (row of categories(); track row[0]) {
            <li [attr.data-category]="row[0]">
              <span class="bar-label">{{ row[0] }}</span>
              <span class="bar-track">
                <span class="bar" [style.width.%]="share(row[1])"></span>
              </span>
              <span class="bar-value" [attr.data-value]="row[1]">{{ currency(row[1]) }}</span>
            </li>
          }
        </ul>
      </section>
      <section class="panel card" aria-labelledby="products-title">
        <h2 id="products-title">Top products</h2>
        <table class="table" data-testid="top-products">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" class="num">Revenue</th>
              <th scope="col" class="num">Orders</th>
            </tr>
          </thead>
          <tbody>
            @for (row of products(); track row[0]) {
              <tr>
                <td>{{ row[0] }} <span class="muted small">{{ row[1] }}</span></td>
                <td class="num">{{ currency(row[2]) }}</td>
                <td class="num">{{ integer(row[3]) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </section>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPage {
  protected readonly session = inject(Session)
  protected readonly sales = injectDashboard('sales-overview')
  protected readonly currency = formatCurrency
  protected readonly integer = formatInteger

  protected readonly region = computed(() =>
    this.sales
      .definition()
      ?.filters.find((f): f is SelectFilter => f.id === 'region' && f.type === 'select'),
  )
  protected readonly chosen = computed(() => {
    const region = this.sales.filters()['region']
    return Array.isArray(region) ? region : []
  })
  protected readonly revenue = computed(() => firstValue(this.sales.tiles()['revenue']?.data))
  protected readonly orders = computed(() => firstValue(this.sales.tiles()['orders']?.data))
  protected readonly average = computed(() => {
    const revenue = this.revenue()
    const orders = this.orders()
    return typeof revenue === 'number' && typeof orders === 'number' && orders > 0
      ? revenue / orders
      : undefined
  })
  protected readonly categories = computed(
    () => this.sales.tiles()['revenue-by-category']?.data?.rows ?? [],
  )
  protected readonly products = computed(() => this.sales.tiles()['top-products']?.data?.rows ?? [])
  readonly #topCategory = computed(() =>
    Math.max(1, ...this.categories().map((row) => Number(row[1]) || 0)),
  )

  protected share(value: CellValue | undefined): number {
    return ((Number(value) || 0) / this.#topCategory()) * 100
  }

  protected allRegions(): void {
    this.sales.setFilters(({ region: _all, ...others }) => others)
  }
}
