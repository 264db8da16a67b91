import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { defineInsetVitest } from '@inset/config/vitest'
import vue from '@vitejs/plugin-vue'

const require = createRequire(import.meta.url)
const vue34 = dirname(require.resolve('vue-34/package.json'))
const fromVue34 = createRequire(`${vue34}/package.json`)
const vue34Package = (name: string) => dirname(fromVue34.resolve(`${name}/package.json`))
// Test Utils' ES module: its `node` export is CommonJS, which would load the dev Vue by itself.
const testUtilsModule = `${dirname(require.resolve('@vue/test-utils/package.json'))}/dist/vue-test-utils.esm-bundler.mjs`

// Every runtime test runs on Vue 3.5 (dev) and on Vue 3.4, the oldest Vue of the peer range.
export default defineInsetVitest({
  test: {
    environment: 'happy-dom',
    setupFiles: ['test/setup.ts'],
    projects: [
      {
        extends: true,
        plugins: [vue()],
        // Test files import single-file components: type tests need vue-tsc to read them.
        test: { name: 'vue3.5', typecheck: { checker: 'vue-tsc' } },
      },
      {
        extends: true,
        plugins: [vue({ compiler: fromVue34('vue/compiler-sfc') })],
        test: {
          name: 'vue3.4',
          // The server render runs the built entry in plain Node, once is enough.
          exclude: ['**/node_modules/**', 'src/server-render.test.ts'],
          typecheck: { enabled: false },
          // Test Utils goes through Vite too, so that it imports the same Vue as the tests.
          server: { deps: { inline: ['@vue/test-utils'] } },
        },
        resolve: {
          alias: [
            { find: /^@vue\/test-utils$/, replacement: testUtilsModule },
            { find: /^vue(\/.*)?$/, replacement: `${vue34}$1` },
            ...['@vue/server-renderer', '@vue/compiler-dom'].map((name) => ({
              find: name,
              replacement: vue34Package(name),
            })),
          ],
        },
      },
    ],
  },
})
