import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core'
import { PageHeader } from '../page-header'
import { Session } from '../session'
import { USERS } from '../users'

/** A page of the host app with no analytics on it: leaving for it ends every Inset connection. */
@Component({
  selector: 'app-account-page',
  imports: [PageHeader],
  template: `
    <app-page-header title="Account" description="Your profile and workspace." />
    @if (person(); as person) {
      <section class="panel card account">
        <span class="avatar large" aria-hidden="true" [attr.data-user]="session.user()">
          {{ person.initials }}
        </span>
        <dl>
          <dt>Name</dt>
          <dd>{{ person.name }}</dd>
          <dt>Workspace</dt>
          <dd>{{ person.company }}</dd>
          <dt>Data access</dt>
          <dd>{{ person.scope }}</dd>
        </dl>
      </section>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountPage {
  protected readonly session = inject(Session)
  protected readonly person = computed(() => {
    const user = this.session.user()
    return user ? USERS[user] : undefined
  })
}
