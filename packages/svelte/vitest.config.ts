import { fileURLToPath } from 'node:url'
import { defineInsetVitest } from '@inset/config/vitest'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { svelteTesting } from '@testing-library/svelte/vite'

// Tests mount the client build of each component in happy-dom; the test harnesses import the
// package by its name, which is the source here and the built package in the server render.
export default defineInsetVitest({
  plugins: [svelte(), svelteTesting()],
  resolve: {
    alias: { '@inset/svelte': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: { environment: 'happy-dom' },
})
