import { InsetAssistant, InsetDashboard } from '@inset/react'
import { PageHeader } from '../components/PageHeader'
import type { UserId } from '../users'

/** The dashboard with the AI assistant beside it; the assistant follows the dashboard's filters. */
export function AssistantPage({ user }: { user: UserId }) {
  return (
    <>
      <PageHeader
        title="Ask AI"
        description="Ask questions about your sales in plain words. Answers use the filters on the left."
        user={user}
      />
      <div className="split">
        <InsetDashboard id="sales" className="panel" dashboardId="sales-overview" />
        <aside className="assistant-column" aria-label="Assistant">
          <InsetAssistant for="sales" className="panel assistant" />
        </aside>
      </div>
    </>
  )
}
