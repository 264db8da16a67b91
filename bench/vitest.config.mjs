import { defineInsetVitest } from '@inset/config/vitest'

// The report's own logic (statistics, how requests and bundles are read), not the measurements.
export default defineInsetVitest({
  test: { include: ['test/**/*.test.mjs'], typecheck: { enabled: false } },
})
