import { provideHttpClient } from '@angular/common/http'
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core'
import { provideRouter, withExperimentalAutoCleanupInjectors } from '@angular/router'
import { routes } from './app.routes'
import { PageConfig } from './page-config'

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // XHR, not withFetch(): the fetch backend aborts every request when its observable completes,
    // and Chromium then reports a token response that already arrived as cancelled.
    provideHttpClient(),
    // Route injectors of pages left behind are destroyed: leaving the analytics pages ends their
    // Inset connection (no token refresh, no request) until the user comes back.
    provideRouter(routes, withExperimentalAutoCleanupInjectors()),
    provideAppInitializer(() => inject(PageConfig).load()),
  ],
}
