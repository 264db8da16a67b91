import { playwrightBase } from '@inset/test-utils/playwright'
import { defineConfig } from '@playwright/test'

// Real Chromium (Debian's, or CHROME_PATH) against a real demo server; see fixtures.ts.
export default defineConfig(playwrightBase({ resultsDir: '../test-results' }), {
  testDir: '.',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  use: { viewport: { width: 1280, height: 900 } },
})
