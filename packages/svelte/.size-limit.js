// The binding's own code, compiled for the browser as an app's bundler compiles a Svelte library
// (the published `.svelte` and `.svelte.js` files are source); core, elements and svelte external.
import { readFile } from 'node:fs/promises'
import { compile, compileModule } from 'svelte/compiler'

/** @type {import('esbuild').Plugin} */
const svelte = {
  name: 'svelte',
  setup(build) {
    build.onLoad({ filter: /\.svelte(\.js)?$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8')
      const options = { filename: path, generate: 'client', dev: false }
      const { js } = path.endsWith('.js')
        ? compileModule(source, options)
        : compile(source, { ...options, runes: true })
      return { contents: js.code, loader: 'js' }
    })
  },
}

export default [
  {
    name: '@inset/svelte (the binding’s own code; core, elements and svelte external)',
    path: 'dist/index.js',
    import: '*',
    limit: '1.5 KB',
    gzip: true,
    ignore: ['@inset/core', '@inset/elements', 'svelte'],
    // ESM as apps bundle it: externals stay imports, without the IIFE's require() shim.
    modifyEsbuildConfig: (config) => ({
      ...config,
      format: 'esm',
      plugins: [...(config.plugins ?? []), svelte],
    }),
  },
]
