import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core'
import { USERS, type UserId } from './users'

@Component({
  selector: 'app-page-header',
  template: `
    <div class="page-head">
      <div>
        <h1>{{ title() }}</h1>
        <p class="muted">{{ description() }}</p>
      </div>
      <div class="page-actions">
        @if (person(); as person) {
          <span class="workspace" data-testid="workspace">
            {{ person.company }} <span class="dot" aria-hidden="true"></span> {{ person.scope }}
          </span>
        }
        <ng-content />
      </div>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PageHeader {
  readonly title = input.required<string>()
  readonly description = input.required<string>()
  readonly user = input<UserId | null>()
  protected readonly person = computed(() => {
    const user = this.user()
    return user ? USERS[user] : undefined
  })
}
