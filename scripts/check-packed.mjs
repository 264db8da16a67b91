// Checks what users would install: packs each public package as `pnpm release` would publish it
// (pnpm pack: `workspace:` ranges replaced, `publishConfig.directory` honoured) and inspects the
// tarball. publint and attw (each package's `lint`) check the entry points; this checks the rest:
//   workspace-range  no `workspace:`/`catalog:`/`link:`/`file:` range in dependencies,
//                    peerDependencies or optionalDependencies of the packed manifest
//   files            a `files` list (unless published from a built directory) and nothing in the
//                    tarball that users do not need: sources, tests, configs, caches, dotfiles
//   readme, license  README.md and a LICENSE file in the tarball, a `license` field
//   types            every `types`/`typings` path and every `types` condition exists, every
//                    JavaScript entry has types
//   entries          every JavaScript path that `exports`, `main`, `module` and `bin` name exists
//   side-effects     `sideEffects` declared; a module that runs code at import (a top-level call,
//                    a custom element defined, a bare relative import, a `.svelte` component with a
//                    `<style>`) is covered by it
//   version          the packed version is the package.json version (a stale built directory)
//
// Usage: node scripts/check-packed.mjs [--packer=pnpm|npm] [package dir...]
// Without dirs: every non-private package under packages/. Exits 1 when any check fails.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, posix, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))
const DEP_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies']
const LOCAL_PROTOCOL = /^(workspace|catalog|link|file|portal):/
const JS_FILE = /\.(m|c)?js$/
/** Paths in a tarball that users never need. */
const UNWANTED = [
  [/(^|\/)src\//, 'sources'],
  [
    /(^|\/)(test|tests|__tests__|e2e|fixtures|bench|coverage|test-results)\//,
    'tests or benchmarks',
  ],
  [/\.(test|spec|test-d|bench)\.[cm]?[jt]sx?$/, 'a test file'],
  [/\.(test|spec|test-d)\.d\.[cm]?ts$/, 'a test file'],
  [/(^|\/)(node_modules|\.turbo|\.inset-data)\//, 'a cache'],
  [/(^|\/)\.[^/]+$/, 'a dotfile'],
  [/\.(tsbuildinfo|log|duckdb|duckdb\.wal|tgz)$/, 'a build or run artifact'],
  [
    /^(tsconfig[^/]*\.json|(vitest|vite|tsdown|tsup|svelte|playwright|size-limit)\.config\.[cm]?[jt]s|ng-package\.json|turbo\.json|biome\.json|\.size-limit\.[^/]+)$/,
    'a config file',
  ],
]

/** @typedef {{ rule: string, message: string }} Problem */

/** Lists every file below `dir` as posix paths relative to it. */
function listFiles(dir, base = dir) {
  const out = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...listFiles(path, base))
    else out.push(relative(base, path).split('\\').join('/'))
  }
  return out.sort()
}

const normalize = (path) => posix.normalize(String(path).replace(/^\.\//, ''))

/** Every string leaf of an `exports` value with the chain of conditions that leads to it. */
function exportTargets(value, conditions = [], subpath = '.') {
  if (typeof value === 'string') return [{ subpath, conditions, target: value }]
  if (Array.isArray(value)) return value.flatMap((v) => exportTargets(v, conditions, subpath))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) =>
      key.startsWith('.')
        ? exportTargets(v, [], key)
        : exportTargets(v, [...conditions, key], subpath),
    )
  }
  return []
}

