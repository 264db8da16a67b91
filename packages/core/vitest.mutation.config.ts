// The tests Stryker runs against each mutant of core's token source (see stryker.config.mjs):
// the package's unit tests without the type tests and the JSON report.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    reporters: ['default'],
    restoreMocks: true,
  },
})
