import { playwrightBase } from '@inset/test-utils/playwright'
import { defineConfig } from '@playwright/test'
import {
  APP_PORT,
  FRAMEWORK,
  INSET_PORT,
  INSET_URL,
  SHORT_TTL_APP_PORT,
  SHORT_TTL_SECONDS,
} from './support/env'

const app = `../example-${FRAMEWORK}`

// One suite for every binding: FRAMEWORK picks the example app; Playwright starts the Inset demo
// server and two instances of the app (default and 20-second tokens), all built beforehand by turbo.
export default defineConfig(playwrightBase({ runName: FRAMEWORK }), {
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  timeout: 45_000,
  // The 70-second refresh test is scheduled first, so the other worker runs the rest meanwhile.
  projects: [
    { name: 'token-refresh', testMatch: 'token-refresh.spec.ts' },
    { name: 'pages', testIgnore: 'token-refresh.spec.ts' },
  ],
  use: {
    viewport: { width: 1440, height: 1000 },
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      name: 'inset',
      command: 'node ../../packages/server/dist/cli.js demo',
      env: { PORT: String(INSET_PORT), INSET_LOG_LEVEL: 'warn' },
      url: `http://127.0.0.1:${INSET_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    ...[
      { port: APP_PORT, ttl: 600 },
      { port: SHORT_TTL_APP_PORT, ttl: SHORT_TTL_SECONDS },
    ].map(({ port, ttl }) => ({
      name: `example-${FRAMEWORK}:${port}`,
      command: `pnpm --dir ${app} start`,
      env: { PORT: String(port), INSET_SERVER_URL: INSET_URL, INSET_TOKEN_TTL: String(ttl) },
      url: `http://127.0.0.1:${port}/config.json`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    })),
  ],
})
