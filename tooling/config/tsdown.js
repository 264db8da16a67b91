// Shared library build: one ESM entry, declarations, no bundled dependencies.
import { defineConfig } from 'tsdown'

/**
 * @param {import('tsdown').UserConfig} [overrides]
 * @example export default defineInsetLibrary({ platform: 'browser' })
 */
export function defineInsetLibrary(overrides = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    fixedExtension: false,
    inputOptions: { checks: { pluginTimings: false } },
    ...overrides,
  })
}
