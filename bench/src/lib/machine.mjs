// The machine a report was measured on: cores, memory, load average (at start and end, since the
// machine is shared), Node and Chromium versions, and the commit measured.
import { execFileSync } from 'node:child_process'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'
import { chromiumPath } from './chromium.mjs'

const run = (file, args) => {
  try {
    return execFileSync(file, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    return 'unknown'
  }
}

/** Load averages over 1, 5 and 15 minutes, two decimals. */
export const loadAverage = () => loadavg().map((value) => Math.round(value * 100) / 100)

/** What the report's header states about the machine, read once at the start of a run. */
export function describeMachine() {
  const chromium = run(chromiumPath(), ['--version'])
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadAverage(),
    node: process.version,
    chromium: chromium
      .replace(/^\s*\[.*?\]\s*/, '')
      .split('\n')
      .at(-1),
    commit: run('git', ['rev-parse', '--short', 'HEAD']),
    // The checkout is shared: what the dist measured may hold beyond the commit.
    uncommitted: run('git', ['diff', '--name-only', 'HEAD'])
      .split('\n')
      .filter((path) => path && path !== 'unknown' && !path.startsWith('bench/')),
  }
}
