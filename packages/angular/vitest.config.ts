import angular from '@analogjs/vite-plugin-angular'
import { defineInsetVitest } from '@inset/config/vitest'
import type { TestProjectInlineConfiguration } from 'vitest/config'

// Analog's plugin compiles the components ahead of time, as ng-packagr does. Projects: zoneless
// TestBed (the default), the components under zone.js, a server render in plain Node where no DOM
// global exists, and hydration of that render (a whole app, so no TestBed platform).
const project = (
  name: string,
  test: NonNullable<TestProjectInlineConfiguration['test']>,
): TestProjectInlineConfiguration => ({
  plugins: [angular({ tsconfig: 'tsconfig.spec.json', jit: false })],
  test: { name, environment: 'happy-dom', restoreMocks: true, ...test },
})

export default defineInsetVitest({
  test: {
    projects: [
      project('zoneless', {
        include: ['src/**/*.test.ts'],
        exclude: ['src/**/*.{zone,server,hydration}.test.ts'],
        setupFiles: ['test/setup-zoneless.ts'],
        typecheck: { enabled: true, include: ['src/**/*.test-d.ts'] },
      }),
      project('zone.js', {
        include: ['src/**/*.zone.test.ts'],
        setupFiles: ['test/setup-zone.ts'],
      }),
      project('server', {
        include: ['src/**/*.server.test.ts'],
        environment: 'node',
        setupFiles: ['test/setup-jit.ts'],
      }),
      project('hydration', {
        include: ['src/**/*.hydration.test.ts'],
        setupFiles: ['test/setup-jit.ts'],
      }),
    ],
  },
})
