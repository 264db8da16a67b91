// `pnpm bench` (full, about 10 minutes on 2 cores) and `pnpm bench --quick` (a smoke run for CI):
// builds what it measures, runs each section in order of value, prints one Markdown report and
// writes it as JSON. The full run writes bench/report.json and bench/README.md; --quick writes to
// bench/test-results/quick/ (ignored), so it never replaces the published report. The report is
// written again after every section, so a run that stops midway leaves the sections it finished.
//   pnpm bench [--quick] [--no-build] [--only host-js,server,…]
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describeMachine, loadAverage } from './lib/machine.mjs'
import { packageVersion } from './lib/versions.mjs'
import { renderReport } from './report.mjs'
import { SECTIONS } from './sections/index.mjs'

const benchDir = fileURLToPath(new URL('..', import.meta.url))
const repoDir = fileURLToPath(new URL('../..', import.meta.url))
const args = process.argv.slice(2)
const quick = args.includes('--quick')
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined
const outDir = quick ? `${benchDir}test-results/quick/` : benchDir
const workRoot = `${benchDir}test-results/work`
const log = (message) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`)

if (!args.includes('--no-build')) {
  log('building the packages the report measures (turbo, cached)')
  const built = spawnSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--filter=@inset/bench^...', '--output-logs=errors-only'],
    // Turbo's output to stderr: stdout is the report.
    {
      cwd: repoDir,
      stdio: ['ignore', 2, 2],
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    },
  )
  if (built.status !== 0) {
    log('the build failed: measuring the dist that is there')
  }
}

const started = performance.now()
const ours = JSON.parse(readFileSync(`${repoDir}packages/core/package.json`, 'utf8')).version
const report = {
  date: new Date().toISOString(),
  quick,
  command: `pnpm bench${quick ? ' --quick' : ''}`,
  durationSeconds: 0,
  machine: describeMachine(),
  versions: {
    '@inset/*': ours,
    esbuild: packageVersion('esbuild').version,
    '@playwright/test': packageVersion('@playwright/test').version,
  },
  sections: [],
}

function write() {
  report.durationSeconds = (performance.now() - started) / 1000
  report.machine.loadAverageAtEnd = loadAverage()
  mkdirSync(outDir, { recursive: true })
  writeFileSync(`${outDir}report.json`, `${JSON.stringify(report, null, 2)}\n`)
  const markdown = renderReport(report)
  writeFileSync(quick ? `${outDir}report.md` : `${outDir}README.md`, markdown)
  return markdown
}

async function runSection(section) {
  log(`section ${section.id}: ${section.title}`)
  const sectionStarted = performance.now()
  let result
  try {
    result = await section.run({ quick, workRoot, repoDir, log })
  } catch (error) {
    log(`section ${section.id} failed: ${error.stack ?? error}`)
    result = {
      id: section.id,
      title: section.title,
      error: String(error.message ?? error).split('\n')[0],
    }
  }
  result.seconds = (performance.now() - sectionStarted) / 1000
  // The report lists sections in SECTIONS order, whatever order they ran in.
  report.sections.push(result)
  report.sections.sort(
    (a, b) => SECTIONS.findIndex((s) => s.id === a.id) - SECTIONS.findIndex((s) => s.id === b.id),
  )
  Object.assign(report.versions, result.versions ?? {})
  if (result.chromium) report.machine.chromium = result.chromium
  write()
  return result
}

// Timing-sensitive sections first, in order of value, each alone on the machine; then the ones
// that only count; then the background work the first ones left (the tile-query benchmark), alone
// too: its p99s are targets, and Chromium beside it (as it used to run) set them.
const chosen = SECTIONS.filter((section) => !only || only.includes(section.id))
const background = []
for (const section of chosen.filter((s) => !s.countsOnly)) {
  const result = await runSection(section)
  if (result.background) background.push(result)
}
for (const section of chosen.filter((s) => s.countsOnly)) await runSection(section)
for (const result of background) {
  const started = performance.now()
  await result.background()
  delete result.background
  result.seconds += (performance.now() - started) / 1000
  write()
}

const markdown = write()
process.stdout.write(markdown)
log(
  `wrote ${outDir}report.json and ${quick ? `${outDir}report.md` : `${outDir}README.md`} in ${Math.round(report.durationSeconds)} s`,
)
// Sections close what they open; this guards against a stray handle keeping the process alive.
process.exit(report.sections.some((section) => section.error || section.problems?.length) ? 1 : 0)
