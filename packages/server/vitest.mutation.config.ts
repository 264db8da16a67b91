// The tests Stryker runs against each mutant of the modules that must never be wrong (see
// stryker.config.mjs): fast, in-process, DuckDB only (no INSET_TEST_PG_URL), no type tests.

import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

// Stryker stops at a mutant's first failing test: the unit tests next to the code run first, the
// suites that start a server (seconds each) last, so most mutants die before those start.
class UnitTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => (file.moduleId.includes('/src/') ? 0 : 1)
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId))
  }
}

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
    sequence: { sequencer: UnitTestsFirst },
    reporters: ['default'],
    restoreMocks: true,
  },
})