/** `sideEffects` array entries as matchers of posix paths relative to the package. */
function sideEffectMatchers(patterns) {
  return patterns.map((pattern) => {
    const p = normalize(pattern)
    const source = p
      .split(/(\*\*\/|\*\*|\*)/)
      .map((part) =>
        part === '**/'
          ? '(?:.*/)?'
          : part === '**'
            ? '.*'
            : part === '*'
              ? '[^/]*'
              : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('')
    // A pattern without a slash matches the file name anywhere (as webpack does).
    return new RegExp(p.includes('/') ? `^${source}$` : `(^|/)${source}$`)
  })
}

const PURE = /[#@]__PURE__/
const GLOBALS = /^(window|globalThis|self|document)$/

/**
 * What a JavaScript module does to the world outside itself when it is imported: the effects a
 * bundler would silently drop under `"sideEffects": false`. Found in top-level code (not inside
 * functions or classes): a custom element defined, a global assigned, a statement that calls a
 * function imported from another module (`defineInsetElements()`), a bare relative import, and the
 * same inside a module-level function that a top-level statement calls (a bundle's `init()`). Calls
 * annotated `#__PURE__` and Angular's partial-compilation metadata (`ɵɵngDeclare*`, removed by the
 * consumer's linker) are not effects. A module's own bookkeeping (uPlot's `uPlot.fmtNum = …`) is
 * not looked at: dropping it with the module changes nothing.
 * @param {typeof import('typescript')} ts
 * @returns {string[]} one short description per effect
 */
export function topLevelEffects(ts, code, fileName = 'module.js') {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS)
  const effects = []
  const text = (node) => node.getText(source).replace(/\s+/g, ' ').slice(0, 80)
  const isPure = (node) => PURE.test(code.slice(node.getFullStart(), node.getStart(source)))
  const imported = new Set()
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement)) continue
    const specifier = statement.moduleSpecifier.text
    const clause = statement.importClause
    if (!clause) {
      if (specifier.startsWith('.')) effects.push(`imports ${specifier} for its effects`)
      continue
    }
    if (clause.name) imported.add(clause.name.text)
    const bindings = clause.namedBindings
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) imported.add(element.name.text)
    }
  }
  /** Module-level functions by name, for the calls made at import. */
  const localFunctions = new Map()
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
      localFunctions.set(statement.name.text, statement.body)
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer
        if (
          ts.isIdentifier(declaration.name) &&
          init &&
          (ts.isArrowFunction(init) || ts.isFunctionExpression(init))
        ) {
          localFunctions.set(declaration.name.text, init.body)
        }
      }
    }
  }
  const entered = new Set()
  const calleeName = (call) => {
    let callee = call.expression
    while (ts.isParenthesizedExpression(callee)) callee = callee.expression
    if (ts.isIdentifier(callee)) return callee.text
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
      return callee.expression.text // ns.fn(): the namespace import
    }
    return undefined
  }
  const visit = (node, statementLevel) => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return
    if (ts.isCallExpression(node) && !isPure(node)) {
      const callee = node.expression
      if (
        ts.isPropertyAccessExpression(callee) &&
        callee.name.text === 'define' &&
        /(^|\.)customElements$/.test(callee.expression.getText(source))
      ) {
        effects.push(`defines a custom element: ${text(node)}`)
      } else if (
        statementLevel &&
        imported.has(calleeName(node) ?? '') &&
        !(ts.isPropertyAccessExpression(callee) && callee.name.text.startsWith('ɵɵngDeclare'))
      ) {
        effects.push(`calls an imported function at import: ${text(node)}`)
      } else if (statementLevel && localFunctions.has(calleeName(node) ?? '')) {
        const name = calleeName(node)
        if (!entered.has(name)) {
          entered.add(name)
          visit(localFunctions.get(name), true)
        }
      }
    }
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      (ts.isPropertyAccessExpression(node.left) || ts.isElementAccessExpression(node.left)) &&
      GLOBALS.test(node.left.expression.getText(source))
    ) {
      effects.push(`assigns a global: ${text(node)}`)
    }
    // A call directly in a top-level statement runs at import; one inside an initializer builds
    // a value (a `const x = create()` that a bundler may drop with the module).
    const childLevel =
      statementLevel &&
      (ts.isExpressionStatement(node) ||
        ts.isBlock(node) ||
        ts.isIfStatement(node) ||
        ts.isBinaryExpression(node) ||
        ts.isParenthesizedExpression(node) ||
        ts.isCallExpression(node) ||
        ts.isAwaitExpression(node) ||
        ts.isSourceFile(node) ||
        ts.isStatement(node))
    ts.forEachChild(node, (child) => visit(child, childLevel))
  }
  visit(source, true)
  return effects
}

