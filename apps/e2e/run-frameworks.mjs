// `pnpm e2e`: the suite once per example app. FRAMEWORK=vue (or vue,svelte) picks some; by default
// every apps/example-* runs. Two apps run at a time (E2E_PARALLEL), each on its own ports: much of
// a run is the refresh test waiting on 20-second tokens, so two overlap well on two cores.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const apps = new URL('..', import.meta.url)
const present = readdirSync(apps)
  .filter(
    (name) => name.startsWith('example-') && existsSync(new URL(`${name}/package.json`, apps)),
  )
  .map((name) => name.slice('example-'.length))
const chosen = process.env.FRAMEWORK ? process.env.FRAMEWORK.split(',') : present
const parallel = Math.max(1, Number(process.env.E2E_PARALLEL ?? 2))
const basePort = Number(process.env.E2E_PORT_BASE || 4510)

const playwright = fileURLToPath(new URL('node_modules/.bin/playwright', import.meta.url))

/** One framework's run; its output is printed whole when it ends, so runs do not interleave. */
function run(framework, slot) {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(playwright, ['test', ...process.argv.slice(2)], {
      env: { ...process.env, FRAMEWORK: framework, E2E_PORT_BASE: String(basePort + 100 * slot) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.on('close', (code) => {
      console.log(`\n=== e2e: ${framework} ===\n${output}`)
      resolve({ framework, status: code ?? 1, seconds: (Date.now() - started) / 1000 })
    })
  })
}

const queue = [...chosen]
const results = []
await Promise.all(
  Array.from({ length: Math.min(parallel, queue.length) }, async (_, slot) => {
    for (let framework = queue.shift(); framework; framework = queue.shift())
      results.push(await run(framework, slot))
  }),
)
for (const { framework, status, seconds } of results)
  console.log(`e2e ${framework}: ${status === 0 ? 'passed' : 'FAILED'} in ${seconds.toFixed(0)} s`)
process.exit(results.some((result) => result.status !== 0) ? 1 : 0)
