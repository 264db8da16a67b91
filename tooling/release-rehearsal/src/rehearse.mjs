// The release rehearsal (run by scripts/test-all.sh after the build): proves that what
// `pnpm release` would publish works for a newcomer.
//   1. a throwaway Verdaccio on 127.0.0.1 (`@inset/*` local only, the rest proxied upstream);
//   2. `changeset version --snapshot rehearsal` and `changeset publish` of every public package,
//      in a copy of the workspace (the workspace's files stay as they are);
//   3. outside the workspace, one fresh app per framework (./frameworks.mjs), a Node backend that
//      mints tokens with @inset/node and a folder that runs @inset/server, installed in one
//      `pnpm install` (each app its own isolated node_modules) from that registry only; every
//      installed `@inset/*` must be the snapshot and every peer range satisfied;
//   4. each app built with its own tools, `inset-server demo` started on Node 24, and one
//      Playwright run that checks every app in Chromium.
// Prints what it published and installed, then cleans up its processes and folder.
// REHEARSAL_KEEP=1 keeps the folder; REHEARSAL_FRAMEWORKS=react,vue picks frameworks.
import { execFile, spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkPackedDir } from '../../../scripts/check-packed.mjs'
import { BACKEND, FRAMEWORKS, heading } from './frameworks.mjs'
import { ensureNode24 } from './node24.mjs'
import { publishSnapshot, versionSnapshot } from './publish.mjs'
import { freePort, registryFetch, startRegistry, waitFor } from './registry.mjs'

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url))
const ROOT = resolve(PACKAGE_DIR, '../..')
/** semver from ../verdaccio (npm ci'd with Verdaccio when the registry starts). */
const semver = () => createRequire(join(PACKAGE_DIR, 'verdaccio', 'package.json'))('semver')
/** Packages whose builds pnpm may run in the fresh apps (the same as the workspace allows). */
const ALLOWED_BUILDS = ['esbuild', '@parcel/watcher', 'lmdb', 'msgpackr-extract']

