import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { defineInsetVitest } from '@inset/config/vitest'

const require = createRequire(import.meta.url)
const react18 = (name: string) => dirname(require.resolve(`${name}-18/package.json`))

// Every test runs on React 19 (dev) and on React 18.3, the oldest React of the peer range.
export default defineInsetVitest({
  test: {
    environment: 'happy-dom',
    projects: [
      { extends: true, test: { name: 'react19', setupFiles: ['test/setup.ts'] } },
      {
        extends: true,
        test: {
          name: 'react18',
          // The server render runs the built entry in plain Node, once is enough.
          exclude: ['**/node_modules/**', 'src/server-render.test.ts'],
          setupFiles: ['test/react-18.ts', 'test/setup.ts'],
          typecheck: { enabled: false },
        },
        resolve: {
          alias: [
            { find: /^react-dom(\/.*)?$/, replacement: `${react18('react-dom')}$1` },
            { find: /^react(\/.*)?$/, replacement: `${react18('react')}$1` },
          ],
        },
      },
    ],
  },
})
