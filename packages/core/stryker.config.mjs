// Mutation testing of what must never be wrong in the client: the token source (caching,
// refresh, retries, expiry and clock skew) and how it reads `fetchToken`'s answers.
// `pnpm mutation`; slow, so not part of CI. The report goes to reports/mutation/.
import { createRequire } from 'node:module'

// pnpm keeps plugins out of Stryker's own node_modules: name the runner by its path.
const require = createRequire(import.meta.url)

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: [require.resolve('@stryker-mutator/vitest-runner')],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: ['src/token-source.ts', 'src/token-fetch.ts'],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  concurrency: 2,
  timeoutMS: 30_000,
  thresholds: { high: 90, low: 80, break: 80 },
  // The sandbox needs the sources and tests, not builds (rebuilt by others mid-copy) or reports.
  ignorePatterns: ['dist', 'reports', 'test-results', 'bench'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
}
