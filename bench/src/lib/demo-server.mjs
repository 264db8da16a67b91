// The demo server as its CLI starts it (`inset-server demo`, packages/server/dist/cli.js): its own
// process, a port from the bench's range, nothing kept on disk. Sections measure against it.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { freePort } from './ports.mjs'
import { waitForDist } from './wait-for-dist.mjs'

const cli = fileURLToPath(new URL('../../../packages/server/dist/cli.js', import.meta.url))

export const DEMO_SECRET = process.env.INSET_DEMO_SECRET || 'inset-demo-secret-change-me'
export const DEMO_API_KEY = process.env.INSET_DEMO_API_KEY || 'inset-demo-api-key'
/** The demo's signing key for `@inset/node`'s createEmbedToken. */
export const DEMO_KEY = { id: 'demo', secret: DEMO_SECRET }
/** The demo user every page of the bench signs in as. */
export const ALICE = { user: 'alice', tenant: 'acme', attributes: { region: ['EU', 'NA', 'APAC'] } }

/**
 * Starts `inset-server demo` and resolves once `/healthz` answers.
 * @example const demo = await startDemo(); try { fetch(`${demo.url}/healthz`) } finally { await demo.close() }
 */
export async function startDemo({ rows } = {}) {
  await waitForDist('server', 'cli.js')
  const port = await freePort()
  const args = [
    cli,
    'demo',
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    '--data-dir',
    ':memory:',
  ]
  if (rows) args.push('--rows', String(rows))
  const child = spawn(process.execPath, args, {
    env: { ...process.env, INSET_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000)
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`inset-server demo exited: ${stderr}`)
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) })
      if (response.ok) break
    } catch {}
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`inset-server demo did not answer within 120 s: ${stderr}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return {
    url,
    port,
    async close() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}
