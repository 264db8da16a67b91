// Versions and publishes a copy of the workspace's public packages the way `pnpm version-packages`
// and `pnpm release` do (changeset version, changeset publish → pnpm publish), with a snapshot
// version and into the rehearsal's registry. The copy lives in the rehearsal's temp folder, so the
// workspace's package.json files, CHANGELOGs and pending changesets stay as they are.
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { registryFetch } from './registry.mjs'

const DEP_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']
/** Not copied: what no publish reads. */
const SKIP = new Set(['node_modules', '.turbo', 'test-results', 'playwright-report', 'coverage'])

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'))
const writeJson = (path, value) => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`)

/** The workspace's public packages: `{ name, dir }`, from packages/*. */
export function publicPackages(root) {
  return readdirSync(join(root, 'packages'))
    .map((name) => join(root, 'packages', name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: readJson(join(dir, 'package.json')) }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({ name: manifest.name, dir }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

/**
 * Copies the public packages (built) with the root manifest, pnpm-workspace.yaml (catalog) and
 * .changeset/ into `stage`, links each package's `@inset/*` dependencies as pnpm would (the copies
 * for public ones, so that `workspace:` ranges become the snapshot version), adds one changeset
 * naming every public package, and runs `changeset version --snapshot rehearsal`.
 * @returns {{ version: string, packages: Array<{ name: string, dir: string }> }}
 */
export function versionSnapshot({ root, stage, log }) {
  const packages = publicPackages(root)
  const publicNames = new Set(packages.map((p) => p.name))
  mkdirSync(join(stage, 'packages'), { recursive: true })
  const rootManifest = readJson(join(root, 'package.json'))
  writeJson(join(stage, 'package.json'), {
    name: rootManifest.name,
    private: true,
    packageManager: rootManifest.packageManager,
  })
  cpSync(join(root, 'pnpm-workspace.yaml'), join(stage, 'pnpm-workspace.yaml'))
  cpSync(join(root, '.changeset'), join(stage, '.changeset'), { recursive: true })
  // changeset resolves its changelog generator from the root's node_modules.
  symlinkSync(join(root, 'node_modules'), join(stage, 'node_modules'), 'dir')

  const staged = packages.map(({ name, dir }) => {
    const to = join(stage, 'packages', relative(join(root, 'packages'), dir))
    cpSync(dir, to, { recursive: true, filter: (src) => !SKIP.has(src.split('/').at(-1)) })
    return { name, dir: to, source: dir }
  })
  const stagedByName = new Map(staged.map((p) => [p.name, p.dir]))
  for (const { dir, source } of staged) {
    const manifest = readJson(join(dir, 'package.json'))
    for (const field of DEP_FIELDS) {
      for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
        if (!String(range).startsWith('workspace:')) continue
        const link = join(dir, 'node_modules', dep)
        mkdirSync(dirname(link), { recursive: true })
        // Public packages: the staged copy (its snapshot version). Private tooling: as installed.
        const target = publicNames.has(dep)
          ? stagedByName.get(dep)
          : realpathSync(join(source, 'node_modules', dep))
        symlinkSync(target, link, 'dir')
      }
    }
  }

  const config = readJson(join(stage, '.changeset', 'config.json'))
  config.snapshot = { useCalculatedVersion: true, prereleaseTemplate: '{tag}-{datetime}' }
  writeJson(join(stage, '.changeset', 'config.json'), config)
  writeFileSync(
    join(stage, '.changeset', 'release-rehearsal.md'),
    `---\n${packages.map((p) => `"${p.name}": patch`).join('\n')}\n---\n\nRelease rehearsal.\n`,
  )
  execFileSync(process.execPath, [changesetBin(root), 'version', '--snapshot', 'rehearsal'], {
    cwd: stage,
    stdio: ['ignore', 'pipe', 'inherit'],
  })

  const versions = new Set(staged.map(({ dir }) => readJson(join(dir, 'package.json')).version))
  if (versions.size !== 1)
    throw new Error(`changeset version gave several versions: ${[...versions]}`)
  const [version] = versions
  for (const { name, dir } of staged) {
    syncPublishDirectory(dir)
    const changelog = join(dir, 'CHANGELOG.md')
    if (!existsSync(changelog) || !readFileSync(changelog, 'utf8').includes(`## ${version}`)) {
      throw new Error(`changeset version wrote no CHANGELOG entry ${version} for ${name}`)
    }
  }
  log(
    `version: changeset version --snapshot rehearsal → ${version} (CHANGELOG.md of each package written)`,
  )
  return { version, packages: staged.map(({ name, dir }) => ({ name, dir })) }
}

/**
 * A package published from a built directory (`publishConfig.directory`, @inset/angular's
 * ng-packagr dist) carries its own manifest, written by the build. `pnpm release` builds after
 * `version-packages`; the rehearsal versions after the build, so it brings the built manifest's
 * version and `@inset/*` ranges up to date as that build would.
 */
function syncPublishDirectory(dir) {
  const manifest = readJson(join(dir, 'package.json'))
  const directory = manifest.publishConfig?.directory
  if (!directory) return
  const builtPath = join(dir, directory, 'package.json')
  const built = readJson(builtPath)
  built.version = manifest.version
  for (const field of DEP_FIELDS) {
    for (const dep of Object.keys(built[field] ?? {})) {
      if (dep.startsWith('@inset/') && manifest[field]?.[dep])
        built[field][dep] = manifest[field][dep]
    }
  }
  writeJson(builtPath, built)
}

/**
 * `changeset publish --tag rehearsal --no-git-tag` into the registry (pnpm publish per package).
 * @returns {string[]} `name@version` as the registry lists them under the `rehearsal` tag
 */
export async function publishSnapshot({ root, stage, registry, packages, version, log }) {
  const host = registry.url.replace(/^https?:/, '')
  writeFileSync(
    join(stage, '.npmrc'),
    `registry=${registry.url}\n${host}:_authToken=${registry.token}\n`,
  )
  const output = execFileSync(
    process.execPath,
    [changesetBin(root), 'publish', '--tag', 'rehearsal', '--no-git-tag'],
    {
      cwd: stage,
      env: { ...process.env, npm_config_registry: registry.url },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const published = []
  for (const { name } of packages) {
    const response = await registryFetch(`${registry.url}${name.replace('/', '%2f')}`)
    const body = response.ok ? await response.json() : {}
    const tagged = body['dist-tags']?.rehearsal
    if (tagged !== version) {
      throw new Error(`${name}@${version} is not in the registry (${response.status}):\n${output}`)
    }
    published.push(`${name}@${tagged}`)
  }
  log(`publish: changeset publish → ${published.length} packages in the local registry`)
  return published
}

const changesetBin = (root) => join(root, 'node_modules', '@changesets', 'cli', 'bin.js')
