// Prints what the public entry costs, measured the way size-limit does (the same esbuild, an
// `import … from dist; console.log(…)` entry, minified, gzip level 9, less the 46 B size-limit
// subtracts for an empty project), then each source module's share of it. Run with
// `pnpm size:report` after `pnpm build`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

// The esbuild that size-limit itself measures with (a dependency of its preset, not of ours).
const fromPreset = createRequire(
  createRequire(import.meta.url).resolve('@size-limit/preset-small-lib'),
)
const { build } = createRequire(fromPreset.resolve('@size-limit/esbuild'))('esbuild')

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url))
const source = fileURLToPath(new URL('../src/index.ts', import.meta.url))
const gzip = (text) => gzipSync(text, { level: 9 }).length
const work = mkdtempSync(join(tmpdir(), 'inset-size-'))
let entries = 0

async function bundle(from, imports, list) {
  const entry = join(work, `entry${++entries}.js`)
  writeFileSync(entry, `import ${imports} from ${JSON.stringify(from)}\nconsole.log(${list})\n`)
  const result = await build({
    entryPoints: [entry],
    outdir: work,
    bundle: true,
    minifyIdentifiers: true,
    minifySyntax: true,
    minifyWhitespace: true,
    treeShaking: true,
    metafile: true,
    write: false,
  })
  const code = result.outputFiles[0].text
  return { code, gzip: gzip(code) - 46, inputs: Object.values(result.metafile.outputs)[0].inputs }
}

const row = (label, { code, gzip }) =>
  console.log(
    `${label.padEnd(30)} ${String(gzip).padStart(6)} B gzip ${String(code.length).padStart(7)} B min`,
  )

row('public entry (all exports)', await bundle(dist, '* as all', 'all'))
for (const name of ['createInset', 'createTokenSource', 'createApiClient', 'themeToCssVariables']) {
  row(`{ ${name} }`, await bundle(dist, `{ ${name} }`, name))
}

// Per module: its minified bytes in the whole entry, and that share of the gzip total.
const bySource = await bundle(source, '* as all', 'all')
const modules = Object.entries(bySource.inputs).filter(([, input]) => input.bytesInOutput)
const minTotal = modules.reduce((sum, [, input]) => sum + input.bytesInOutput, 0)
console.log('\nmodule               min B  ~gzip B')
for (const [path, { bytesInOutput }] of modules.sort(
  (a, b) => b[1].bytesInOutput - a[1].bytesInOutput,
)) {
  const share = Math.round((bytesInOutput / minTotal) * bySource.gzip)
  console.log(
    `${path.replace(/.*src\//, '').padEnd(18)} ${String(bytesInOutput).padStart(7)}  ${String(share).padStart(7)}`,
  )
}
rmSync(work, { recursive: true })
