import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

// `pnpm dev` serves the page alone; its token endpoint and /config.json come from `pnpm start`
// (PORT, default 5172), proxied here.
const backend = `http://localhost:${process.env.BACKEND_PORT ?? 5172}`

export default defineConfig({
  plugins: [vue()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: { proxy: { '/api': backend, '/config.json': backend } },
})
