// A throwaway Verdaccio on loopback: `@inset/*` only from what is published into it, every other
// package proxied from the real registry (uplink). Installed apart from the pnpm workspace with
// `npm ci` in ../verdaccio (6.8.0 with node-fetch pinned to 2.7.0: 6.10 wants Node 22).
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const TOOL_DIR = fileURLToPath(new URL('../verdaccio/', import.meta.url))

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** Installs Verdaccio from ../verdaccio/package-lock.json unless that exact version is there. */
export function ensureVerdaccio(log) {
  const wanted = JSON.parse(readFileSync(join(TOOL_DIR, 'package.json'), 'utf8')).dependencies
    .verdaccio
  const installed = join(TOOL_DIR, 'node_modules', 'verdaccio', 'package.json')
  if (existsSync(installed) && JSON.parse(readFileSync(installed, 'utf8')).version === wanted) {
    return join(TOOL_DIR, 'node_modules', 'verdaccio', 'bin', 'verdaccio')
  }
  log(`registry: npm ci of Verdaccio ${wanted}`)
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: TOOL_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  return join(TOOL_DIR, 'node_modules', 'verdaccio', 'bin', 'verdaccio')
}

/** The registry npm is set up to use here: Verdaccio's uplink. */
export function upstreamRegistry(env = process.env) {
  const configured = env.npm_config_registry || env.NPM_CONFIG_REGISTRY
  return (configured || 'https://registry.npmjs.org/').replace(/\/?$/, '/')
}

/**
 * Starts Verdaccio with its storage in `dir` and signs up a publisher.
 * @param {{ dir: string, spawned: (child: import('node:child_process').ChildProcess) => void, log: (line: string) => void }} options
 * @returns {Promise<{ url: string, token: string, port: number, child: import('node:child_process').ChildProcess, output: () => string }>}
 */
export async function startRegistry({ dir, spawned, log }) {
  const bin = ensureVerdaccio(log)
  const port = await freePort()
  mkdirSync(join(dir, 'storage'), { recursive: true })
  const configPath = join(dir, 'config.yaml')
  writeFileSync(
    configPath,
    `# The release rehearsal's registry: thrown away with its folder.
storage: ${JSON.stringify(join(dir, 'storage'))}
auth:
  htpasswd:
    file: ${JSON.stringify(join(dir, 'htpasswd'))}
uplinks:
  upstream:
    url: ${JSON.stringify(upstreamRegistry())}
    timeout: 60s
    maxage: 30m
    cache: false
packages:
  '@inset/*':
    access: $all
    publish: $authenticated
  '**':
    access: $all
    publish: $authenticated
    proxy: upstream
web:
  enable: false
server:
  keepAliveTimeout: 60
max_body_size: 100mb
log: { type: stdout, format: pretty, level: warn }
`,
  )
  const child = spawn(
    process.execPath,
    [bin, '--config', configPath, '--listen', `127.0.0.1:${port}`],
    {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  )
  spawned(child)
  let output = ''
  child.stdout.on('data', (d) => (output = (output + d).slice(-20_000)))
  child.stderr.on('data', (d) => (output = (output + d).slice(-20_000)))
  const url = `http://127.0.0.1:${port}/`
  const exited = new Promise((_, reject) =>
    child.once('exit', (code) => reject(new Error(`Verdaccio exited (${code}):\n${output}`))),
  )
  exited.catch(() => {})
  await Promise.race([waitFor(`${url}-/ping`, 60_000), exited])
  const response = await registryFetch(`${url}-/user/org.couchdb.user:rehearsal`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'rehearsal', password: 'rehearsal-only', type: 'user' }),
  })
  const body = await response.json()
  if (!response.ok || !body.token) {
    throw new Error(`Verdaccio refused the publisher: ${response.status} ${JSON.stringify(body)}`)
  }
  return { url, token: body.token, port, child, output: () => output }
}

/**
 * `fetch` for the registry, tried again once when the connection fails: undici reuses a kept-alive
 * socket that Verdaccio may be closing at that moment ("other side closed").
 */
export async function registryFetch(url, init) {
  try {
    return await fetch(url, init)
  } catch (error) {
    if (error?.name !== 'TypeError') throw error
    return fetch(url, init)
  }
}

/** Resolves once `url` answers 2xx; rejects after `timeoutMs`. */
export async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      await response.arrayBuffer()
      if (response.ok) return
      last = `status ${response.status}`
    } catch (error) {
      last = String(error.cause?.code ?? error.message)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (${last})`)
}
