import { defineInsetVitest } from '@inset/config/vitest'

// DuckDB loads the 50,000 sample orders once per file: give that a moment on 2 cores.
export default defineInsetVitest({ test: { testTimeout: 30_000 } })
