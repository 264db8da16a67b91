// scripts/check-packed.mjs on small packages made here, each broken in one way: packed for real
// (npm pack keeps a `workspace:` range as written; pnpm pack honours publishConfig.directory),
// then checked, through the functions and through the command line.
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'
import { checkPackage, topLevelEffects } from '../../../scripts/check-packed.mjs'

const SCRIPT = fileURLToPath(new URL('../../../scripts/check-packed.mjs', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'inset-check-packed-test-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

type Files = Record<string, string | null>

const GOOD: Files = {
  'package.json': JSON.stringify({
    name: '@fixture/good',
    version: '1.2.3',
    license: 'MIT',
    type: 'module',
    sideEffects: false,
    exports: {
      '.': { types: './dist/index.d.ts', import: './dist/index.js' },
      './package.json': './package.json',
    },
    types: './dist/index.d.ts',
    files: ['dist'],
    dependencies: { 'left-pad': '^1.3.0' },
  }),
  'README.md': '# @fixture/good\n\nA package that users can install.\n',
  LICENSE: 'MIT License\n',
  'dist/index.js':
    "'use client'\nimport { helper } from './helper.js'\nexport const answer = helper(42)\n",
  'dist/helper.js': '/*#__PURE__*/ Object.freeze({})\nexport function helper(n) { return n }\n',
  'dist/index.d.ts': 'export declare const answer: number\n',
  'src/index.ts': 'export const answer: number = 42\n',
}

let count = 0
/** Writes GOOD with `changes` (null deletes a file, a function edits package.json). */
function fixture(changes: Files = {}, manifest?: (m: Record<string, unknown>) => void): string {
  const dir = join(work, `pkg-${++count}`)
  const files = { ...GOOD, ...changes }
  if (manifest) {
    const m = JSON.parse(files['package.json']!)
    manifest(m)
    files['package.json'] = JSON.stringify(m, null, 2)
  }
  for (const [path, text] of Object.entries(files)) {
    if (text === null) continue
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

const rules = async (dir: string, packer: 'npm' | 'pnpm' = 'npm') =>
  (await checkPackage(dir, { packer })).problems.map((p: { rule: string }) => p.rule)

const cli = (...args: string[]) =>
  promisify(execFile)(process.execPath, [SCRIPT, ...args]).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  )

describe('check-packed on packed packages', () => {
  it('passes a complete package', async () => {
    const result = await checkPackage(fixture(), { packer: 'npm' })
    expect(result).toMatchObject({ name: '@fixture/good', version: '1.2.3', problems: [] })
  })

  it('fails a package whose types file is missing', async () => {
    const { problems } = await checkPackage(fixture({ 'dist/index.d.ts': null }), { packer: 'npm' })
    expect(problems).toContainEqual({
      rule: 'types',
      message: 'types file ./dist/index.d.ts is not in the package',
    })
  })

  it('fails a package with a workspace: range left in its manifest', async () => {
    const dir = fixture({}, (m) => {
      m.dependencies = { '@fixture/core': 'workspace:^', 'left-pad': '^1.3.0' }
      m.peerDependencies = { react: 'catalog:' }
    })
    const { problems } = await checkPackage(dir, { packer: 'npm' })
    expect(problems).toEqual([
      {
        rule: 'workspace-range',
        message: 'dependencies.@fixture/core is "workspace:^" in the packed package.json',
      },
      {
        rule: 'workspace-range',
        message: 'peerDependencies.react is "catalog:" in the packed package.json',
      },
    ])
  })

  it('fails a package without LICENSE or README', async () => {
    expect(await rules(fixture({ LICENSE: null, 'README.md': null }))).toEqual([
      'readme',
      'license',
    ])
  })

  it('fails a package that ships sources and tests, or has no files list', async () => {
    const wide = fixture({ 'dist/index.test.js': 'test()\n' }, (m) => {
      delete m.files
    })
    const { problems } = await checkPackage(wide, { packer: 'npm' })
    const messages = problems.map((p: { message: string }) => p.message)
    expect(messages).toContain(
      'package.json has no "files" list: everything not ignored would be published',
    )
    expect(messages).toContain('src/index.ts is packed (sources)')
    expect(messages).toContain('dist/index.test.js is packed (a test file)')
  })

  it('fails a JavaScript entry without types', async () => {
    const dir = fixture({ 'dist/extra.js': 'export const x = 1\n' }, (m) => {
      ;(m.exports as Record<string, unknown>)['./extra'] = './dist/extra.js'
    })
    expect(await rules(dir)).toEqual(['types'])
  })

  it('fails "sideEffects": false over a module that defines a custom element', async () => {
    const define = {
      'dist/define.js':
        "import { register } from './index.js'\nregister()\ncustomElements.define('x-a', class extends HTMLElement {})\n",
    }
    expect(await rules(fixture(define))).toEqual(['side-effects', 'side-effects'])
    // Listing the module in "sideEffects" is the honest declaration.
    expect(await rules(fixture(define, (m) => (m.sideEffects = ['./dist/define.js'])))).toEqual([])
    expect(await rules(fixture(define, (m) => delete m.sideEffects))).toEqual(['side-effects'])
  })

  it('fails a built directory whose manifest is older than package.json (pnpm pack)', async () => {
    const dir = fixture(
      {
        'dist/package.json': JSON.stringify({
          name: '@fixture/good',
          version: '1.0.0',
          license: 'MIT',
          type: 'module',
          sideEffects: false,
          exports: { '.': { types: './index.d.ts', default: './index.js' } },
        }),
        'dist/README.md': GOOD['README.md']!,
        'dist/LICENSE': 'MIT License\n',
      },
      (m) => {
        delete m.files
        delete m.exports
        delete m.types
        m.publishConfig = { directory: 'dist' }
      },
    )
    const { name, version, problems } = await checkPackage(dir, { packer: 'pnpm' })
    expect({ name, version }).toEqual({ name: '@fixture/good', version: '1.0.0' })
    expect(problems).toEqual([
      {
        rule: 'version',
        message: "packed version 1.0.0 is not package.json's 1.2.3 (stale dist?)",
      },
    ])
  })

  it('exits 1 and names each problem on the command line, 0 when all is well', async () => {
    const good = fixture()
    const broken = fixture({ 'dist/index.d.ts': null }, (m) => {
      m.dependencies = { '@fixture/core': 'workspace:*' }
    })
    const failed = await cli('--packer=npm', good, broken)
    expect(failed.code).toBe(1)
    expect(failed.stdout).toMatch(/^check-packed ok {3}@fixture\/good@1\.2\.3 /m)
    expect(failed.stdout).toMatch(/^check-packed FAIL @fixture\/good@1\.2\.3 /m)
    expect(failed.stdout).toContain('  types: types file ./dist/index.d.ts is not in the package')
    expect(failed.stdout).toContain(
      '  workspace-range: dependencies.@fixture/core is "workspace:*" in the packed package.json',
    )
    expect((await cli('--packer=npm', good)).code).toBe(0)
  })
})

describe('topLevelEffects', () => {
  const effects = (code: string) => topLevelEffects(ts, code)

  it('sees what a bundler would drop: elements defined, globals set, imported setup called', () => {
    expect(effects("customElements.define('x-a', A)")).toEqual([
      "defines a custom element: customElements.define('x-a', A)",
    ])
    expect(effects('window.Inset = {}')).toEqual(['assigns a global: window.Inset = {}'])
    expect(effects("import { setup } from './setup.js'\nsetup()")).toEqual([
      'calls an imported function at import: setup()',
    ])
    expect(effects("import './define.js'")).toEqual(['imports ./define.js for its effects'])
    // A bundle's local init() that registers the elements.
    expect(
      effects(
        "function init() { if (!customElements.get('x-a')) customElements.define('x-a', A) }\ninit()",
      ),
    ).toEqual(["defines a custom element: customElements.define('x-a', A)"])
  })

  it('ignores declarations, directives, pure calls, Angular metadata and a module’s own bookkeeping', () => {
    const code = [
      "'use client'",
      "import * as i0 from '@angular/core'",
      "import { create } from './create.js'",
      'const registry = create()',
      'export function define() { customElements.define("x-a", A) }',
      'class A extends HTMLElement {}',
      'i0.ɵɵngDeclareClassMetadata({ type: A })',
      '/*#__PURE__*/ create()',
      'function uPlot() {}',
      'uPlot.fmtNum = (n) => n',
    ].join('\n')
    expect(effects(code)).toEqual([])
  })
})
