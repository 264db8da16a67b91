// Chromium's flags for these machines, in plain JavaScript so that the benchmarks' .mjs scripts
// (plain Node, no TypeScript) launch it exactly as the browser suites do.

/**
 * Flags for Chromium on these machines: headless without a GPU or sandbox, and none of the
 * background networking that floods a network without internet with refused connections.
 *
 * @example
 * const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS] })
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
])
