import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core'
import { RouterLink } from '@angular/router'
import { Session } from './session'
import { USERS, type UserId } from './users'

const NAV = [
  { to: '/', label: 'Overview' },
  { to: '/assistant', label: 'Ask AI' },
  { to: '/reports', label: 'Reports' },
  { to: '/account', label: 'Account' },
]

@Component({
  selector: 'app-header',
  imports: [RouterLink],
  template: `
    <header class="topbar">
      <a routerLink="/" queryParamsHandling="preserve" class="brand" aria-label="Acme Analytics home">
        <svg viewBox="0 0 32 32" aria-hidden="true" class="brand-mark">
          <rect width="32" height="32" rx="8" />
          <path d="M8 22l5-7 4 4 7-10" />
        </svg>
        <span>Acme Analytics</span>
      </a>
      <nav aria-label="Main" class="nav">
        @for (item of nav; track item.to) {
          <a
            [routerLink]="item.to"
            queryParamsHandling="preserve"
            class="nav-link"
            [attr.aria-current]="session.path() === item.to ? 'page' : null"
            >{{ item.label }}</a
          >
        }
      </nav>
      <div class="user">
        <span class="avatar" aria-hidden="true" [attr.data-user]="session.user() ?? ''">
          {{ current()?.initials ?? '?' }}
        </span>
        <label class="user-label">
          <span class="user-caption">Signed in as</span>
          <select #select (change)="signInAs(select.value)">
            @if (!session.user()) {
              <option value="">Nobody</option>
            }
            @for (id of userIds; track id) {
              <option [value]="id" [selected]="id === session.user()">{{ users[id].name }} · {{ users[id].company }}</option>
            }
          </select>
        </label>
      </div>
    </header>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Header {
  protected readonly session = inject(Session)
  protected readonly nav = NAV
  protected readonly users = USERS
  protected readonly userIds = Object.keys(USERS) as UserId[]
  protected readonly current = computed(() => {
    const user = this.session.user()
    return user ? USERS[user] : undefined
  })

  protected signInAs(user: string): void {
    if (Object.hasOwn(USERS, user)) this.session.signInAs(user as UserId)
  }
}
