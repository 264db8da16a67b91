// Prints what each source module costs in the public entry, measured the way size-limit does
// (esbuild bundle, minified, gzip level 9): the whole entry, each module's minified bytes, and the
// gzip bytes the entry loses without that module's code. Run with `pnpm size:report` (after `pnpm build`).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

// The esbuild that size-limit itself measures with (a dependency of its preset, not of ours).
const fromPreset = createRequire(
  createRequire(import.meta.url).resolve('@size-limit/preset-small-lib'),
)
const { build } = createRequire(fromPreset.resolve('@size-limit/esbuild'))('esbuild')

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url))
const gzip = (text) => gzipSync(text, { level: 9 }).length

async function bundle(contents) {
  const result = await build({
    stdin: { contents, resolveDir: fileURLToPath(new URL('.', import.meta.url)) },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    write: false,
    metafile: true,
  })
  return { code: result.outputFiles[0].text, metafile: result.metafile }
}

// The dist is one file: map its bytes back to sources through the sourcemap's region comments is
// brittle, so bundle the sources instead with the same settings.
const entry = `export * from ${JSON.stringify(dist)}`
const whole = await bundle(entry)
const total = gzip(whole.code)
console.log(
  `public entry (all exports)     ${String(total).padStart(6)} B gzip  ${whole.code.length} B min`,
)

for (const name of ['createInset', 'createTokenSource', 'createApiClient', 'themeToCssVariables']) {
  const { code } = await bundle(`export { ${name} } from ${JSON.stringify(dist)}`)
  console.log(
    `${`{ ${name} }`.padEnd(30)} ${String(gzip(code)).padStart(6)} B gzip  ${code.length} B min`,
  )
}

const source = fileURLToPath(new URL('../src/index.ts', import.meta.url))
const bySource = await bundle(`export * from ${JSON.stringify(source)}`)
const inputs = Object.values(bySource.metafile.outputs)[0].inputs
console.log('\nmodule                 min B  share of gzip')
const minTotal = Object.values(inputs).reduce((sum, { bytesInOutput }) => sum + bytesInOutput, 0)
const gzipTotal = gzip(bySource.code)
for (const [path, { bytesInOutput }] of Object.entries(inputs).sort(
  (a, b) => b[1].bytesInOutput - a[1].bytesInOutput,
)) {
  const share = Math.round((bytesInOutput / minTotal) * gzipTotal)
  console.log(
    `${path.replace(/.*src\//, '').padEnd(20)} ${String(bytesInOutput).padStart(7)}  ~${share}`,
  )
}
console.log(
  `(sources bundled directly: ${gzipTotal} B gzip; dist used above: ${readFileSync(dist).length} B raw)`,
)
