import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoConfig } from '../demo/demo-config'
import { ConfigError } from './config-error'
import { loadConfig, parseConfig } from './load-config'

const EXAMPLE = fileURLToPath(new URL('../../examples/inset.config.yaml', import.meta.url))

function issuesOf(run: () => unknown): string[] {
  try {
    run()
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((i) => `${i.path}: ${i.message}`)
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('loadConfig', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inset-config-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('loads the example file, which matches the demo', async () => {
    const config = await loadConfig(EXAMPLE, { INSET_DEMO_SECRET: 'from-the-environment-123' })
    expect(config.embedKeys[0]?.keys[0]).toEqual({
      alg: 'HS256',
      secret: 'from-the-environment-123',
    })
    const demo = parseConfig(demoConfig())
    expect(Object.keys(config.datasets.orders?.measures ?? {})).toEqual(
      Object.keys(demo.datasets.orders?.measures ?? {}),
    )
    expect(config.dashboards['sales-overview']?.tiles.map((t) => t.id)).toEqual(
      demo.dashboards['sales-overview']?.tiles.map((t) => t.id),
    )
  })

  it('names unset environment variables, invalid YAML and relative DuckDB paths', async () => {
    const file = join(dir, 'env.yaml')
    await writeFile(
      file,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a config placeholder, not a template
      'embedKeys:\n  - id: k\n    keys: [{ alg: HS256, secret: "${MISSING_SECRET}" }]\n',
    )
    await expect(loadConfig(file, {})).rejects.toThrow(
      'embedKeys[0].keys[0].secret: environment variable MISSING_SECRET is not set',
    )
    await writeFile(file, 'embedKeys: [\n')
    await expect(loadConfig(file, {})).rejects.toThrow('not valid YAML')
    await writeFile(
      file,
      'embedKeys: [{ id: k, keys: [{ alg: HS256, secret: 0123456789abcdef }] }]\ndataSources: { db: { type: duckdb, path: data/inset.duckdb } }\ndatasets: {}\n',
    )
    expect((await loadConfig(file, {})).dataSources.db).toMatchObject({
      path: join(dir, 'data/inset.duckdb'),
    })
  })
})

describe('parseConfig', () => {
  it('fills in defaults', () => {
    const config = parseConfig(demoConfig())
    expect(config.server).toMatchObject({
      port: 4400,
      bodyLimitBytes: 65_536,
      tokenLeewaySeconds: 30,
      maxRows: 10_000,
    })
    expect(config.audit).toEqual({ enabled: true, table: 'inset_audit', flushIntervalMs: 50 })
  })

  it('names every bad field', () => {
    const base = demoConfig()
    const orders = base.datasets?.orders
    const issues = issuesOf(() =>
      parseConfig({
        ...base,
        embedKeys: [{ id: 'demo', origins: ['localhost'], keys: [{ alg: 'RS256', secret: 'x' }] }],
        datasets: {
          orders: {
            ...orders,
            table: 'orders; DROP TABLE x',
            measures: { ...orders?.measures, profit: { aggregation: 'median', column: 'amount' } },
          },
        },
      }),
    )
    expect(issues).toEqual(
      expect.arrayContaining([
        'embedKeys[0].origins[0]: must be an origin such as https://app.example.com',
        expect.stringMatching(/^embedKeys\[0\]\.keys\[0\]\.alg: .*'HS256' \| 'ES256' \| 'EdDSA'/),
        expect.stringMatching(/^datasets\.orders\.table: must be a table name/),
        expect.stringMatching(/^datasets\.orders\.measures\.profit\.aggregation: /),
      ]),
    )
  })

  it('checks references between datasets, dashboards and tiles', () => {
    const base = demoConfig()
    const sales = base.dashboards?.['sales-overview']
    const issues = issuesOf(() =>
      parseConfig({
        ...base,
        dashboards: {
          'sales-overview': {
            title: 'Sales',
            dataset: 'orders',
            filters: [
              { id: 'date', type: 'date_range', dimension: 'region' },
              { id: 'date', type: 'select', dimension: 'colour' },
            ],
            tiles: [
              ...(sales?.tiles ?? []),
              { id: 'margin', title: 'Margin', kind: 'kpi', measure: 'margin' },
              {
                id: 'weekly',
                title: 'Weekly',
                kind: 'timeseries',
                measures: ['revenue'],
                timeDimension: 'channel',
              },
            ],
          },
          other: { title: 'Other', dataset: 'nope', tiles: sales?.tiles ?? [] },
        },
      }),
    )
    expect(issues).toEqual([
      'dashboards.sales-overview.filters[1].id: duplicate filter id "date"',
      'dashboards.sales-overview.filters[0].dimension: "region" is not a time dimension',
      'dashboards.sales-overview.filters[1].dimension: unknown dimension "colour"',
      'dashboards.sales-overview.tiles[5]: query measures[0]: unknown measure "margin" in dataset "orders"',
      'dashboards.sales-overview.tiles[6]: query timeGrain.dimension: "channel" is not a time dimension',
      'dashboards.other.dataset: unknown dataset "nope"',
    ])
  })
})
