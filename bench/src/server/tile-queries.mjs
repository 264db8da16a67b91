// Tile-query throughput and latency beside the raw database time of the same SQL: the server
// package's own benchmark (packages/server/bench/tile-queries.mjs), run as a child process with
// `--json <file>` and read back. Its shape: { date, machine, rows, runs: [{ clients, cache,
// http: { requests, rps, p50, p99 }, raw: {…}, ratioP50, ratioP99 }] }.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const script = fileURLToPath(
  new URL('../../../packages/server/bench/tile-queries.mjs', import.meta.url),
)

const PROGRESS =
  /^(\d+) clients, cache (\w+): HTTP p50\/p99 ([\d.]+)\/([\d.]+) ms, raw ([\d.]+)\/([\d.]+) ms/

/**
 * The runs a stopped benchmark finished, from its progress lines on stderr
 * ("10 clients, cache on: HTTP p50/p99 27.24/390.62 ms, raw 1426.88/2931.87 ms (2 × 14.1 s)").
 */
export function parseProgress(text) {
  return text
    .split('\n')
    .map((line) => line.match(PROGRESS))
    .filter(Boolean)
    .map(([, clients, cache, p50, p99, rawP50, rawP99]) => ({
      clients: Number(clients),
      cache,
      http: { p50: Number(p50), p99: Number(p99) },
      raw: { p50: Number(rawP50), p99: Number(rawP99) },
      ratioP50: Number(p50) / Number(rawP50),
      ratioP99: Number(p99) / Number(rawP99),
    }))
}

/** Whether the server's benchmark writes JSON yet (it gained `--json` in a separate change). */
export const supportsJson = () => readFileSync(script, 'utf8').includes('--json')

/**
 * Runs the server's tile-query benchmark and returns its JSON, or `{ skipped }` with the reason.
 * @example const result = await runTileQueries({ quick: true, workRoot, log: console.log })
 */
export async function runTileQueries({ quick, seconds, workRoot, log, timeoutMs }) {
  if (!supportsJson())
    return { skipped: 'packages/server/bench/tile-queries.mjs does not take --json yet' }
  mkdirSync(workRoot, { recursive: true })
  const out = join(workRoot, 'tile-queries.json')
  const args = [
    script,
    '--json',
    out,
    ...(quick ? ['--quick'] : []),
    ...(seconds ? ['--seconds', String(seconds)] : []),
  ]
  const child = spawn(process.execPath, args, {
    cwd: fileURLToPath(new URL('../../../packages/server/', import.meta.url)),
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its own process group, so that stopping it also stops the load worker it forks.
    detached: true,
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => {
    stderr += chunk
  })
  const timer = setTimeout(() => {
    log(`tile-queries: over ${timeoutMs / 1000} s, stopping it`)
    process.kill(-child.pid, 'SIGTERM')
  }, timeoutMs)
  const code = await new Promise((resolve) => child.once('exit', resolve))
  clearTimeout(timer)
  if (code === 0) return JSON.parse(readFileSync(out, 'utf8'))
  // Stopped or failed: keep the runs it finished, from its progress lines.
  const runs = parseProgress(stderr)
  const why = code === null ? `stopped after ${timeoutMs / 1000} s` : `exited with ${code}`
  if (runs.length === 0)
    throw new Error(`tile-queries.mjs ${why}: ${stderr.trim().split('\n').at(-1) ?? ''}`)
  return { partial: why, runs }
}
