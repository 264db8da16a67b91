// What an app's build does to a library before bundling it, applied to every product alike:
// Svelte files are compiled (the published `.svelte` / `.svelte.js` files are source) and Angular's
// partial declarations are linked (as the Angular CLI does). Files that need neither pass through.
import { readFile } from 'node:fs/promises'

/** @type {import('esbuild').Plugin} */
export const compileSvelte = {
  name: 'compile-svelte',
  setup(build) {
    build.onLoad({ filter: /\.svelte(\.js)?$/ }, async ({ path }) => {
      const { compile, compileModule } = await import('svelte/compiler')
      const source = await readFile(path, 'utf8')
      const options = { filename: path, generate: 'client', dev: false }
      const { js } = path.endsWith('.js')
        ? compileModule(source, options)
        : compile(source, { ...options, runes: true })
      return { contents: js.code, loader: 'js' }
    })
  },
}

/** @type {import('esbuild').Plugin} */
export const linkAngular = {
  name: 'link-angular',
  setup(build) {
    build.onLoad({ filter: /[\\/]fesm20\d\d[\\/].*\.mjs$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8')
      if (!source.includes('ɵɵngDeclare')) return undefined
      const [{ transformAsync }, { default: linker }] = await Promise.all([
        import('@babel/core'),
        import('@angular/compiler-cli/linker/babel'),
      ])
      const linked = await transformAsync(source, {
        filename: path,
        plugins: [[linker, { linkerJitMode: false }]],
        babelrc: false,
        configFile: false,
        compact: false,
      })
      return { contents: linked.code, loader: 'js' }
    })
  },
}
