// Builds what a host's bundler would ship (minified, code-split ESM) into .size/ so that
// size-limit can measure the initial module apart from the lazily imported chunks:
//   initial.js   = src/index.ts and every chunk it imports statically (no core, no charts)
//   with-core.js = the same plus @inset/core
//   chart.js     = the lazy chart chunk with uPlot
//   assistant.js = the lazy assistant UI and session
//   filter-bar.js = the lazy filter bar, loaded with the first definition
//   tile-actions.js = the tiles' selection chip, drill toggle, downloads and breadcrumb (same time)
//   data-age.js  = a tile's "as of 10:42" hint, loaded with the first result of a caching server
//   cdn.js       = what the CDN build's one script tag loads first (core inside, elements defined)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { build } from 'esbuild'

const out = 'test-results/size-build'
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })

async function bundle(external, entry = 'src/index.ts') {
  const result = await build({
    entryPoints: { index: entry },
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    outdir: out,
    metafile: true,
    external,
    logLevel: 'error',
  })
  const files = new Map(
    result.outputFiles.map((file) => [file.path.slice(file.path.indexOf(`${out}/`)), file.text]),
  )
  const outputs = result.metafile.outputs
  // The static closure of an output: what loads before its code runs.
  const closure = (start) => {
    const seen = new Set()
    const walk = (path) => {
      if (seen.has(path)) return
      seen.add(path)
      for (const dep of outputs[path].imports)
        if (dep.kind === 'import-statement' && outputs[dep.path]) walk(dep.path)
    }
    walk(start)
    return seen
  }
  const text = (paths) => [...paths].map((path) => files.get(path)).join('\n')
  const initial = closure(`${out}/index.js`)
  const lazy = (name) => {
    const path = Object.keys(outputs).find((p) => p.includes(`/${name}-`))
    return text([...closure(path)].filter((p) => !initial.has(p)))
  }
  return {
    initial: text(initial),
    chart: lazy('chart-tile'),
    assistant: lazy('assistant-session'),
    filterBar: lazy('filter-bar'),
    tileActions: lazy('tile-actions'),
    dataAge: lazy('data-age'),
  }
}

const own = await bundle(['@inset/core'])
const withCore = await bundle([])
writeFileSync(`${out}/initial.js`, own.initial)
writeFileSync(`${out}/with-core.js`, withCore.initial)
writeFileSync(`${out}/chart.js`, own.chart)
writeFileSync(`${out}/assistant.js`, own.assistant)
writeFileSync(`${out}/filter-bar.js`, own.filterBar)
writeFileSync(`${out}/tile-actions.js`, own.tileActions)
writeFileSync(`${out}/data-age.js`, own.dataAge)
writeFileSync(`${out}/cdn.js`, (await bundle([], 'src/cdn.ts')).initial)
