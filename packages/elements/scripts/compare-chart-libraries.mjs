// Measures the chart libraries we considered, each imported the way we would use it (a line chart
// and a bar chart, tree-shaken where the library allows), minified and gzipped by esbuild.
// Installs the candidates into a scratch folder from the npm registry: `pnpm bench:charts`.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const candidates = {
  'uplot@1.6': `import uPlot from 'uplot'
    export const line = (el, d) => new uPlot({ width: 400, height: 200, series: [{}, {}] }, d, el)
    export const bars = uPlot.paths.bars`,
  'chart.js@4.6': `import { Chart, LineController, LineElement, PointElement, BarController, BarElement,
      CategoryScale, LinearScale, Tooltip, Filler } from 'chart.js'
    Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Tooltip, Filler)
    export const line = (el, labels, data) => new Chart(el, { type: 'line', data: { labels, datasets: [{ data }] } })`,
  'echarts@6': `import * as echarts from 'echarts/core'
    import { LineChart, BarChart } from 'echarts/charts'
    import { GridComponent, TooltipComponent, AriaComponent } from 'echarts/components'
    import { SVGRenderer } from 'echarts/renderers'
    echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer])
    export const line = (el, x, y) => echarts.init(el, null, { renderer: 'svg' }).setOption({ xAxis: { data: x }, yAxis: {}, series: [{ type: 'line', data: y }] })`,
  '@observablehq/plot@0.6': `import { plot, lineY, barX, ruleY } from '@observablehq/plot'
    export const chart = (data) => plot({ marks: [lineY(data, { x: 'x', y: 'y' }), barX(data, { x: 'y', y: 'x' }), ruleY([0])] })`,
}

const dir = mkdtempSync(join(tmpdir(), 'inset-charts-'))
writeFileSync(join(dir, 'package.json'), '{"private":true}')
execFileSync(
  'npm',
  ['install', '--silent', '--no-audit', '--no-fund', ...Object.keys(candidates)],
  { cwd: dir, stdio: 'inherit' },
)
console.log('library                    min bytes   min+gzip bytes')
for (const [name, source] of Object.entries(candidates)) {
  const entry = join(dir, `${name.replace(/\W/g, '_')}.js`)
  writeFileSync(entry, source)
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'error',
  })
  const code = result.outputFiles[0].contents
  console.log(
    `${name.padEnd(26)} ${String(code.length).padStart(9)}   ${String(gzipSync(code, { level: 9 }).length).padStart(14)}`,
  )
}
