import { defineInsetLibrary } from '@inset/config/tsdown'

export default defineInsetLibrary({ platform: 'node', entry: ['src/index.ts', 'src/cli.ts'] })
