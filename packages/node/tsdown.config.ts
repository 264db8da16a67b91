import { defineInsetLibrary } from '@inset/config/tsdown'

// Two entries: the package, and the embed-token contract the server imports on its own.
export default defineInsetLibrary({ platform: 'node', entry: ['src/index.ts', 'src/contract.ts'] })
