import { bootstrapApplication } from '@angular/platform-browser'
import { App } from './app/app'
import { appConfig } from './app/app.config'

bootstrapApplication(App, appConfig).catch((error: unknown) => {
  const fatal = document.createElement('main')
  fatal.className = 'fatal'
  fatal.setAttribute('role', 'alert')
  fatal.append(
    Object.assign(document.createElement('h1'), { textContent: 'Acme Analytics could not start' }),
  )
  fatal.append(Object.assign(document.createElement('p'), { textContent: String(error) }))
  document.body.replaceChildren(fatal)
})
