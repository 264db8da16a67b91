import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import type { PageConfig } from './config'
import '@inset/example-styles/styles.css'

const root = createRoot(document.getElementById('root')!)

// Where the Inset server is comes from the backend at run time (INSET_SERVER_URL), so that one
// build serves every environment.
fetch('/config.json', { headers: { accept: 'application/json' } })
  .then((response) => {
    if (!response.ok) throw new Error(`/config.json answered ${response.status}`)
    return response.json() as Promise<PageConfig>
  })
  .then((config) => {
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    )
  })
  .catch((error: unknown) => {
    root.render(
      <main className="fatal" role="alert">
        <h1>Acme Analytics could not start</h1>
        <p>{String(error)}</p>
      </main>,
    )
  })
