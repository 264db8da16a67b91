import { defineInsetVitest } from '@inset/config/vitest'

export default defineInsetVitest({ test: { include: ['src/**/*.test.ts'] } })
