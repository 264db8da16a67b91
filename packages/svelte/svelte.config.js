import { vitePreprocess } from '@sveltejs/vite-plugin-svelte'

/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  // TypeScript in `<script lang="ts">` becomes JavaScript in the published `.svelte` files.
  preprocess: vitePreprocess({ script: true }),
  compilerOptions: { runes: true },
}
