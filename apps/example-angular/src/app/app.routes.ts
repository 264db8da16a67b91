import type { Routes } from '@angular/router'
import { provideAnalytics } from './analytics'
import { AccountPage } from './pages/account-page'
import { AssistantPage } from './pages/assistant-page'
import { NotFoundPage } from './pages/not-found-page'
import { OverviewPage } from './pages/overview-page'
import { ReportsPage } from './pages/reports-page'
import { SignedOutPage } from './pages/signed-out-page'
import { signedInAs } from './session'
import { USERS, type UserId } from './users'

/** Pages that show analytics; they share one Inset connection (and so one token). */
const analyticsPages: Routes = [
  { path: '', pathMatch: 'full', component: OverviewPage, title: 'Overview · Acme Analytics' },
  { path: 'assistant', component: AssistantPage, title: 'Ask AI · Acme Analytics' },
  { path: 'reports', component: ReportsPage, title: 'Reports · Acme Analytics' },
]

export const routes: Routes = [
  // One route per user: a new user is a new session, with a connection and token of their own.
  ...(Object.keys(USERS) as UserId[]).map((user) => ({
    path: '',
    canMatch: [signedInAs(user)],
    providers: [provideAnalytics(user)],
    children: analyticsPages,
  })),
  { path: '**', canMatch: [signedInAs(null)], component: SignedOutPage, title: 'Acme Analytics' },
  { path: 'account', component: AccountPage, title: 'Account · Acme Analytics' },
  { path: '**', component: NotFoundPage, title: 'Not found · Acme Analytics' },
]
