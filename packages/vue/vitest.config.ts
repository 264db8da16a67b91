import { defineInsetVitest } from '@inset/config/vitest'
import vue from '@vitejs/plugin-vue'

export default defineInsetVitest({
  plugins: [vue()],
  test: { environment: 'happy-dom', setupFiles: ['test/setup.ts'] },
})
