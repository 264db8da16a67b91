// The package is published from dist/ (publishConfig.directory); ng-packagr copies the source
// manifest there, whose `main`/`types` (for the workspace, pointing into dist/) and publishConfig
// would be wrong inside dist/. Its own `exports`, `module` and `typings` stay.
import { readFileSync, writeFileSync } from 'node:fs'

const path = new URL('../dist/package.json', import.meta.url)
const { main, types, publishConfig, ...manifest } = JSON.parse(readFileSync(path, 'utf8'))
manifest.publishConfig = { access: publishConfig?.access ?? 'public' }
writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`)