/**
 * Checks an unpacked package (the `package/` folder of its tarball).
 * @param {{ packedDir: string, sourceManifest?: Record<string, any>, ts: typeof import('typescript') }} options
 * @returns {Problem[]}
 */
export function checkPackedDir({ packedDir, sourceManifest, ts }) {
  /** @type {Problem[]} */
  const problems = []
  const fail = (rule, message) => problems.push({ rule, message })
  const manifest = JSON.parse(readFileSync(join(packedDir, 'package.json'), 'utf8'))
  const source = sourceManifest ?? manifest
  const files = listFiles(packedDir)
  const has = (path) => files.includes(normalize(path))

  for (const field of DEP_FIELDS) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (LOCAL_PROTOCOL.test(String(range))) {
        fail('workspace-range', `${field}.${name} is "${range}" in the packed package.json`)
      }
    }
  }

  if (!source.publishConfig?.directory && !Array.isArray(source.files)) {
    fail('files', 'package.json has no "files" list: everything not ignored would be published')
  }
  for (const file of files) {
    const hit = UNWANTED.find(([pattern]) => pattern.test(file))
    if (hit) fail('files', `${file} is packed (${hit[1]})`)
  }

  if (!files.some((f) => /^readme(\.md)?$/i.test(f))) fail('readme', 'no README.md in the package')
  if (!files.some((f) => /^licen[cs]e(\.(md|txt))?$/i.test(f))) {
    fail('license', 'no LICENSE file in the package')
  }
  if (!manifest.license) fail('license', 'package.json has no "license" field')

  const targets = exportTargets(manifest.exports ?? {})
  const typePaths = [manifest.types, manifest.typings].filter(Boolean)
  for (const { conditions, target } of targets) {
    if (conditions.includes('types')) typePaths.push(target)
  }
  for (const path of typePaths) {
    if (!has(path)) fail('types', `types file ${path} is not in the package`)
  }
  for (const { subpath, conditions, target } of targets) {
    if (conditions.includes('types') || !JS_FILE.test(target)) continue
    if (!has(target)) fail('entries', `exports["${subpath}"] → ${target} is not in the package`)
    const typed = targets.some((t) => t.subpath === subpath && t.conditions.includes('types'))
    const sibling = target.replace(/\.(m|c)?js$/, '.d.$1ts')
    if (!typed && !has(sibling)) fail('types', `exports["${subpath}"] (${target}) has no types`)
  }
  if (!manifest.exports && !manifest.types && !manifest.typings) {
    fail('types', 'no "types" and no "exports" with types')
  }
  const bins = typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {})
  for (const path of [manifest.main, manifest.module, ...bins].filter(Boolean)) {
    if (!has(path)) fail('entries', `${path} (main/module/bin) is not in the package`)
  }

  const sideEffects = manifest.sideEffects
  if (sideEffects === undefined) {
    fail('side-effects', 'no "sideEffects" field: bundlers keep every module')
  } else if (sideEffects !== true) {
    const matchers = Array.isArray(sideEffects) ? sideEffectMatchers(sideEffects) : []
    const covered = (file) => matchers.some((m) => m.test(file))
    for (const file of files) {
      if (covered(file)) continue
      let effects = []
      if (JS_FILE.test(file)) {
        effects = topLevelEffects(ts, readFileSync(join(packedDir, file), 'utf8'), file)
      } else if (file.endsWith('.svelte')) {
        if (/<style[\s>]/.test(readFileSync(join(packedDir, file), 'utf8'))) {
          effects = ['has a <style> (its CSS is a side-effect import)']
        }
      } else if (file.endsWith('.css')) {
        effects = ['is a stylesheet']
      }
      for (const effect of effects) {
        fail('side-effects', `${file} ${effect}, but "sideEffects" does not cover it`)
      }
    }
  }

  if (sourceManifest && manifest.version !== sourceManifest.version) {
    fail(
      'version',
      `packed version ${manifest.version} is not package.json's ${sourceManifest.version} (stale ${source.publishConfig?.directory ?? 'build'}?)`,
    )
  }
  return problems
}

