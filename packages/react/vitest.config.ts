import { defineInsetVitest } from '@inset/config/vitest'

export default defineInsetVitest({
  test: { environment: 'happy-dom', setupFiles: ['test/setup.ts'] },
})
