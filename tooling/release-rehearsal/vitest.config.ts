import { defineInsetVitest } from '@inset/config/vitest'

// Each case packs a small package with npm: give it time on 2 cores.
export default defineInsetVitest({ test: { testTimeout: 60_000 } })
