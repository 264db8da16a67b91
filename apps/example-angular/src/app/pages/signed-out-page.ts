import { ChangeDetectionStrategy, Component } from '@angular/core'
import { RouterLink } from '@angular/router'
import { USERS, type UserId } from '../users'

/** `?user=` named somebody this demo does not know: offer the demo users instead. */
@Component({
  selector: 'app-signed-out-page',
  imports: [RouterLink],
  template: `
    <section class="panel card empty-page" role="alert">
      <h1>You are not signed in</h1>
      <p class="muted">Pick a demo user:</p>
      <ul class="sign-in">
        @for (id of userIds; track id) {
          <li>
            <a routerLink="/" [queryParams]="{ user: id }">{{ users[id].name }} · {{ users[id].company }}</a>
          </li>
        }
      </ul>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignedOutPage {
  protected readonly users = USERS
  protected readonly userIds = Object.keys(USERS) as UserId[]
}
