import { defineInsetVitest } from '@inset/config/vitest'

// Integration tests over real HTTP on DuckDB and PostgreSQL: a loaded 2-core CI machine can take
// more than vitest's 5 s for one of them, which is no failure of the code.
export default defineInsetVitest({ test: { testTimeout: 20_000, hookTimeout: 120_000 } })
