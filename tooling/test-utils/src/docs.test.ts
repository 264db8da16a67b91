// The docs that must not drift from the code: docs/troubleshooting.md has a section for every error
// code the packages can emit; docs/theming.md and docs/server.md are what their scripts generate
// from the code now (run `node scripts/docs-theming.mjs` / `node scripts/docs-server.mjs`); docs/api
// is the API reference TypeDoc generates from the doc comments (`pnpm docs:api`).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const read = (path: string) => readFileSync(join(root, path), 'utf8')

/** Every non-test source file under packages/<name>/src. */
function sources(dir = 'packages'): string[] {
  const out: string[] = []
  const walk = (path: string) => {
    for (const name of readdirSync(join(root, path))) {
      const child = `${path}/${name}`
      if (name === 'node_modules' || name === 'dist' || name === 'test') continue
      if (statSync(join(root, child)).isDirectory()) walk(child)
      else if (/\.(ts|tsx|vue|svelte)$/.test(name) && !/\.test(-d)?\.tsx?$/.test(name))
        out.push(child)
    }
  }
  for (const pkg of readdirSync(join(root, dir))) {
    try {
      if (statSync(join(root, dir, pkg, 'src')).isDirectory()) walk(`${dir}/${pkg}/src`)
    } catch {}
  }
  return out
}

