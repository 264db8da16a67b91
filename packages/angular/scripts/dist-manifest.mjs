// ng-packagr copies publishConfig into dist/package.json; there it would point at dist/dist.
// The package is published (and linked in the workspace) from dist/, so dist's manifest drops it.
import { readFileSync, writeFileSync } from 'node:fs'

const path = new URL('../dist/package.json', import.meta.url)
const manifest = JSON.parse(readFileSync(path, 'utf8'))
manifest.publishConfig = { access: manifest.publishConfig?.access ?? 'public' }
writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`)
