import type { UserConfig } from 'tsdown'
/** Shared library build preset; `overrides` replace top-level keys. */
export declare function defineInsetLibrary(overrides?: UserConfig): UserConfig
