import { defineInsetVitest } from '@inset/config/vitest'

export default defineInsetVitest({
  test: { include: ['server/**/*.test.ts', 'src/**/*.test.{ts,tsx}'] },
})
