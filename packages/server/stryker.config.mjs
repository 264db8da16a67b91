// Mutation testing of what must never be wrong: row-level security and SQL compilation
// (src/semantic) and token verification (src/auth). `pnpm mutation`; slow, so not part of CI.
// The report goes to reports/mutation/ (mutation.json, mutation.html).
import { createRequire } from 'node:module'

// pnpm keeps plugins out of Stryker's own node_modules: name the runner by its path.
const require = createRequire(import.meta.url)

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: [require.resolve('@stryker-mutator/vitest-runner')],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'src/semantic/rls.ts',
    'src/semantic/compile-sql.ts',
    'src/semantic/validate-query.ts',
    'src/semantic/run-query.ts',
    'src/semantic/run-sql.ts',
    'src/auth/verify-embed-token.ts',
    'src/auth/keyring.ts',
    'src/auth/origins.ts',
    'src/auth/revocations.ts',
    'src/auth/mint-embed-token.ts',
  ],
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
