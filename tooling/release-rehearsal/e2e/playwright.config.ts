import { playwrightBase } from '@inset/test-utils/playwright'
import { defineConfig } from '@playwright/test'

// Run by src/rehearse.mjs once the fresh apps, their backend and `inset-server demo` (all from
// the rehearsal's registry) are up: REHEARSAL_APPS lists them. One run for every app.
export default defineConfig(
  playwrightBase({ resultsDir: '../test-results', runName: 'rehearsal' }),
  {
    testDir: '.',
    workers: 2,
    fullyParallel: true,
    forbidOnly: Boolean(process.env.CI),
    timeout: 60_000,
    use: { viewport: { width: 1280, height: 900 } },
  },
)
