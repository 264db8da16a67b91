// The fresh host apps of the rehearsal: one entry per framework, written as a newcomer would
// (the binding from the registry, the framework's own build tool, the type checker its template
// runs), each showing the demo dashboard for the signed-in user alice. Adding a framework is one
// entry: its dependencies, its files, its build script and where the build lands.
//
// Every app fetches its token from its own backend (`/api/inset-token`, served by the fresh Node
// backend below) and talks to the Inset server at `insetServerUrl`.

/** The heading each app shows; the browser check looks for it. */
export const heading = (title) => `Fresh ${title} app`

const TOKEN_URL = '/api/inset-token?user=alice'
const json = (value) => `${JSON.stringify(value, null, 2)}\n`
const config = ({ insetServerUrl }) =>
  `// Written by the rehearsal: where the Inset server runs.\nexport const INSET_SERVER_URL = ${JSON.stringify(insetServerUrl)}\n`

const viteIndex = (title, mount, entry) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>${heading(title)}</title>
  </head>
  <body>
    <div id="${mount}"></div>
    <script type="module" src="${entry}"></script>
  </body>
</html>
`

const browserTsconfig = (extra = {}) =>
  json({
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      module: 'ESNext',
      moduleResolution: 'bundler',
      isolatedModules: true,
      verbatimModuleSyntax: true,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      ...extra,
    },
    include: ['src'],
  })

/**
 * @typedef {{ insetServerUrl: string }} AppContext
 * @typedef {{
 *   name: string, title: string, binding: string,
 *   dependencies: Record<string, string>, devDependencies: Record<string, string>,
 *   build: string, outDir: string, files: (ctx: AppContext) => Record<string, string>,
 * }} Framework
 */

/** @type {Framework[]} */
export const FRAMEWORKS = [
  {
    name: 'react',
    title: 'React',
    binding: '@inset/react',
    dependencies: { react: '^19.3.1', 'react-dom': '^19.3.1' },
    devDependencies: {
      '@types/react': '^19.3.0',
      '@types/react-dom': '^19.3.0',
      '@vitejs/plugin-react': '^6.3.0',
      typescript: '~5.9.3',
      vite: '^8.3.8',
    },
    build: 'tsc && vite build',
    outDir: 'dist',
    files: (ctx) => ({
      'index.html': viteIndex('React', 'root', '/src/main.tsx'),
      'vite.config.ts': `import react from '@vitejs/plugin-react'\nimport { defineConfig } from 'vite'\n\nexport default defineConfig({ plugins: [react()] })\n`,
      'tsconfig.json': browserTsconfig({ jsx: 'react-jsx' }),
      'src/inset-config.ts': config(ctx),
      'src/main.tsx': `import { InsetDashboard, InsetProvider } from '@inset/react'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { INSET_SERVER_URL } from './inset-config'

const fetchToken = ({ signal }: { signal: AbortSignal }) => fetch('${TOKEN_URL}', { signal })

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <InsetProvider serverUrl={INSET_SERVER_URL} fetchToken={fetchToken}>
      <h1>${heading('React')}</h1>
      <InsetDashboard dashboardId="sales-overview" />
    </InsetProvider>
  </StrictMode>,
)
`,
    }),
  },
  {
    name: 'vue',
    title: 'Vue',
    binding: '@inset/vue',
    dependencies: { vue: '^3.5.45' },
    devDependencies: {
      '@vitejs/plugin-vue': '^6.0.11',
      typescript: '~5.9.3',
      vite: '^8.3.8',
      'vue-tsc': '^3.2.9',
    },
    build: 'vue-tsc && vite build',
    outDir: 'dist',
    files: (ctx) => ({
      'index.html': viteIndex('Vue', 'app', '/src/main.ts'),
      'vite.config.ts': `import vue from '@vitejs/plugin-vue'\nimport { defineConfig } from 'vite'\n\nexport default defineConfig({ plugins: [vue()] })\n`,
      'tsconfig.json': browserTsconfig({ jsx: 'preserve', types: ['vite/client'] }),
      'src/inset-config.ts': config(ctx),
      'src/main.ts': `import { createApp } from 'vue'\nimport App from './App.vue'\n\ncreateApp(App).mount('#app')\n`,
      'src/App.vue': `<script setup lang="ts">
import { InsetDashboard, provideInset } from '@inset/vue'
import { INSET_SERVER_URL } from './inset-config'

provideInset({
  serverUrl: INSET_SERVER_URL,
  fetchToken: ({ signal }) => fetch('${TOKEN_URL}', { signal }),
})
</script>

<template>
  <h1>${heading('Vue')}</h1>
  <InsetDashboard dashboard-id="sales-overview" />
</template>
`,
    }),
  },
  {
    name: 'svelte',
    title: 'Svelte',
    binding: '@inset/svelte',
    dependencies: {},
    devDependencies: {
      '@sveltejs/vite-plugin-svelte': '^7.3.1',
      svelte: '^5.57.3',
      'svelte-check': '^4.7.8',
      typescript: '~5.9.3',
      vite: '^8.3.8',
    },
    build: 'svelte-check --fail-on-warnings && vite build',
    outDir: 'dist',
    files: (ctx) => ({
      'index.html': viteIndex('Svelte', 'app', '/src/main.ts'),
      'vite.config.ts': `import { svelte } from '@sveltejs/vite-plugin-svelte'\nimport { defineConfig } from 'vite'\n\nexport default defineConfig({ plugins: [svelte()] })\n`,
      'svelte.config.js': `import { vitePreprocess } from '@sveltejs/vite-plugin-svelte'\n\nexport default { preprocess: vitePreprocess() }\n`,
      'tsconfig.json': browserTsconfig({ types: ['svelte', 'vite/client'] }),
      'src/inset-config.ts': config(ctx),
      'src/main.ts': `import { mount } from 'svelte'\nimport App from './App.svelte'\n\nmount(App, { target: document.getElementById('app') as HTMLElement })\n`,
      'src/App.svelte': `<script lang="ts">
  import { InsetDashboard, setInsetContext } from '@inset/svelte'
  import { INSET_SERVER_URL } from './inset-config'

  setInsetContext({
    serverUrl: INSET_SERVER_URL,
    fetchToken: ({ signal }) => fetch('${TOKEN_URL}', { signal }),
  })
