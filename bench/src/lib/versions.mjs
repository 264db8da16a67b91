// Installed versions of the packages the report measures, read from bench's own node_modules.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(new URL('../../package.json', import.meta.url))

/**
 * The version of an installed package (an npm alias gives the real package's name and version).
 * @example packageVersion('esbuild') // { name: 'esbuild', version: '0.28.2' }
 */
export function packageVersion(specifier) {
  try {
    let dir = dirname(require.resolve(specifier))
    for (;;) {
      try {
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
        if (manifest.name && manifest.version)
          return { name: manifest.name, version: manifest.version }
      } catch {}
      const parent = dirname(dir)
      if (parent === dir) return { name: specifier, version: 'unknown' }
      dir = parent
    }
  } catch {
    try {
      const manifest = require(`${specifier}/package.json`)
      return { name: manifest.name, version: manifest.version }
    } catch {
      return { name: specifier, version: 'not installed' }
    }
  }
}
