import angular from '@analogjs/vite-plugin-angular'
import { defineInsetVitest } from '@inset/config/vitest'

// Analog's plugin compiles the components ahead of time, as ng-packagr does. Three projects:
// zoneless TestBed (the default), the same components under zone.js, and a server render in
// plain Node where no DOM global exists.
export default defineInsetVitest({
  plugins: [angular({ tsconfig: 'tsconfig.spec.json', jit: false })],
  test: {
    environment: 'happy-dom',
    projects: [
      {
        extends: true,
        test: {
          name: 'zoneless',
          exclude: ['**/node_modules/**', 'src/**/*.zone.test.ts', 'src/**/*.server.test.ts'],
          setupFiles: ['test/setup-zoneless.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'zone.js',
          include: ['src/**/*.zone.test.ts'],
          setupFiles: ['test/setup-zone.ts'],
          typecheck: { enabled: false },
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['src/**/*.server.test.ts'],
          environment: 'node',
          typecheck: { enabled: false },
        },
      },
    ],
  },
})
