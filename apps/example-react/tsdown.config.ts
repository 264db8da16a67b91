import { defineConfig } from 'tsdown'

// The backend only: Vite builds the page into dist/client.
export default defineConfig({
  entry: { main: 'server/main.ts' },
  outDir: 'dist/server',
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  dts: false,
  sourcemap: true,
  clean: true,
  fixedExtension: false,
  inputOptions: { checks: { pluginTimings: false } },
})
