import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { measureEntry } from '../src/lib/bundle-size.mjs'

const results = fileURLToPath(new URL('../test-results/', import.meta.url))
mkdirSync(results, { recursive: true })
const work = mkdtempSync(join(results, 'bundle-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

// An entry that loads `chart` and `menu` lazily; both import `shared`, which the entry does not.
writeFileSync(join(work, 'shared.js'), `export const shared = ${JSON.stringify('s'.repeat(3000))}`)
writeFileSync(
  join(work, 'chart.js'),
  `import { shared } from './shared.js'\nexport const chart = () => shared + ${JSON.stringify('c'.repeat(2000))}`,
)
writeFileSync(
  join(work, 'menu.js'),
  `import { shared } from './shared.js'\nexport const menu = () => shared + 'm'`,
)
const source = `
  import * as react from 'react'
  globalThis.react = react
  globalThis.load = () => Promise.all([import('./chart.js'), import('./menu.js')])
`

describe('measureEntry', () => {
  it('splits the initial closure from each lazy chunk, and counts a shared file once in a union', async () => {
    const result = await measureEntry(work, source)
    expect(Object.keys(result.lazy).sort()).toEqual(['chart', 'menu'])
    // Each lazy chunk carries the shared file it needs beyond the initial closure.
    expect(result.lazy.chart.min).toBeGreaterThan(5000)
    expect(result.lazy.menu.min).toBeGreaterThan(3000)
    expect(result.lazy.menu.min).toBeLessThan(result.lazy.chart.min)
    const union = result.union(['chart', 'menu'])
    expect(union.min).toBeLessThan(
      result.initial.min + result.lazy.chart.min + result.lazy.menu.min,
    )
    expect(union.min).toBe(result.allJs.min)
    expect(result.initial.gzip).toBeLessThan(result.initial.min)
  })

  it('keeps frameworks out of every product', async () => {
    const result = await measureEntry(work, source)
    expect(result.initial.min).toBeLessThan(500)
  })
})
