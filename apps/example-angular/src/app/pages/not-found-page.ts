import { ChangeDetectionStrategy, Component } from '@angular/core'
import { RouterLink } from '@angular/router'

@Component({
  selector: 'app-not-found-page',
  imports: [RouterLink],
  template: `
    <section class="panel card empty-page">
      <h1>Page not found</h1>
      <p class="muted">
        Go back to the <a routerLink="/" queryParamsHandling="preserve">overview</a>.
      </p>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
