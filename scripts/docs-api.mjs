#!/usr/bin/env node
// Generates the API reference, docs/api/<package>/, from the doc comments of every public package's
// entry points (TypeDoc with its Markdown theme, so it reads on GitHub and in an editor). Each
// package README links its folder. `pnpm docs:api` writes it; `--check` regenerates into a temporary
// folder and exits 1 when the committed reference differs (tooling/test-utils/src/docs.test.ts).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Application } from 'typedoc'
import { root } from './docs-lib.mjs'

export const TARGET = 'docs/api'

/** Package folder → the source files behind its published entry points. */
export const PACKAGES = {
  core: ['src/index.ts', 'src/tabs.ts'],
  elements: ['src/index.ts', 'src/define.ts'],
  react: ['src/index.ts'],
  vue: ['src/index.ts'],
  svelte: ['src/index.ts'],
  angular: ['src/index.ts'],
  node: ['src/index.ts', 'src/contract.ts'],
  server: ['src/index.ts'],
}

/** Writes one package's reference into `out`; resolves to the number of TypeDoc warnings. */
async function renderPackage(name, entries, out) {
  const dir = join(root, 'packages', name)
  const app = await Application.bootstrapWithPlugins({
    entryPoints: entries.map((entry) => join(dir, entry)),
    tsconfig: join(dir, 'tsconfig.json'),
    plugin: ['typedoc-plugin-markdown'],
    out,
    name: `@inset/${name}`,
    readme: 'none',
    // Source links would carry line numbers: every edit above a symbol would stale the reference.
    disableSources: true,
    disableGit: true,
    hideGenerator: true,
    excludePrivate: true,
    excludeInternal: true,
    excludeExternals: true,
    // The packages are type-checked by their own `typecheck` task; this one only documents them.
    skipErrorChecking: true,
    validation: { notExported: false, invalidLink: true, notDocumented: false },
    logLevel: 'Warn',
    entryFileName: 'README.md',
    outputFileStrategy: 'modules',
    hidePageHeader: true,
    useCodeBlocks: true,
    parametersFormat: 'table',
    interfacePropertiesFormat: 'table',
  })
  const project = await app.convert()
  if (!project) throw new Error(`TypeDoc could not convert @inset/${name}`)
  await app.generateOutputs(project)
  return app.logger.warningCount
}

/** Every file under `dir`, relative to it, with its text. */
function tree(dir) {
  const files = new Map()
  const walk = (path) => {
    for (const name of readdirSync(path)) {
      const child = join(path, name)
      if (statSync(child).isDirectory()) walk(child)
      else files.set(relative(dir, child), readFileSync(child, 'utf8'))
    }
  }
  try {
    walk(dir)
  } catch {}
  return files
}

/** Renders every package into `out` (default: the committed folder). */
export async function render(out = join(root, TARGET)) {
  rmSync(out, { recursive: true, force: true })
  let warnings = 0
  for (const [name, entries] of Object.entries(PACKAGES))
    warnings += await renderPackage(name, entries, join(out, name))
  return warnings
}

/** Files that differ between the committed reference and a fresh one, by path. */
export async function staleFiles() {
  const fresh = mkdtempSync(join(tmpdir(), 'inset-api-'))
  try {
    await render(fresh)
    const now = tree(fresh)
    const committed = tree(join(root, TARGET))
    const paths = new Set([...now.keys(), ...committed.keys()])
    return [...paths].filter((path) => now.get(path) !== committed.get(path)).sort()
  } finally {
    rmSync(fresh, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--check')) {
    const stale = await staleFiles()
    if (stale.length > 0) {
      console.error(`${TARGET} is stale (${stale.slice(0, 10).join(', ')}): run pnpm docs:api`)
      process.exit(1)
    }
    console.log(`${TARGET} is up to date`)
  } else {
    const warnings = await render()
    console.log(`wrote ${TARGET} (${warnings} TypeDoc warnings)`)
    if (warnings > 0) process.exitCode = 1
  }
}
