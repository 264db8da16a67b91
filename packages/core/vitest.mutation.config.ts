// The tests Stryker runs against each mutant of core's token source (see stryker.config.mjs):
// the package's unit tests without the type tests, and without inset.test.ts, whose soak tests
// (a day of a flaky token endpoint, 50 dashboards) take 30 s a run: `pnpm test` keeps them.

import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

// Stryker stops at a mutant's first failing test: the token source's own tests run first.
class TokenTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => (/token|tabs/.test(file.moduleId) ? 0 : 1)
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId))
  }
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    exclude: ['src/inset.test.ts'],
    sequence: { sequencer: TokenTestsFirst },
    reporters: ['default'],
    restoreMocks: true,
  },
})
