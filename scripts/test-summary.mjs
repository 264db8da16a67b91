// Sums every vitest and Playwright JSON report under packages/*, apps/*, tooling/* and bench test-results
// into one line "N passed, N failed, N skipped". A failure is a failed test, a test file that
// failed without a failed test (it threw at import, or a hook failed), a run that reported
// failure without either (an unhandled error), or a Playwright top-level error (a config or a spec
// that fails to load). Each failure that is not a plain failed test is named with its file.
// Exits 1 when anything failed. Usage: node scripts/test-summary.mjs [repo root]
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * @param {string} root
 * @param {string[]} failedSteps steps of test-all.sh that exited non-zero
 */
export function summarize(root, failedSteps = []) {
  let passed = 0
  let failed = failedSteps.length
  let skipped = 0
  /** @type {string[]} */
  const problems = failedSteps.map((step) => `step "${step}" failed (its output is above)`)
  const where = (file) => (file ? relative(root, file) || file : 'unknown file')
  const firstLine = (text) =>
    String(text ?? '')
      .split('\n')[0]
      .slice(0, 200)
  // Workspaces: packages/*, apps/*, tooling/* and the bench workspace at the root.
  const workspaces = ['packages', 'apps', 'tooling'].flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group))
          .sort()
          .map((name) => join(root, group, name))
      : [],
  )
  for (const workspace of [...workspaces, join(root, 'bench')]) {
    const dir = join(workspace, 'test-results')
    if (!existsSync(dir)) continue
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const reportPath = join(dir, file)
      let report
      try {
        report = JSON.parse(readFileSync(reportPath, 'utf8'))
      } catch (error) {
        failed += 1
        problems.push(`${where(reportPath)}: unreadable report (${firstLine(error.message)})`)
        continue
      }
      if (typeof report.numPassedTests === 'number') {
        passed += report.numPassedTests
        failed += report.numFailedTests
        skipped += report.numPendingTests + report.numTodoTests
        let fileFailures = 0
        for (const result of report.testResults ?? []) {
          const failedTests = (result.assertionResults ?? []).filter(
            (a) => a.status === 'failed',
          ).length
          if (result.status === 'failed' && failedTests === 0) {
            fileFailures += 1
            problems.push(`${where(result.name)}: suite failed (${firstLine(result.message)})`)
          }
        }
        failed += fileFailures
        if (report.success === false && report.numFailedTests === 0 && fileFailures === 0) {
          failed += 1
          problems.push(`${where(reportPath)}: the run failed (unhandled error or setup failure)`)
        }
      } else if (report.stats) {
        passed += report.stats.expected + report.stats.flaky
        failed += report.stats.unexpected
        skipped += report.stats.skipped
        for (const error of report.errors ?? []) {
          failed += 1
          const location = error.location?.file ?? reportPath
          problems.push(`${where(location)}: Playwright error (${firstLine(error.message)})`)
        }
      }
    }
  }
  return { passed, failed, skipped, problems }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const failedSteps = (process.env.INSET_FAILED_STEPS ?? '').split('\n').filter(Boolean)
  const { passed, failed, skipped, problems } = summarize(
    process.argv[2] ?? process.cwd(),
    failedSteps,
  )
  for (const problem of problems) console.log(`FAILED ${problem}`)
  const line = `${passed} passed, ${failed} failed, ${skipped} skipped`
  const red = failed > 0 && process.stdout.isTTY
  console.log(red ? `\u001b[31m${line}\u001b[39m` : line)
  process.exitCode = failed > 0 ? 1 : 0
}