const started = Date.now()
const seconds = (from) => `${((Date.now() - from) / 1000).toFixed(1)} s`
const log = (line) => console.log(`rehearsal: ${line}`)
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'))
const writeJson = (path, value) => {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`)
}

/**
 * The rehearsal's own checks (each package's tarball, each install, each build), written as a
 * vitest-style report to test-results/rehearsal.json so that scripts/test-summary.mjs counts them
 * (the browser checks are Playwright's own report beside it).
 */
const checks = []
async function check(title, fn) {
  try {
    const result = await fn()
    checks.push({ title, status: 'passed', failureMessages: [] })
    return result
  } catch (error) {
    checks.push({ title, status: 'failed', failureMessages: [String(error.message ?? error)] })
    throw error
  }
}
function writeReport(error) {
  const failed = checks.filter((c) => c.status === 'failed').length
  const orphan = error && failed === 0 // a failure outside any named check
  writeJson(join(PACKAGE_DIR, 'test-results', 'rehearsal.json'), {
    numPassedTests: checks.length - failed,
    numFailedTests: failed + (orphan ? 1 : 0),
    numPendingTests: 0,
    numTodoTests: 0,
    success: !error,
    testResults: [
      {
        name: fileURLToPath(import.meta.url),
        status: error ? 'failed' : 'passed',
        message: error ? String(error.message ?? error).split('\n')[0] : '',
        assertionResults: [
          ...checks.map((c) => ({ ...c, fullName: `release rehearsal ${c.title}` })),
          ...(orphan
            ? [
                {
                  title: 'rehearsal',
                  status: 'failed',
                  failureMessages: [String(error.message ?? error)],
                },
              ]
            : []),
        ],
      },
    ],
  })
}

/** @type {import('node:child_process').ChildProcess[]} */
const children = []
const work = mkdtempSync(join(tmpdir(), 'inset-rehearsal-'))
let cleaned = false

async function cleanup() {
  if (cleaned) return
  cleaned = true
  await Promise.all(
    children.map(
      (child) =>
        new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done()
          const timer = setTimeout(() => signal(child, 'SIGKILL'), 5_000)
          child.once('exit', () => {
            clearTimeout(timer)
            done()
          })
          signal(child, 'SIGTERM')
        }),
    ),
  )
  if (process.env.REHEARSAL_KEEP) log(`kept ${work}`)
  else rmSync(work, { recursive: true, force: true })
}

/** Signals a child's whole process group (it was spawned detached). */
function signal(child, name) {
  try {
    process.kill(-child.pid, name)
  } catch {
    // already gone
  }
}

for (const name of ['SIGINT', 'SIGTERM']) {
  process.once(name, () => {
    log(`${name}: cleaning up`)
    cleanup().finally(() => process.exit(130))
  })
}
process.once('exit', () => {
  // Last resort (an unexpected exit): no waiting here, only signals and the folder.
  for (const child of children) signal(child, 'SIGKILL')
  if (!cleaned && !process.env.REHEARSAL_KEEP) rmSync(work, { recursive: true, force: true })
})

/** Runs a command to completion; its output is shown only when it fails. */
function run(command, args, options = {}) {
  return new Promise((done, fail) => {
    execFile(
      command,
      args,
      { maxBuffer: 64 * 1024 * 1024, ...options, env: { ...process.env, ...options.env } },
      (error, stdout, stderr) => {
        if (!error) return done(stdout)
        fail(
          new Error(
            `${command} ${args.join(' ')} failed in ${options.cwd ?? '.'}:\n${stdout}${stderr}`.slice(
              -12_000,
            ),
          ),
        )
      },
    )
  })
}

/** Starts a long-running server as its own process group, its output kept for failures. */
function serve(name, command, args, options) {
  const child = spawn(command, args, {
    ...options,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  children.push(child)
  let output = ''
  child.stdout.on('data', (d) => (output = (output + d).slice(-8_000)))
  child.stderr.on('data', (d) => (output = (output + d).slice(-8_000)))
  child.once('exit', (code, sig) => {
    if (!cleaned) console.error(`rehearsal: ${name} exited (${code ?? sig}):\n${output}`)
  })
  return child
}

/** Where `name` resolves from `fromDir`, as Node would find it (pnpm's layout included). */
function packageDir(fromDir, name) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate)
    if (dirname(dir) === dir) return undefined
  }
}

/**
 * Every `@inset/*` package an app resolves (its own and theirs, transitively) with its version,
 * and each of their peer dependencies as the app resolves them.
 */
function inspectInstall(appDir) {
  const found = new Map()
  const problems = []
  const visit = (fromDir, name) => {
    const dir = packageDir(fromDir, name)
    if (!dir) return problems.push(`${name} is not installed (needed from ${fromDir})`)
    const manifest = readJson(join(dir, 'package.json'))
    if (found.has(`${name}@${manifest.version}`)) return
    found.set(`${name}@${manifest.version}`, { name, version: manifest.version, peers: [] })
    for (const [peer, range] of Object.entries(manifest.peerDependencies ?? {})) {
      const peerDir = packageDir(dir, peer)
      const optional = manifest.peerDependenciesMeta?.[peer]?.optional
      if (!peerDir) {
        if (!optional) problems.push(`${name} wants ${peer} ${range}: not installed`)
        continue
      }
      const has = readJson(join(peerDir, 'package.json')).version
      found.get(`${name}@${manifest.version}`).peers.push(`${peer}@${has}`)
      if (!semver().satisfies(has, range, { includePrerelease: true })) {
        problems.push(`${name} wants ${peer} ${range}, the app has ${has}`)
      }
    }
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      if (dep.startsWith('@inset/')) visit(dir, dep)
    }
  }
  const manifest = readJson(join(appDir, 'package.json'))
  for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })) {
    if (dep.startsWith('@inset/')) visit(appDir, dep)
  }
  return { packages: [...found.values()], problems }
}

/**
 * Runs `tasks` (async functions) at most `limit` at a time, in order of start, every one of them
 * even when one fails (no build left running behind the cleanup); then throws the first failure.
 */
