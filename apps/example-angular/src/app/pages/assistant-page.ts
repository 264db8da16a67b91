import { ChangeDetectionStrategy, Component, inject } from '@angular/core'
import { InsetAssistant, InsetDashboard } from '@inset/angular'
import { PageHeader } from '../page-header'
import { Session } from '../session'

/** The dashboard with the AI assistant beside it; the assistant follows the dashboard's filters. */
@Component({
  selector: 'app-assistant-page',
  imports: [InsetAssistant, InsetDashboard, PageHeader],
  template: `
    <app-page-header
      title="Ask AI"
      description="Ask questions about your sales in plain words. Answers use the filters on the left."
      [user]="session.user()"
    />
    <div class="split">
      <inset-dashboard id="sales" class="panel" dashboardId="sales-overview" />
      <aside class="assistant-column" aria-label="Assistant">
        <inset-assistant for="sales" class="panel assistant" />
      </aside>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssistantPage {
  protected readonly session = inject(Session)
}
