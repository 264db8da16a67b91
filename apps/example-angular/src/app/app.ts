import { ChangeDetectionStrategy, Component } from '@angular/core'
import { RouterOutlet } from '@angular/router'
import { Header } from './header'

@Component({
  selector: 'app-root',
  imports: [Header, RouterOutlet],
  template: `
    <div class="shell">
      <app-header />
      <main class="content"><router-outlet /></main>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {}
