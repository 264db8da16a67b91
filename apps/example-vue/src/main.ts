import { createApp, h } from 'vue'
import App from './App.vue'
import { PAGE_CONFIG, type PageConfig } from './config'
import { router } from './router'
import '@inset/example-styles/styles.css'

// Where the Inset server is comes from the backend at run time (INSET_SERVER_URL), so that one
// build serves every environment.
fetch('/config.json', { headers: { accept: 'application/json' } })
  .then((response) => {
    if (!response.ok) throw new Error(`/config.json answered ${response.status}`)
    return response.json() as Promise<PageConfig>
  })
  .then((config) => {
    createApp(App).provide(PAGE_CONFIG, config).use(router).mount('#app')
  })
  .catch((error: unknown) => {
    createApp({
      render: () =>
        h('main', { class: 'fatal', role: 'alert' }, [
          h('h1', 'Acme Analytics could not start'),
          h('p', String(error)),
        ]),
    }).mount('#app')
  })