async function pool(tasks, limit) {
  const errors = []
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++
      await tasks[index]().catch((error) => errors.push(error))
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
  if (errors.length > 0) throw errors[0]
}

async function main() {
  // This run's reports only (turbo's cache of `test` may bring back an older run's).
  for (const report of [
    'rehearsal.json',
    'playwright-rehearsal.json',
    'playwright-artifacts-rehearsal',
  ]) {
    rmSync(join(PACKAGE_DIR, 'test-results', report), { recursive: true, force: true })
  }
  const picked = process.env.REHEARSAL_FRAMEWORKS?.split(',').map((s) => s.trim())
  const frameworks = picked ? FRAMEWORKS.filter((f) => picked.includes(f.name)) : FRAMEWORKS
  if (frameworks.length === 0) throw new Error(`no framework matches ${picked}`)
  log(`folder ${work}; frameworks ${frameworks.map((f) => f.name).join(', ')}`)

  // 0. The public packages built (cached by turbo: nothing to do right after `turbo run build`).
  let phase = Date.now()
  await run(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--filter=./packages/*', '--output-logs=errors-only'],
    {
      cwd: ROOT,
      env: { TURBO_TELEMETRY_DISABLED: '1' },
    },
  )
  log(`build: turbo run build of packages/* in ${seconds(phase)}`)

  // 1. The registry.
  phase = Date.now()
  const registry = await check('a Verdaccio on 127.0.0.1 with an upstream uplink', () =>
    startRegistry({ dir: join(work, 'registry'), spawned: (child) => children.push(child), log }),
  )
  registry.child.once('exit', (code, sig) => {
    if (!cleaned)
      console.error(`rehearsal: Verdaccio exited (${code ?? sig}):\n${registry.output()}`)
  })
  log(
    `registry: Verdaccio on ${registry.url} (uplink for everything but @inset/*) in ${seconds(phase)}`,
  )

  // 2. Version and publish.
  phase = Date.now()
  const stage = join(work, 'workspace')
  const { version, packages } = await check(
    'changeset version --snapshot: one version, a CHANGELOG entry per package',
    () => versionSnapshot({ root: ROOT, stage, log }),
  )
  const published = await check('changeset publish: every public package in the registry', () =>
    publishSnapshot({ root: ROOT, stage, registry, packages, version, log }),
  )
  for (const spec of published) log(`published ${spec}`)
  log(`version + publish in ${seconds(phase)}`)

  // What the registry serves, through scripts/check-packed.mjs: each tarball as published.
  phase = Date.now()
  const ts = (await import('typescript')).default
  const failures = []
  for (const { name, dir } of packages) {
    try {
      await check(`check-packed ${name}`, async () => {
        const meta = await (
          await registryFetch(`${registry.url}${name.replace('/', '%2f')}`)
        ).json()
        const tarball = Buffer.from(
          await (await registryFetch(meta.versions[version].dist.tarball)).arrayBuffer(),
        )
        const unpackDir = join(work, 'tarballs', name)
        mkdirSync(unpackDir, { recursive: true })
        writeFileSync(join(unpackDir, 'package.tgz'), tarball)
        await run('tar', ['xzf', 'package.tgz'], { cwd: unpackDir })
        const sourceManifest = readJson(join(dir, 'package.json'))
        const problems = checkPackedDir({
          packedDir: join(unpackDir, 'package'),
          sourceManifest,
          ts,
        })
        if (problems.length > 0) {
          throw new Error(problems.map((p) => `${name}: ${p.rule}: ${p.message}`).join('\n'))
        }
      })
    } catch (error) {
      failures.push(error.message)
    }
  }
  if (failures.length > 0)
    throw new Error(`the published packages fail check-packed:\n${failures.join('\n')}`)
  log(`check-packed: the ${packages.length} published tarballs pass in ${seconds(phase)}`)
  const publishedNames = new Set(packages.map((p) => p.name))
  for (const framework of frameworks) {
    if (!publishedNames.has(framework.binding)) {
      throw new Error(
        `${framework.binding} (${framework.name}) is not a public package of packages/`,
      )
    }
  }

  // 3. Fresh apps, one install.
  phase = Date.now()
  const appsDir = join(work, 'apps')
  const insetPort = await freePort()
  const insetServerUrl = `http://127.0.0.1:${insetPort}`
  const rootManifest = readJson(join(ROOT, 'package.json'))
  writeJson(join(appsDir, 'package.json'), {
    name: 'fresh-inset-apps',
    private: true,
    packageManager: rootManifest.packageManager,
  })
  writeFileSync(
    join(appsDir, 'pnpm-workspace.yaml'),
    `packages:\n  - '*'\nonlyBuiltDependencies:\n${ALLOWED_BUILDS.map((p) => `  - '${p}'`).join('\n')}\n`,
  )
  writeFileSync(join(appsDir, '.npmrc'), `registry=${registry.url}\n`)
  const inset = (deps) =>
    Object.fromEntries(Object.entries(deps).map(([name, range]) => [name, range ?? version]))
  const apps = []
  for (const framework of frameworks) {
    const dir = join(appsDir, framework.name)
    writeJson(join(dir, 'package.json'), {
      name: `fresh-${framework.name}`,
      private: true,
      type: 'module',
      scripts: { build: framework.build },
      dependencies: { [framework.binding]: version, ...framework.dependencies },
      devDependencies: framework.devDependencies,
    })
    for (const [path, text] of Object.entries(framework.files({ insetServerUrl }))) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    apps.push({ framework, dir })
  }
  const backendDir = join(appsDir, BACKEND.name)
  writeJson(join(backendDir, 'package.json'), {
    name: 'fresh-backend',
    private: true,
    type: 'module',
    scripts: { build: BACKEND.build },
    dependencies: inset(BACKEND.dependencies),
    devDependencies: BACKEND.devDependencies,
  })
  for (const [path, text] of Object.entries(BACKEND.files())) {
    mkdirSync(dirname(join(backendDir, path)), { recursive: true })
    writeFileSync(join(backendDir, path), text)
  }
  // The Inset server as a host deploys it: its own folder with @inset/server.
  const serverDir = join(appsDir, 'inset-server')
  writeJson(join(serverDir, 'package.json'), {
    name: 'fresh-inset-server',
    private: true,
    dependencies: { '@inset/server': version },
  })
  await check('pnpm install of the fresh projects from the registry', () =>
    // No lockfile: a newcomer's first install (pnpm would insist on a frozen one under CI=true).
    run('pnpm', ['install', '--no-frozen-lockfile', '--reporter=append-only'], {
      cwd: appsDir,
      env: { npm_config_registry: registry.url },
    }),
  )
  log(`install: one pnpm install of ${apps.length + 2} fresh projects in ${seconds(phase)}`)

  const installed = new Map()
  const problems = []
  for (const { name, dir } of [
    ...apps.map((a) => ({ name: a.framework.name, dir: a.dir })),
    { name: 'backend', dir: backendDir },
    { name: 'inset-server', dir: serverDir },
  ]) {
    const result = inspectInstall(dir)
    const wrong = [
      ...result.problems,
      ...result.packages
        .filter((pkg) => pkg.version !== version)
        .map((pkg) => `${pkg.name}@${pkg.version} is not ${version}`),
    ]
    problems.push(...wrong.map((p) => `${name}: ${p}`))
    await check(
      `install ${name}: @inset/* from the registry at ${version}, peers satisfied`,
      () => {
        if (wrong.length > 0) throw new Error(wrong.join('\n'))
      },
    ).catch(() => {})
    for (const pkg of result.packages) {
      const key = `${pkg.name}@${pkg.version}`
      const entry = installed.get(key) ?? { apps: [], peers: new Set() }
      entry.apps.push(name)
      for (const peer of pkg.peers) entry.peers.add(peer)
      installed.set(key, entry)
    }
  }
  for (const [spec, { apps: users, peers }] of [...installed].sort()) {
    const peerText = peers.size > 0 ? `; peers ${[...peers].sort().join(', ')}` : ''
    log(`installed ${spec} in ${users.join(', ')}${peerText}`)
  }
  if (problems.length > 0)
    throw new Error(`the fresh installs are wrong:\n  ${problems.join('\n  ')}`)

  // 4. Build, serve, check in Chromium.
  phase = Date.now()
  const buildOrder = [...apps].sort(
    (a, b) => (b.framework.name === 'angular') - (a.framework.name === 'angular'),
  )
  await pool(
    [
      ...buildOrder.map((a) => ({ name: a.framework.name, dir: a.dir })),
      { name: 'backend', dir: backendDir },
    ].map(({ name, dir }) => async () => {
      const t = Date.now()
      await check(`build ${name}`, () =>
        run('pnpm', ['run', 'build'], { cwd: dir, env: { NG_CLI_ANALYTICS: 'false', CI: 'true' } }),
      )
      log(`build ${name} in ${seconds(t)}`)
    }),
    2,
  )
  log(`builds in ${seconds(phase)}`)

  phase = Date.now()
  const node24 = ensureNode24({ log })
  const serverManifest = readJson(
    join(serverDir, 'node_modules', '@inset', 'server', 'package.json'),
  )
  const cli = join(
    serverDir,
    'node_modules',
    '@inset',
    'server',
    serverManifest.bin['inset-server'],
  )
  const serverVersion = (await run(node24, [cli, '--version'], { cwd: serverDir })).trim()
  const nodeVersion = (await run(node24, ['--version'])).trim()
  serve(
    'inset-server demo',
    node24,
    [cli, 'demo', '--port', String(insetPort), '--host', '127.0.0.1'],
    {
      cwd: serverDir,
      env: { ...process.env, INSET_LOG_LEVEL: 'warn', INSET_DATA_DIR: join(work, 'inset-data') },
    },
  )
  const appPorts = []
  for (const { framework, dir } of apps) {
    appPorts.push({
      name: framework.name,
      port: await freePort(),
      dir: join(dir, framework.outDir),
    })
  }
  serve('backend', process.execPath, ['dist/server.js'], {
    cwd: backendDir,
    env: { ...process.env, APPS: JSON.stringify(appPorts) },
  })
  await waitFor(`${insetServerUrl}/healthz`, 90_000)
  for (const { port } of appPorts) await waitFor(`http://127.0.0.1:${port}/`, 30_000)
  log(
    `serve: inset-server ${serverVersion} (demo) on Node ${nodeVersion} at ${insetServerUrl}, ` +
      `the backend on Node ${process.version}, in ${seconds(phase)}`,
  )

  phase = Date.now()
  const freshApps = apps.map(({ framework }) => ({
    name: framework.name,
    heading: heading(framework.title),
    url: `http://127.0.0.1:${appPorts.find((a) => a.name === framework.name).port}/`,
    insetServerUrl,
  }))
  const playwright = join(PACKAGE_DIR, 'node_modules', '@playwright', 'test', 'cli.js')
  const browser = spawn(process.execPath, [playwright, 'test', '-c', 'e2e/playwright.config.ts'], {
    cwd: PACKAGE_DIR,
    stdio: 'inherit',
    env: { ...process.env, REHEARSAL_APPS: JSON.stringify(freshApps) },
  })
  const code = await new Promise((done) => browser.once('exit', done))
  log(`browser: one Playwright run over ${freshApps.length} apps in ${seconds(phase)}`)
  if (code !== 0) throw new Error('the browser check failed')

  log(
    `passed: ${version} published (${packages.length} packages), installed into fresh ` +
      `${frameworks.map((f) => f.title).join(', ')} apps and a Node backend, in ${seconds(started)}`,
  )
}

main()
  .then(
    async () => {
      writeReport()
      await cleanup()
    },
    async (error) => {
      const cause = error.cause ? `\n  cause: ${error.cause.stack ?? error.cause}` : ''
      console.error(`rehearsal: FAILED after ${seconds(started)}: ${error.stack ?? error}${cause}`)
      process.exitCode = 1
      writeReport(error)
      await cleanup()
    },
  )
  .then(() => {
    if (!process.env.REHEARSAL_KEEP) log(`cleaned up (processes stopped, ${work} removed)`)
  })
