// Section 1: host JS to a first chart. Every product bundled with the same esbuild settings
// (frameworks external), minified, gzip and brotli; ours from the built dist, peers from their
// published packages. A product that fails to bundle stays in the table with the reason.
import { join } from 'node:path'
import { FRAMEWORKS, measureEntry, SETTINGS } from '../lib/bundle-size.mjs'
import { kb, table } from '../lib/format.mjs'
import { formatSummary, summarize } from '../lib/stats.mjs'
import { packageVersion } from '../lib/versions.mjs'
import { FIRST_CHART_CHUNKS, OURS, PEERS } from './host-js-products.mjs'

const KINDS = ['min', 'gzip', 'brotli']
const summarizeSizes = (list) =>
  Object.fromEntries(KINDS.map((kind) => [kind, summarize(list.map((sizes) => sizes[kind]))]))

async function measureProduct(product, { runs, workRoot }) {
  const samples = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    const result = await measureEntry(join(workRoot, product.id), product.source, {
      external: product.external,
    })
    samples.push({ result, ms: performance.now() - started })
  }
  const pick = (fn) => summarizeSizes(samples.map(({ result }) => fn(result)))
  const last = samples.at(-1).result
  return {
    initial: pick((r) => r.initial),
    lazyTotal: pick((r) => subtract(r.allJs, r.initial)),
    lazy: Object.fromEntries(
      Object.keys(last.lazy).map((name) => [name, pick((r) => r.lazy[name])]),
    ),
    firstChart: product.firstChart ? pick((r) => r.union(FIRST_CHART_CHUNKS)) : undefined,
    css: last.css ? pick((r) => r.css ?? { min: 0, gzip: 0, brotli: 0 }) : undefined,
    files: last.allJs.files.length,
    bundleMs: summarize(samples.map((sample) => sample.ms)),
  }
}
const subtract = (a, b) => ({
  min: a.min - b.min,
  gzip: a.gzip - b.gzip,
  brotli: a.brotli - b.brotli,
})

/** Runs the section; `runs` builds per product (sizes are deterministic: the spread shows it). */
export async function runHostJs({ quick, workRoot, log }) {
  // esbuild's output is byte-identical from build to build: two builds show it (the spread), and
  // the two heaviest peers, a minute each on 2 cores, are built once.
  const runs = quick ? 1 : 2
  const rows = []
  for (const product of [...OURS, ...PEERS]) {
    const version = packageVersion(product.pkg)
    const row = {
      id: product.id,
      kind: OURS.includes(product) ? 'ours' : 'peer',
      product: product.label ?? `${version.name} ${version.version}`,
      package: version,
      runtime: product.runtime,
    }
    if (quick && product.heavy) {
      row.error = 'skipped in --quick (a minute to bundle)'
      rows.push(row)
      continue
    }
    try {
      Object.assign(
        row,
        await measureProduct(product, { runs: product.heavy ? 1 : runs, workRoot }),
      )
      log(`host-js: ${row.product}: ${kb(row.initial.gzip.median)} gzip`)
    } catch (error) {
      const message = error.errors?.[0]?.text ?? error.message
      row.error = String(message).split('\n')[0].slice(0, 200)
      log(`host-js: ${row.product}: failed (${row.error})`)
    }
    rows.push(row)
  }
  const versions = Object.fromEntries(
    rows.filter((row) => row.kind === 'peer').map((row) => [row.package.name, row.package.version]),
  )
  return {
    id: 'host-js',
    versions,
    title: 'Host JS to a first chart',
    data: {
      runs,
      settings: { ...SETTINGS, plugins: ['compile-svelte', 'link-angular'], external: FRAMEWORKS },
      rows,
    },
    markdown: render(rows, runs),
  }
}

const size = (summary) => formatSummary(summary, kb)

function render(rows, runs) {
  const ours = rows.filter((row) => row.kind === 'ours')
  const peers = rows.filter((row) => row.kind === 'peer')
  const why = (row) =>
    row.error.startsWith('skipped') ? row.error : `failed to bundle: ${row.error}`
  const failed = (row) => [row.product, why(row), '', '', '', '']
  const ourRows = []
  for (const row of ours) {
    if (row.error) {
      ourRows.push(failed(row))
      continue
    }
    ourRows.push([
      row.product,
      size(row.initial.min),
      size(row.initial.gzip),
      size(row.initial.brotli),
      row.firstChart ? size(row.firstChart.gzip) : '',
      row.firstChart ? size(row.firstChart.brotli) : '',
    ])
    if (row.id === 'elements')
      for (const [name, chunk] of Object.entries(row.lazy))
        ourRows.push([
          `  lazy chunk: ${name}${FIRST_CHART_CHUNKS.includes(name) ? ' (loads before the first chart)' : ''}`,
          size(chunk.min),
          size(chunk.gzip),
          size(chunk.brotli),
          '',
          '',
        ])
  }
  const peerRows = peers.map((row) =>
    row.error
      ? [row.product, why(row), '', '', '', '', row.runtime]
      : [
          row.product,
          size(row.initial.min),
          size(row.initial.gzip),
          size(row.initial.brotli),
          row.lazyTotal.gzip.median ? size(row.lazyTotal.gzip) : '0',
          row.css ? size(row.css.gzip) : '',
          row.runtime,
        ],
  )
  return [
    `Every product bundled by esbuild with one configuration (ESM, minified, es2022, browser, code splitting; react, react-dom, vue, @angular/*, svelte external; Svelte files compiled and Angular declarations linked as apps' builds do), from the package's whole public entry (\`import * as\`). Sizes are the sum over the files a browser fetches, each compressed on its own (gzip level 9, brotli quality 11); ${runs} build(s) each (the two largest peers once: esbuild's output does not vary), median (min–max) when they differ.`,
    '',
    '**Ours** (built `dist/` of each package). "To a first chart" adds the lazy chunks `<inset-dashboard>` starts beside its data request (chart with uPlot, filter bar, tile actions), each file counted once.',
    '',
    table(
      [
        'product',
        'initial min',
        'initial gzip',
        'initial brotli',
        'to a first chart gzip',
        'to a first chart brotli',
      ],
      ourRows,
    ),
    '',
    '**Peers** (published packages pinned in `bench/package.json`). Lazy = chunks the package itself imports later; "at run time" is what loads beyond the package, which these sizes do not include.',
    '',
    table(
      [
        'product',
        'initial min',
        'initial gzip',
        'initial brotli',
        'lazy gzip',
        'CSS gzip',
        'at run time',
      ],
      peerRows,
    ),
  ].join('\n')
}
