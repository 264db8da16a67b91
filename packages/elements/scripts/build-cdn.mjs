// dist/cdn: one ESM entry a page loads with a single <script type="module"> (core and uPlot
// inside, elements registered), the lazy chunks beside it, loaded relative to the entry's URL.
import { rmSync } from 'node:fs'
import { build } from 'esbuild'

rmSync('dist/cdn', { recursive: true, force: true })
await build({
  entryPoints: { 'inset-elements': 'src/cdn.ts' },
  bundle: true,
  minify: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  outdir: 'dist/cdn',
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'error',
})
