// Chromium for the browser sections: Debian's, as scripts/lib/chromium.sh finds it (CHROME_PATH
// first), launched by Playwright with the flags this closed network needs.
import { existsSync, readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS } from '@inset/test-utils/chromium-args'
import { chromium } from '@playwright/test'

/** The Chromium binary: CHROME_PATH, Debian's, or a Playwright cache's. */
export function chromiumPath() {
  if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser'])
    if (existsSync(candidate)) return candidate
  const cache = join(homedir(), '.cache/ms-playwright')
  if (existsSync(cache))
    for (const dir of readdirSync(cache).filter((name) => name.startsWith('chromium-')))
      for (const sub of ['chrome-linux', 'chrome-linux64'])
        if (existsSync(join(cache, dir, sub, 'chrome'))) return join(cache, dir, sub, 'chrome')
  return '/usr/bin/chromium'
}

/**
 * Launches Chromium for one section.
 * @example const browser = await launchChromium(); try { … } finally { await browser.close() }
 */
export function launchChromium(extraArgs = []) {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...extraArgs] })
}
