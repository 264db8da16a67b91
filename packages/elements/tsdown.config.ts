import { defineInsetLibrary } from '@inset/config/tsdown'

// Two entries (the API and the side-effect `define`); the chart code is a separate chunk that
// `import()` loads on first render. uPlot stays external to the package's own build: the host's
// bundler resolves it from `dependencies`.
export default defineInsetLibrary({ platform: 'browser', entry: ['src/index.ts', 'src/define.ts'] })
