import type { UserConfig } from 'vitest/config'
/** Shared vitest preset; `overrides` are deep-merged. */
export declare function defineInsetVitest(overrides?: UserConfig): UserConfig