/** Codes the source can emit, with one file each uses it in. */
export function emittedErrorCodes(files: { path: string; text: string }[]): Map<string, string> {
  const found = new Map<string, string>()
  const patterns = [
    /new (?:InsetError|ServerError)\(\s*['"`]([a-z_]+)['"`]/g,
    /error:\s*\{\s*code:\s*['"`]([a-z_]+)['"`]/g,
  ]
  for (const { path, text } of files)
    for (const pattern of patterns)
      for (const match of text.matchAll(pattern))
        if (!found.has(match[1]!)) found.set(match[1]!, path)
  return found
}

describe('docs/troubleshooting.md', () => {
  const doc = read('docs/troubleshooting.md')
  const documented = new Set([...doc.matchAll(/^## `([a-z_]+)`$/gm)].map((m) => m[1]))
  const stable = [
    ...read('packages/core/src/errors.ts')
      .match(/INSET_ERROR_CODES = \[([^\]]*)\]/)![1]!
      .matchAll(/'([a-z_]+)'/g),
  ].map((m) => m[1]!)

  it('has a section for every code the packages emit', () => {
    const files = sources().map((path) => ({ path, text: read(path) }))
    const emitted = emittedErrorCodes(files)
    // The scan finds what it should: most codes are emitted by name somewhere.
    expect(emitted.size).toBeGreaterThanOrEqual(8)
    const missing = [...emitted].filter(([code]) => !documented.has(code))
    expect(missing, 'codes emitted (with a file) but not in docs/troubleshooting.md').toEqual([])
    // Nothing emits a code outside the stable list.
    expect([...emitted.keys()].filter((code) => !stable.includes(code))).toEqual([])
  })

  it('has a section for every stable code and none for a code that does not exist', () => {
    expect(stable.length).toBeGreaterThanOrEqual(11)
    expect([...documented].sort()).toEqual([...stable].sort())
  })

  it('the scan catches a code missing from the doc', () => {
    const emitted = emittedErrorCodes([
      { path: 'x.ts', text: "throw new ServerError(\n  'payment_required', 'x')" },
      { path: 'y.ts', text: "c.json({ error: { code: 'gone', message } })" },
    ])
    expect([...emitted.keys()].filter((code) => !documented.has(code))).toEqual([
      'payment_required',
      'gone',
    ])
  })
})

describe('docs/theming.md', () => {
  it('is what scripts/docs-theming.mjs generates', async () => {
    // @ts-expect-error: a script without types
    const { render, TARGET } = await import('../../../scripts/docs-theming.mjs')
    expect(read(TARGET), 'stale: run node scripts/docs-theming.mjs').toBe(await render())
  })

  it("the elements' table lists every part and custom property the source uses, and no other", async () => {
    // @ts-expect-error: a script without types
    const { importTs } = await import('../../../scripts/docs-lib.mjs')
    const { INSET_CUSTOM_PROPERTIES, INSET_PARTS } = await importTs(
      'packages/elements/src/styles/theme-table.ts',
      'packages/elements',
    )
    const files = sources()
      .filter(
        (path) => path.startsWith('packages/elements/src/') && !path.endsWith('theme-table.ts'),
      )
      .map((path) => read(path))
      .join('\n')
    const kinds = [
      ...read('packages/core/src/wire.ts')
        .match(/export type TileKind = ([^\n]+)/)![1]!
        .matchAll(/'(\w+)'/g),
    ].map((m) => m[1]!)
    const parts = new Set<string>()
    for (const match of files.matchAll(/part:\s*(?:'([^']+)'|`([^`]+)`)/g)) {
      for (const name of (match[1] ?? match[2])!.split(/\s+/)) {
        if (name === 'tile-${tile.kind}') for (const kind of kinds) parts.add(`tile-${kind}`)
        else parts.add(name)
      }
    }
    // `part: user ? 'question' : 'answer'`
    for (const match of files.matchAll(/part:\s*\w+\s*\?\s*'([^']+)'\s*:\s*'([^']+)'/g))
      parts.add(match[1]!).add(match[2]!)
    expect(parts.size).toBeGreaterThanOrEqual(20)
    const listed = INSET_PARTS.map((part: { name: string }) => part.name)
    expect(
      [...parts].filter((name) => !listed.includes(name)),
      'parts not in the table',
    ).toEqual([])
    expect(
      listed.filter((name: string) => !parts.has(name)),
      'parts used nowhere',
    ).toEqual([])

    const core = read('packages/core/src/theme.ts')
    const used = new Set(
      [...`${files}\n${core}`.matchAll(/--inset-[a-z0-9-]*[a-z0-9]/g)]
        .map((m) => m[0].replace(/^--inset-chart-\d+$/, '--inset-chart-<n>'))
        .filter((name) => !['--inset-color', '--inset-chart'].includes(name)),
    )
    // The series are written `--inset-chart-${index + 1}`.
    if (/--inset-chart-\$\{/.test(`${files}\n${core}`)) used.add('--inset-chart-<n>')
    const properties = INSET_CUSTOM_PROPERTIES.map((p: { name: string }) => p.name)
    expect(
      [...used].filter((name) => !properties.includes(name)),
      'not in the table',
    ).toEqual([])
    expect(
      properties.filter((name: string) => !used.has(name)),
      'used nowhere',
    ).toEqual([])
  })
})

describe('docs/server.md', () => {
  it('is what scripts/docs-server.mjs generates from the config schema', async () => {
    // @ts-expect-error: a script without types
    const { render, TARGET, EXTRA, fields } = await import('../../../scripts/docs-server.mjs')
    const text = await render()
    expect(read(TARGET), 'stale: run node scripts/docs-server.mjs').toBe(text)
    // Every schema field is in the reference; hand-written meanings name real fields.
    expect(fields.size).toBeGreaterThan(60)
    expect(Object.keys(EXTRA).filter((field) => !fields.has(field))).toEqual([])
    for (const field of [
      'server.revocationRefreshMs',
      'audit.flushIntervalMs',
      'assistant.openai.model',
    ])
      expect(text).toContain(`\`${field}\``)
  })
})

describe('docs/api', () => {
  it('is the API reference scripts/docs-api.mjs generates from the doc comments now', async () => {
    // @ts-expect-error: a script without types
    const { staleFiles, PACKAGES } = await import('../../../scripts/docs-api.mjs')
    expect(await staleFiles(), 'stale: run pnpm docs:api').toEqual([])
    // Every public package's README links its reference.
    for (const name of Object.keys(PACKAGES))
      expect(read(`packages/${name}/README.md`)).toContain(`docs/api/${name}/README.md`)
  }, 300_000)
})

describe('docs/deploy', () => {
  it("the deployment's configuration is valid for the server, every secret from the environment", async () => {
    const { loadConfig } = await import('@inset/server')
    const env = {
      INSET_EMBED_SECRET: 'a-secret-of-at-least-16-characters',
      INSET_API_KEY: 'an-api-key-of-at-least-16-characters',
      DATABASE_URL: 'postgres://inset:inset@postgres:5432/inset',
    }
    const config = await loadConfig(join(root, 'docs/deploy/inset.config.yaml'), env)
    expect(config.dataSources.warehouse).toMatchObject({ type: 'postgres', url: env.DATABASE_URL })
    expect(config.audit.dataSource).toBe('warehouse')
    expect(config.embedKeys[0]!.keys[0]).toMatchObject({ secret: env.INSET_EMBED_SECRET })
    // No secret is written in the file itself.
    const text = read('docs/deploy/inset.config.yaml')
    expect(text).not.toContain(env.INSET_EMBED_SECRET)
    expect(text).toMatch(/secret: \$\{INSET_EMBED_SECRET\}/)
  })
})
