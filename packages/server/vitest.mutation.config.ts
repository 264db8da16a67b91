// The tests Stryker runs against each mutant of the modules that must never be wrong (see
// stryker.config.mjs): fast, in-process, DuckDB only (no INSET_TEST_PG_URL), no type tests.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'src/semantic/**/*.test.ts',
      'src/auth/**/*.test.ts',
      'src/dashboards/**/*.test.ts',
      'test/hostile-tokens.test.ts',
      'test/token-contract.test.ts',
      'test/oracle-numbers.test.ts',
    ],
    reporters: ['default'],
    restoreMocks: true,
  },
})
