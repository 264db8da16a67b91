// What an app ships of this package: ng-packagr's partial declarations, linked by Angular's linker
// as the CLI does, for size-limit to bundle with ngDevMode off (dev-only metadata dropped).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import angularLinker from '@angular/compiler-cli/linker/babel'
import { transformAsync } from '@babel/core'

const entry = new URL('../dist/fesm2022/inset-angular.mjs', import.meta.url)
const out = new URL('../.size/inset-angular.mjs', import.meta.url)
const linked = await transformAsync(readFileSync(entry, 'utf8'), {
  filename: entry.pathname,
  plugins: [[angularLinker, { linkerJitMode: false }]],
  babelrc: false,
  configFile: false,
  compact: false,
})
mkdirSync(new URL('.', out), { recursive: true })
writeFileSync(out, linked.code)
