// Helpers of the generated docs (scripts/docs-*.mjs): load a TypeScript module of the workspace
// without a build, write or check a generated file.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Imports a TypeScript file of a package: its types are stripped (TypeScript's `transpileModule`)
 * and the result is written under that package's `node_modules/.cache`, so its imports resolve as
 * the package's own (`zod`, `@inset/core`'s build). Relative imports are not supported.
 */
export async function importTs(file, packageDir, append = '') {
  const source = `${readFileSync(join(root, file), 'utf8')}\n${append}\n`
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  })
  const dir = join(root, packageDir, 'node_modules/.cache/inset-docs')
  mkdirSync(dir, { recursive: true })
  const out = join(dir, `${process.pid}-${Date.now()}-${file.replaceAll(/[/.]/g, '_')}.mjs`)
  writeFileSync(out, outputText)
  try {
    return await import(pathToFileURL(out).href)
  } finally {
    rmSync(out, { force: true })
  }
}

/** A markdown table; `|` and newlines inside cells are escaped. */
export function table(header, rows) {
  const cell = (value) =>
    String(value ?? '')
      .replaceAll('|', '\\|')
      .replaceAll('\n', ' ')
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n')
}

/**
 * `node scripts/docs-x.mjs` writes the file; `--check` exits 1 when the committed one differs.
 */
export async function writeOrCheck(target, render) {
  const text = await render()
  const path = join(root, target)
  if (process.argv.includes('--check')) {
    let current = ''
    try {
      current = readFileSync(path, 'utf8')
    } catch {}
    if (current !== text) {
      console.error(`${target} is stale: run node ${relative(root, process.argv[1])}`)
      process.exit(1)
    }
    console.log(`${target} is up to date`)
    return
  }
  writeFileSync(path, text)
  console.log(`wrote ${target}`)
}

/** The text as `biome format` writes it (the repo's formatter also formats Markdown). */
export function formatLikeBiome(text, path) {
  const result = spawnSync(
    join(root, 'node_modules/.bin/biome'),
    ['format', `--stdin-file-path=${path}`],
    { cwd: root, input: text, encoding: 'utf8' },
  )
  if (result.status !== 0) throw new Error(`biome format ${path}: ${result.stderr}`)
  return result.stdout
}