/**
 * How to run the repo's pnpm anywhere: through corepack with the root's `packageManager` (a
 * folder outside the repo has none, and corepack would fetch the latest pnpm), else plain pnpm.
 * @returns {[string, string[]]}
 */
export function pnpmCommand(root = ROOT) {
  const spec = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager
  return typeof spec === 'string' && spec.startsWith('pnpm@') ? ['corepack', [spec]] : ['pnpm', []]
}

/**
 * Packs a package with pnpm (as `changeset publish` does here) or npm and checks the tarball.
 * @returns {{ name: string, version: string, files: number, bytes: number, problems: Problem[] }}
 */
export async function checkPackage(dir, { packer = 'pnpm' } = {}) {
  const ts = (await import('typescript')).default
  const sourceManifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const work = mkdtempSync(join(tmpdir(), 'inset-check-packed-'))
  try {
    const [command, prefix] = packer === 'npm' ? ['npm', []] : pnpmCommand()
    try {
      execFileSync(command, [...prefix, 'pack', '--pack-destination', work], {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      })
    } catch (error) {
      // pnpm reports on stdout, npm on stderr.
      const said = `${error.stdout ?? ''}\n${error.stderr ?? ''}`
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .slice(-3)
        .join(' | ')
      throw new Error(`${packer} pack failed${said ? `: ${said}` : ''}`)
    }
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))
    if (!tarball) throw new Error(`${packer} pack wrote no tarball for ${dir}`)
    const bytes = statSync(join(work, tarball)).size
    execFileSync('tar', ['xzf', tarball], { cwd: work })
    const packedDir = join(work, 'package')
    const problems = checkPackedDir({ packedDir, sourceManifest, ts })
    const manifest = JSON.parse(readFileSync(join(packedDir, 'package.json'), 'utf8'))
    return {
      name: manifest.name,
      version: manifest.version,
      files: listFiles(packedDir).length,
      bytes,
      problems,
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** Every non-private package under packages/. */
export function publicPackageDirs(root = ROOT) {
  const dir = join(root, 'packages')
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((d) => existsSync(join(d, 'package.json')))
    .filter((d) => !JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')).private)
    .sort()
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2)
  const packer = args.find((a) => a.startsWith('--packer='))?.slice('--packer='.length) ?? 'pnpm'
  const dirs = args.filter((a) => !a.startsWith('--')).map((d) => resolve(d))
  let failed = 0
  for (const dir of dirs.length > 0 ? dirs : publicPackageDirs()) {
    try {
      const result = await checkPackage(dir, { packer })
      const size = `${result.files} files, ${(result.bytes / 1024).toFixed(1)} kB packed`
      if (result.problems.length === 0) {
        console.log(`check-packed ok   ${result.name}@${result.version} (${size})`)
      } else {
        failed += 1
        console.log(`check-packed FAIL ${result.name}@${result.version} (${size})`)
        for (const { rule, message } of result.problems) console.log(`  ${rule}: ${message}`)
      }
    } catch (error) {
      failed += 1
      console.log(
        `check-packed FAIL ${relative(ROOT, dir) || dir}: ${String(error.message ?? error).split('\n')[0]}`,
      )
    }
  }
  process.exitCode = failed > 0 ? 1 : 0
}
