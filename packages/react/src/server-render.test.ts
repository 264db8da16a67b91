// @vitest-environment node
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'

const script = fileURLToPath(new URL('../test/render-on-server.mjs', import.meta.url))
const built = fileURLToPath(new URL('../dist/index.js', import.meta.url))

it('imports the built entry in plain Node and renders on the server without a browser global', async () => {
  expect(existsSync(built), 'build the package first (turbo runs build before test)').toBe(true)
  const { stdout } = await promisify(execFile)(process.execPath, [script], { timeout: 30_000 })
  const result = JSON.parse(stdout)
  expect(result.present).toEqual([])
  expect(result.firstLine).toBe("'use client'")
  expect(result.exports).toEqual([
    'InsetAssistant',
    'InsetDashboard',
    'InsetError',
    'InsetProvider',
    'useAssistant',
    'useDashboard',
    'useInset',
  ])
  expect(result.html).toBe(
    '<inset-dashboard id="sales" class="dash"></inset-dashboard><inset-assistant></inset-assistant><p id="probe">idle:0</p>',
  )
  expect(result.fetches).toBe(0)
  expect(result.tokenCalls).toBe(0)
}, 30_000) // a child Node process on a busy machine can take longer than the default 5 s
