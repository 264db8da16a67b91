import { defineInsetLibrary } from '@inset/config/tsdown'

// `tabs` is its own entry: hosts that do not share tokens across tabs never bundle it.
export default defineInsetLibrary({ entry: ['src/index.ts', 'src/tabs.ts'] })
