// Sums every vitest and Playwright JSON report under packages/*, apps/* and tooling/* test-results.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

let passed = 0
let failed = 0
let skipped = 0
for (const group of ['packages', 'apps', 'tooling']) {
  if (!existsSync(group)) continue
  for (const name of readdirSync(group)) {
    const dir = join(group, name, 'test-results')
    if (!existsSync(dir)) continue
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const report = JSON.parse(readFileSync(join(dir, file), 'utf8'))
      if (typeof report.numPassedTests === 'number') {
        passed += report.numPassedTests
        failed += report.numFailedTests
        skipped += report.numPendingTests + report.numTodoTests
      } else if (report.stats) {
        passed += report.stats.expected + report.stats.flaky
        failed += report.stats.unexpected
        skipped += report.stats.skipped
      }
    }
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
