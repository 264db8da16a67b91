import type { ReactNode } from 'react'
import { AnalyticsProvider } from './AnalyticsProvider'
import { Header } from './components/Header'
import type { PageConfig } from './config'
import { useLocation } from './location'
import { AccountPage } from './pages/AccountPage'
import { AssistantPage } from './pages/AssistantPage'
import { NotFoundPage } from './pages/NotFoundPage'
import { OverviewPage } from './pages/OverviewPage'
import { ReportsPage } from './pages/ReportsPage'
import { SignedOutPage } from './pages/SignedOutPage'
import { type UserId, userFrom } from './users'

/** Pages that show analytics; they share one Inset connection (and so one token). */
const ANALYTICS_PAGES: Record<string, (user: UserId) => ReactNode> = {
  '/': (user) => <OverviewPage user={user} />,
  '/assistant': (user) => <AssistantPage user={user} />,
  '/reports': (user) => <ReportsPage user={user} />,
}

export function App({ config }: { config: PageConfig }) {
  const location = useLocation()
  const user = userFrom(location)
  const path = location.pathname.replace(/\/+$/, '') || '/'
  const analytics = ANALYTICS_PAGES[path]

  let page: ReactNode
  if (!user) page = <SignedOutPage />
  else if (analytics)
    // A new user is a new session: `key` gives them a fresh connection and token.
    page = (
      <AnalyticsProvider key={user} user={user} serverUrl={config.insetServerUrl}>
        {analytics(user)}
      </AnalyticsProvider>
    )
  else if (path === '/account') page = <AccountPage user={user} />
  else page = <NotFoundPage />

  return (
    <div className="shell">
      <Header path={path} user={user} />
      <main className="content">{page}</main>
    </div>
  )
}
