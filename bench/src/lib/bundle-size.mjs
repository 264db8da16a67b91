// Bundles one entry with the settings every product in the report gets, and measures what a
// browser downloads: each output file minified, then gzip (level 9) and brotli (quality 11).
import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { compileSvelte, linkAngular } from './esbuild-plugins.mjs'

/** Frameworks stay external for every product: the host page has them already. */
export const FRAMEWORKS = [
  'react',
  'react-dom',
  'react/*',
  'react-dom/*',
  'vue',
  '@angular/*',
  'svelte',
  'svelte/*',
]

/** The one esbuild configuration of the host-JS section (exported so the report can print it). */
export const SETTINGS = {
  bundle: true,
  minify: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis', ngDevMode: 'false' },
  loader: {
    '.woff': 'empty',
    '.woff2': 'empty',
    '.ttf': 'empty',
    '.eot': 'empty',
    '.png': 'empty',
    '.jpg': 'empty',
    '.gif': 'empty',
    '.svg': 'text',
  },
  logLevel: 'silent',
  plugins: [compileSvelte, linkAngular],
}

const sizes = (text) => {
  const buffer = Buffer.from(text)
  return {
    min: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }).length,
  }
}
const add = (files) =>
  files.reduce(
    (sum, file) => ({
      min: sum.min + file.min,
      gzip: sum.gzip + file.gzip,
      brotli: sum.brotli + file.brotli,
    }),
    { min: 0, gzip: 0, brotli: 0 },
  )

/**
 * Bundles `source` (an ES module's text) from `workDir` (inside bench/, so packages resolve from
 * bench's node_modules) and returns the static closure of the entry (`initial`), each lazily
 * imported chunk's own files beyond it (`lazy`, keyed by the source file's name), every JS file,
 * and any CSS the package imports.
 * @example await measureEntry(dir, 'import * as m from "@inset/core"; globalThis.m = m')
 */
export async function measureEntry(workDir, source, { external = [] } = {}) {
  mkdirSync(workDir, { recursive: true })
  const entry = join(workDir, 'entry.js')
  writeFileSync(entry, source)
  const outdir = join(workDir, 'out')
  const result = await build({
    ...SETTINGS,
    entryPoints: { entry },
    outdir,
    write: false,
    metafile: true,
    external: [...FRAMEWORKS, ...external],
  })
  const cwd = process.cwd()
  const text = new Map(result.outputFiles.map((file) => [relative(cwd, file.path), file.text]))
  const outputs = result.metafile.outputs
  const measured = new Map([...text].map(([path, content]) => [path, sizes(content)]))
  const closure = (start) => {
    const seen = new Set()
    const walk = (path) => {
      if (seen.has(path) || !outputs[path]) return
      seen.add(path)
      for (const dep of outputs[path].imports) if (dep.kind === 'import-statement') walk(dep.path)
    }
    walk(start)
    return seen
  }
  const js = Object.keys(outputs).filter((path) => path.endsWith('.js'))
  const entryOutput = js.find((path) => outputs[path].entryPoint?.endsWith('entry.js'))
  const initial = closure(entryOutput)
  const lazy = {}
  for (const path of js) {
    const from = outputs[path].entryPoint
    if (!from || path === entryOutput) continue
    const name = basename(from).replace(/(-[A-Za-z0-9_-]{8})?\.[cm]?[jt]sx?$/, '')
    lazy[name] = { files: [...closure(path)].filter((p) => !initial.has(p)) }
  }
  const total = (paths) => add([...paths].map((path) => measured.get(path)))
  for (const chunk of Object.values(lazy)) Object.assign(chunk, total(chunk.files))
  const css = Object.keys(outputs).filter((path) => path.endsWith('.css'))
  return {
    initial: { files: [...initial], ...total(initial) },
    lazy,
    allJs: { files: js, ...total(js) },
    css: css.length ? total(css) : null,
    /** The sum over the initial closure plus the named lazy chunks' files (each file once). */
    union(names) {
      const paths = new Set(initial)
      for (const name of names) for (const path of lazy[name]?.files ?? []) paths.add(path)
      return total(paths)
    },
  }
}
