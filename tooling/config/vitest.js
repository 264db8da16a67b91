// Shared vitest preset: every package writes a JSON report to test-results/ so that
// scripts/test-all.sh can print one "N passed, N failed" line for the whole repo.
import { defineConfig, mergeConfig } from 'vitest/config'

/**
 * @param {import('vitest/config').UserConfig} [overrides]
 * @example export default defineInsetVitest({ test: { environment: 'happy-dom' } })
 */
export function defineInsetVitest(overrides = {}) {
  return mergeConfig(
    defineConfig({
      test: {
        include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
        exclude: ['**/node_modules/**', '**/dist/**', 'e2e/**', '**/*.e2e.ts'],
        reporters: ['default', 'json'],
        outputFile: { json: 'test-results/vitest.json' },
        typecheck: { enabled: true, include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'] },
        restoreMocks: true,
      },
    }),
    overrides,
  )
}
