import { describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, chromiumLaunchOptions, playwrightBase } from './playwright'

describe('chromiumLaunchOptions', () => {
  it("uses CHROME_PATH, else Debian's Chromium, with the closed-network flags", () => {
    expect(chromiumLaunchOptions({}).executablePath).toBe('/usr/bin/chromium')
    expect(chromiumLaunchOptions({ CHROME_PATH: '/opt/chrome' }).executablePath).toBe('/opt/chrome')
    expect(chromiumLaunchOptions({}).args).toEqual(
      expect.arrayContaining(['--headless', '--no-sandbox', '--disable-background-networking']),
    )
    // A copy: a suite adding a flag changes no other suite.
    chromiumLaunchOptions({}).args?.push('--mute-audio')
    expect(CHROMIUM_ARGS).not.toContain('--mute-audio')
  })
})

describe('playwrightBase', () => {
  it('reports to the JSON file the test summary reads, relative to the given results folder', () => {
    expect(playwrightBase()).toMatchObject({
      outputDir: 'test-results/playwright-artifacts',
      reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
      use: { browserName: 'chromium', trace: 'retain-on-failure' },
    })
    expect(playwrightBase({ resultsDir: '../test-results' }).outputDir).toBe(
      '../test-results/playwright-artifacts',
    )
  })
})
