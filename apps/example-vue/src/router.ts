import { createRouter, createWebHistory } from 'vue-router'
import AnalyticsLayout from './AnalyticsLayout.vue'
import AccountPage from './pages/AccountPage.vue'
import AssistantPage from './pages/AssistantPage.vue'
import NotFoundPage from './pages/NotFoundPage.vue'
import OverviewPage from './pages/OverviewPage.vue'
import ReportsPage from './pages/ReportsPage.vue'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    // The pages that show analytics share one layout, and so one Inset connection and one token.
    {
      path: '/',
      component: AnalyticsLayout,
      children: [
        { path: '', name: 'overview', component: OverviewPage },
        { path: 'assistant', name: 'assistant', component: AssistantPage },
        { path: 'reports', name: 'reports', component: ReportsPage },
      ],
    },
    { path: '/account', name: 'account', component: AccountPage },
    { path: '/:unknown(.*)*', name: 'not-found', component: NotFoundPage },
  ],
  scrollBehavior: (to, from) => (to.path === from.path ? false : { top: 0 }),
})
