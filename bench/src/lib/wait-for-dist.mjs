// Another engineer's rebuild empties a package's dist/ for a few seconds; a section that needs it
// waits for the file (up to `timeoutMs`) instead of failing on a shared machine.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * Resolves once `packages/<name>/dist/<file>` exists; rejects after `timeoutMs`.
 * @example await waitForDist('server', 'index.js')
 */
export async function waitForDist(name, file, timeoutMs = 90_000) {
  const path = fileURLToPath(new URL(`../../../packages/${name}/dist/${file}`, import.meta.url))
  const deadline = Date.now() + timeoutMs
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`${path} is missing (build the package first)`)
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}