</script>

<h1>${heading('Svelte')}</h1>
<InsetDashboard dashboardId="sales-overview" />
`,
    }),
  },
  {
    name: 'angular',
    title: 'Angular',
    binding: '@inset/angular',
    dependencies: {
      '@angular/common': '~21.2.0',
      '@angular/compiler': '~21.2.0',
      '@angular/core': '~21.2.0',
      '@angular/platform-browser': '~21.2.0',
      rxjs: '~7.8.0',
      tslib: '^2.8.1',
    },
    devDependencies: {
      // Pinned to the 21 line: @angular/cli 21 and a 22 devkit do not mix.
      '@angular-devkit/architect': '~0.2102.0',
      '@angular-devkit/schematics': '~21.2.0',
      '@angular/build': '~21.2.0',
      '@angular/cli': '~21.2.0',
      '@angular/compiler-cli': '~21.2.0',
      typescript: '~5.9.3',
    },
    build: 'ng build',
    outDir: 'dist/browser',
    files: (ctx) => ({
      'angular.json': json({
        $schema: './node_modules/@angular/cli/lib/config/schema.json',
        version: 1,
        cli: { analytics: false, packageManager: 'pnpm' },
        projects: {
          'fresh-angular': {
            projectType: 'application',
            root: '',
            sourceRoot: 'src',
            architect: {
              build: {
                builder: '@angular/build:application',
                options: {
                  browser: 'src/main.ts',
                  index: 'src/index.html',
                  tsConfig: 'tsconfig.json',
                  outputPath: 'dist',
                },
                configurations: { production: { outputHashing: 'all' } },
                defaultConfiguration: 'production',
              },
            },
          },
        },
      }),
      'tsconfig.json': json({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022', 'DOM'],
          module: 'preserve',
          moduleResolution: 'bundler',
          isolatedModules: true,
          strict: true,
          skipLibCheck: true,
          experimentalDecorators: true,
        },
        angularCompilerOptions: { strictTemplates: true, strictInjectionParameters: true },
        files: ['src/main.ts'],
      }),
      'src/index.html': `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${heading('Angular')}</title>
    <base href="/" />
  </head>
  <body>
    <app-root></app-root>
  </body>
</html>
`,
      'src/inset-config.ts': config(ctx),
      'src/main.ts': `import { Component, provideZonelessChangeDetection } from '@angular/core'
import { bootstrapApplication } from '@angular/platform-browser'
import { InsetDashboard, provideInset } from '@inset/angular'
import { INSET_SERVER_URL } from './inset-config'

@Component({
  selector: 'app-root',
  imports: [InsetDashboard],
  template: \`
    <h1>${heading('Angular')}</h1>
    <inset-dashboard dashboardId="sales-overview" />
  \`,
})
class App {}

bootstrapApplication(App, {
  providers: [
    provideZonelessChangeDetection(),
    provideInset({
      serverUrl: INSET_SERVER_URL,
      fetchToken: ({ signal }) => fetch('${TOKEN_URL}', { signal }),
    }),
  ],
}).catch((error: unknown) => console.error(error))
`,
    }),
  },
]

/**
 * The host's backend: node:http with @inset/node minting alice's tokens, serving each built app
 * on its own port (`APPS` = JSON `[{ name, port, dir }]`). Type-checked and built with tsc.
 */
export const BACKEND = {
  name: 'backend',
  dependencies: { '@inset/node': null },
  devDependencies: { '@types/node': '^20.19.0', typescript: '~5.9.3' },
  build: 'tsc',
  files: () => ({
    'tsconfig.json': json({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        outDir: 'dist',
        types: ['node'],
        skipLibCheck: true,
      },
      include: ['src'],
    }),
    'src/server.ts': `import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { createTokenHandler, toNodeHandler } from '@inset/node'

// The demo server's embed key; a real host reads its own secret from its secrets store.
const tokens = toNodeHandler(
  createTokenHandler({
    key: { id: 'demo', secret: process.env.INSET_DEMO_SECRET ?? 'inset-demo-secret-change-me' },
    ttl: 600,
    // A real host reads its session here; the rehearsal's signed-in user is alice.
    authenticate: (request) =>
      new URL(request.url).searchParams.get('user') === 'alice'
        ? { user: 'alice', tenant: 'acme', attributes: { region: ['EU', 'NA', 'APAC'] } }
        : null,
  }),
)

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
}

const apps = JSON.parse(process.env.APPS ?? '[]') as Array<{ name: string; port: number; dir: string }>
for (const app of apps) {
  createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    if (path === '/api/inset-token') return tokens(req, res)
    // A file of the build, else the page itself (client-side routes); a missing asset is a 404.
    const file = normalize(join(app.dir, extname(path) ? path : 'index.html'))
    const body = file.startsWith(app.dir) ? await readFile(file).catch(() => undefined) : undefined
    if (!body) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    res.end(body)
  }).listen(app.port, '127.0.0.1', () => console.log(\`\${app.name}: http://127.0.0.1:\${app.port}/\`))
}
`,
  }),
}
