import { sveltekit } from '@sveltejs/kit/vite'
import { defineConfig } from 'vite'

// `pnpm dev` serves the page alone; its token endpoint and /config.json come from `pnpm start`
// (PORT, default 5174), proxied here.
const backend = `http://localhost:${process.env.BACKEND_PORT ?? 5174}`

export default defineConfig({
  plugins: [sveltekit()],
  build: {
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: { proxy: { '/api': backend, '/config.json': backend } },
})
