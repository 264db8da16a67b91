import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core'
import type { CellValue } from '@inset/core'

/** One key figure of the report; `data-value` holds the raw number for tests and tools. */
@Component({
  selector: 'app-kpi',
  host: { class: 'panel card kpi', '[attr.data-kpi]': 'kpi()', '[attr.aria-busy]': 'loading()' },
  template: `
    <h2 class="kpi-label">{{ label() }}</h2>
    <p class="kpi-number" [attr.data-value]="loading() ? '' : value()">
      @if (loading()) {
        <span class="skeleton"></span>
      } @else {
        {{ format()(value()) }}
      }
    </p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Kpi {
  readonly kpi = input.required<string>()
  readonly label = input.required<string>()
  readonly value = input<CellValue | undefined>()
  readonly format = input.required<(value: unknown) => string>()
  protected readonly loading = computed(() => this.value() === undefined)
}
