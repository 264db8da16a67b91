// scripts/test-summary.mjs (the last line of `pnpm test:all`): a suite that cannot even import,
// a run that failed without a failed test, a Playwright top-level error and a failed step of
// test-all.sh each count as failures, and the line names them. Runs the real script on reports written here.
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'

const SCRIPT = new URL('../../../../scripts/test-summary.mjs', import.meta.url).pathname
const run = promisify(execFile)

let root: string
afterEach(() => rmSync(root, { recursive: true, force: true }))

function report(workspace: string, file: string, body: unknown): void {
  const dir = join(root, workspace, 'test-results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, file), JSON.stringify(body))
}

const vitest = (over: Record<string, unknown> = {}) => ({
  numPassedTests: 3,
  numFailedTests: 0,
  numPendingTests: 1,
  numTodoTests: 0,
  success: true,
  testResults: [
    {
      name: '/repo/packages/a/src/ok.test.ts',
      status: 'passed',
      message: '',
      assertionResults: [{ status: 'passed' }],
    },
  ],
  ...over,
})

async function summary(failedSteps = ''): Promise<{ code: number; stdout: string }> {
  try {
    const env = { NO_COLOR: '1', INSET_FAILED_STEPS: failedSteps }
    const { stdout } = await run(process.execPath, [SCRIPT, root], { env })
    return { code: 0, stdout }
  } catch (error) {
    const failure = error as { code: number; stdout: string }
    return { code: failure.code, stdout: failure.stdout }
  }
}

describe('scripts/test-summary.mjs', () => {
  it('sums passing reports and exits 0', async () => {
    root = mkdtempSync(join(tmpdir(), 'summary-'))
    report('packages/a', 'vitest.json', vitest())
    report('apps/e2e', 'playwright.json', {
      stats: { expected: 5, flaky: 1, unexpected: 0, skipped: 2 },
      errors: [],
    })
    expect(await summary()).toEqual({ code: 0, stdout: '9 passed, 0 failed, 3 skipped\n' })
  })

  it("counts the bench workspace's own tests beside the packages'", async () => {
    root = mkdtempSync(join(tmpdir(), 'summary-'))
    report('packages/a', 'vitest.json', vitest())
    report('bench', 'vitest.json', vitest({ numFailedTests: 1, success: false }))
    const { code, stdout } = await summary()
    expect(code).toBe(1)
    expect(stdout).toContain('6 passed, 1 failed, 2 skipped')
  })

  it('counts a test file that fails at import, and names it', async () => {
    root = mkdtempSync(join(tmpdir(), 'summary-'))
    report(
      'packages/a',
      'vitest.json',
      vitest({
        numFailedTestSuites: 1,
        success: false,
        testResults: [
          {
            name: join(root, 'packages/a/src/broken.test.ts'),
            status: 'failed',
            message: 'Cannot find module ./gone\nstack…',
            assertionResults: [],
          },
        ],
      }),
    )
    const { code, stdout } = await summary()
    expect(code).toBe(1)
    expect(stdout).toContain(
      'FAILED packages/a/src/broken.test.ts: suite failed (Cannot find module ./gone)',
    )
    expect(stdout).toContain('3 passed, 1 failed, 1 skipped')
  })

  it('counts a failed test once, not again as its file', async () => {
    root = mkdtempSync(join(tmpdir(), 'summary-'))
    report(
      'packages/a',
      'vitest.json',
      vitest({
        numFailedTests: 1,
        success: false,
        testResults: [
          { name: '/x.test.ts', status: 'failed', assertionResults: [{ status: 'failed' }] },
        ],
      }),
    )
    expect((await summary()).stdout).toBe('3 passed, 1 failed, 1 skipped\n')
  })

  it('counts a run that failed with no failed test or file (an unhandled error)', async () => {
    root = mkdtempSync(join(tmpdir(), 'summary-'))
    report('tooling/t', 'vitest.json', vitest({ success: false }))
    const { code, stdout } = await summary()
    expect(code).toBe(1)
    expect(stdout).toContain('FAILED tooling/t/test-results/vitest.json: the run failed')
  })

  it('counts Playwright top-level errors with the file that caused them', async () => {
    root = mkdtempSync(join(tmpdir(), 'summary-'))
    report('apps/e2e', 'results.json', {
      stats: { expected: 0, flaky: 0, unexpected: 0, skipped: 0 },
      errors: [
        {
          message: "Error: Cannot find module '@inset/missing'",
          location: { file: join(root, 'apps/e2e/tests/app.spec.ts'), line: 1, column: 1 },
        },
      ],
    })
    const { code, stdout } = await summary()
    expect(code).toBe(1)
    expect(stdout).toContain('FAILED apps/e2e/tests/app.spec.ts: Playwright error')
    expect(stdout).toContain('0 passed, 1 failed, 0 skipped')
  })

  it('counts a failed step of test-all.sh (a red lint beside green tests), and names it', async () => {
    root = mkdtempSync(join(tmpdir(), 'summary-'))
    report('packages/a', 'vitest.json', vitest())
    const { code, stdout } = await summary('biome ci\nrelease rehearsal\n')
    expect(code).toBe(1)
    expect(stdout).toContain('FAILED step "biome ci" failed')
    expect(stdout).toContain('FAILED step "release rehearsal" failed')
    expect(stdout).toContain('3 passed, 2 failed, 1 skipped')
  })

  it('counts an unreadable report', async () => {
    root = mkdtempSync(join(tmpdir(), 'summary-'))
    const dir = join(root, 'packages/a/test-results')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'vitest.json'), '{ truncated')
    expect((await summary()).stdout).toContain('0 passed, 1 failed')
  })
})
