import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// `pnpm dev` serves the page alone; its token endpoint and /config.json come from `pnpm start`
// (PORT, default 5171), proxied here.
const backend = `http://localhost:${process.env.BACKEND_PORT ?? 5171}`

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist/client', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: { proxy: { '/api': backend, '/config.json': backend } },
})
