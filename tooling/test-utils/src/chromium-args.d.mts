/** Flags for Chromium on these machines (see chromium-args.mjs). */
export declare const CHROMIUM_ARGS: readonly string[]
