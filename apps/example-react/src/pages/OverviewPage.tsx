import type { InsetDataPointClickDetail } from '@inset/elements'
import { InsetDashboard } from '@inset/react'
import { useState } from 'react'
import { PageHeader } from '../components/PageHeader'
import { formatCurrency } from '../format'
import type { UserId } from '../users'

/** The home page: the `sales-overview` dashboard, as an Inset component. */
export function OverviewPage({ user }: { user: UserId }) {
  const [picked, setPicked] = useState<InsetDataPointClickDetail>()
  return (
    <>
      <PageHeader
        title="Overview"
        description="How your store is selling: revenue, orders and products, live."
        user={user}
      />
      <InsetDashboard
        id="sales"
        className="panel"
        dashboardId="sales-overview"
        onDataPointClick={(event) => setPicked(event.detail)}
        onError={(event) => console.warn('[acme] analytics error', event.detail.error.code)}
      />
      {picked ? (
        <output className="toast" data-testid="picked">
          <strong>{String(picked.row[0])}</strong> {formatCurrency(picked.value)}
          <button type="button" className="link" onClick={() => setPicked(undefined)}>
            Dismiss
          </button>
        </output>
      ) : null}
    </>
  )
}
