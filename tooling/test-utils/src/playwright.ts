// The Playwright settings every browser suite shares: Debian's Chromium with the flags this closed
// network needs, and reports where scripts/test-summary.mjs sums them.
import type { LaunchOptions, PlaywrightTestConfig } from '@playwright/test'
import { CHROMIUM_ARGS } from './chromium-args.mjs'

export { CHROMIUM_ARGS }

/**
 * Launch options for the system's Chromium: `CHROME_PATH`, else `/usr/bin/chromium`.
 *
 * @example
 * const browser = await chromium.launch(chromiumLaunchOptions())
 */
export function chromiumLaunchOptions(env: NodeJS.ProcessEnv = process.env): LaunchOptions {
  return { executablePath: env.CHROME_PATH || '/usr/bin/chromium', args: [...CHROMIUM_ARGS] }
}

export interface PlaywrightBaseOptions {
  /** The package's `test-results` folder, relative to the config file. Default `test-results`. */
  resultsDir?: string
  /** The name of a run (e.g. the framework): reports `playwright-<name>.json`, artifacts apart. */
  runName?: string
}

/**
 * What every suite's config starts from: Chromium as above, reporters `list` and JSON to
 * `<resultsDir>/playwright[-<runName>].json`, artifacts in `<resultsDir>/playwright-artifacts[-<runName>]`, traces kept on
 * failure, no retries, 15 s for an `expect`. Pass it first to Playwright's `defineConfig`, which
 * merges `use` and `expect` with the suite's own.
 *
 * @example
 * export default defineConfig(playwrightBase({ resultsDir: '../test-results' }), {
 *   testDir: '.',
 *   use: { viewport: { width: 1280, height: 900 } },
 * })
 */
export function playwrightBase({
  resultsDir = 'test-results',
  runName,
}: PlaywrightBaseOptions = {}): PlaywrightTestConfig {
  const suffix = runName ? `-${runName}` : ''
  return {
    outputDir: `${resultsDir}/playwright-artifacts${suffix}`,
    reporter: [['list'], ['json', { outputFile: `${resultsDir}/playwright${suffix}.json` }]],
    retries: 0,
    expect: { timeout: 15_000 },
    use: {
      browserName: 'chromium',
      trace: 'retain-on-failure',
      launchOptions: chromiumLaunchOptions(),
    },
  }
}
