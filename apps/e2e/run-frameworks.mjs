// `pnpm e2e`: the suite once per example app, one after another (each starts its own servers on
// the same ports). FRAMEWORK=vue (or vue,svelte) picks some; by default every apps/example-* runs.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const apps = new URL('..', import.meta.url)
const present = readdirSync(apps)
  .filter((name) => name.startsWith('example-') && existsSync(new URL(`${name}/package.json`, apps)))
  .map((name) => name.slice('example-'.length))
const chosen = process.env.FRAMEWORK ? process.env.FRAMEWORK.split(',') : present

const playwright = fileURLToPath(new URL('node_modules/.bin/playwright', import.meta.url))
const results = []
for (const framework of chosen) {
  const started = Date.now()
  console.log(`\n=== e2e: ${framework} ===`)
  const run = spawnSync(playwright, ['test', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, FRAMEWORK: framework },
  })
  results.push({ framework, status: run.status ?? 1, seconds: (Date.now() - started) / 1000 })
}
for (const { framework, status, seconds } of results)
  console.log(`e2e ${framework}: ${status === 0 ? 'passed' : 'FAILED'} in ${seconds.toFixed(0)} s`)
process.exit(results.some((result) => result.status !== 0) ? 1 : 0)
