// Scaffolds packages/<name> with the shared presets. Usage: node scripts/new-package.mjs <name> <description> [browser|node|neutral]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const [name, description, platform = 'neutral'] = process.argv.slice(2)
if (!name || !description) {
  console.error('usage: node scripts/new-package.mjs <name> <description> [browser|node|neutral]')
  process.exit(1)
}
const dir = join('packages', name)
if (existsSync(dir)) {
  console.error(`${dir} exists already`)
  process.exit(1)
}
mkdirSync(join(dir, 'src'), { recursive: true })
const json = (file, value) => writeFileSync(join(dir, file), `${JSON.stringify(value, null, 2)}\n`)
json('package.json', {
  name: `@inset/${name}`,
  version: '0.0.0',
  description,
  license: 'MIT',
  type: 'module',
  sideEffects: false,
  exports: {
    '.': { types: './dist/index.d.ts', import: './dist/index.js' },
    './package.json': './package.json',
  },
  types: './dist/index.d.ts',
  files: ['dist'],
  publishConfig: { access: 'public' },
  scripts: {
    build: 'tsdown',
    test: 'vitest run',
    typecheck: 'tsc --noEmit',
    lint: 'publint --strict && attw --pack . --profile esm-only',
  },
  devDependencies: {
    '@arethetypeswrong/cli': 'catalog:',
    '@inset/config': 'workspace:*',
    publint: 'catalog:',
    tsdown: 'catalog:',
    typescript: 'catalog:',
    vitest: 'catalog:',
  },
})
json('tsconfig.json', {
  extends:
    platform === 'browser' ? '@inset/config/tsconfig.dom.json' : '@inset/config/tsconfig.base.json',
  compilerOptions: platform === 'node' ? { types: ['node'] } : {},
  include: ['src', 'test', '*.config.ts'],
})
writeFileSync(
  join(dir, 'tsdown.config.ts'),
  `import { defineInsetLibrary } from '@inset/config/tsdown'\n\nexport default defineInsetLibrary(${platform === 'neutral' ? '' : `{ platform: '${platform}' }`})\n`,
)
writeFileSync(
  join(dir, 'vitest.config.ts'),
  `import { defineInsetVitest } from '@inset/config/vitest'\n\nexport default defineInsetVitest()\n`,
)
writeFileSync(join(dir, 'README.md'), `# @inset/${name}\n\n${description}\n`)
console.log(`created ${dir}`)
