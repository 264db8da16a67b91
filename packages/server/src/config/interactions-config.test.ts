import { describe, expect, it } from 'vitest'
import { demoConfig } from '../demo/demo-config'
import { ConfigError } from './config-error'
import { parseConfig } from './load-config'
import type { InsetConfigInput } from './schema'

type TileInput = NonNullable<InsetConfigInput['dashboards']>[string]['tiles'][number]

function withTiles(tiles: unknown[], filters?: unknown[]): InsetConfigInput {
  const base = demoConfig()
  const sales = base.dashboards?.['sales-overview']
  return {
    ...base,
    dashboards: {
      'sales-overview': {
        title: 'Sales',
        dataset: 'orders',
        filters: (filters ?? sales?.filters ?? []) as never,
        tiles: tiles as TileInput[],
      },
    },
  }
}

function issuesOf(input: InsetConfigInput): string[] {
  try {
    parseConfig(input)
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((i) => `${i.path}: ${i.message}`)
    throw error
  }
  return []
}

const breakdown = (extra: Record<string, unknown>) => ({
  id: 'by-category',
  title: 'By category',
  kind: 'breakdown',
  dimension: 'category',
  measure: 'revenue',
  ...extra,
})

describe('tile crossFilter and drill in the configuration', () => {
  it('accepts the demo: a category → product path on the category breakdown', () => {
    const config = parseConfig(demoConfig())
    const tile = config.dashboards['sales-overview']?.tiles.find(
      (t) => t.id === 'revenue-by-category',
    )
    expect(tile).toMatchObject({ drill: ['category', 'product'] })
    expect(config.server.exportRowLimit).toBe(100_000)
  })

  it('names every bad drill path', () => {
    expect(
      issuesOf(
        withTiles([
          breakdown({ id: 'a', drill: ['product', 'category'] }),
          breakdown({ id: 'b', drill: ['category', 'colour'] }),
          breakdown({ id: 'c', drill: ['category', 'order_date'] }),
          breakdown({ id: 'd', drill: ['category', 'product', 'category'] }),
          {
            id: 'e',
            title: 'Table',
            kind: 'table',
            dimensions: ['category', 'product'],
            measures: ['revenue'],
            drill: ['category', 'product'],
          },
          { id: 'f', title: 'Table', kind: 'table', measures: ['revenue'], drill: ['a', 'b'] },
        ]),
      ),
    ).toEqual([
      'dashboards.sales-overview.tiles[0].drill[0]: must be "category", the tile\'s dimension',
      'dashboards.sales-overview.tiles[1].drill[1]: unknown dimension "colour"',
      'dashboards.sales-overview.tiles[2].drill[1]: "order_date" is a time dimension (drill by category)',
      'dashboards.sales-overview.tiles[3].drill[2]: "category" is already in the drill path',
      'dashboards.sales-overview.tiles[4].drill[1]: "product" is already a column of the table',
      'dashboards.sales-overview.tiles[5].drill[0]: a table needs a dimension to drill from',
      'dashboards.sales-overview.tiles[5].drill[0]: unknown dimension "a"',
      'dashboards.sales-overview.tiles[5].drill[1]: unknown dimension "b"',
    ])
  })

  it('refuses a drill of one level, and drill or crossFilter on KPI and time series tiles', () => {
    const issues = issuesOf(
      withTiles([
        breakdown({ drill: ['category'] }),
        { id: 'k', title: 'KPI', kind: 'kpi', measure: 'revenue', crossFilter: true },
        {
          id: 't',
          title: 'Series',
          kind: 'timeseries',
          measures: ['revenue'],
          timeDimension: 'order_date',
          drill: ['order_date', 'product'],
        },
      ]),
    )
    expect(issues).toHaveLength(3)
    expect(issues[0]).toBe(
      "dashboards.sales-overview.tiles[0].drill: needs the tile's own dimension and at least one more",
    )
    expect(issues[1]).toMatch(/tiles\[1\].*crossFilter/)
    expect(issues[2]).toMatch(/tiles\[2\].*drill/)
  })

  it('wants a select filter on the dimension when crossFilter is true', () => {
    expect(
      issuesOf(
        withTiles(
          [breakdown({ crossFilter: true })],
          [{ id: 'x', type: 'select', dimension: 'region' }],
        ),
      ),
    ).toEqual([
      'dashboards.sales-overview.tiles[0].crossFilter: needs a select filter on "category", the tile\'s first dimension',
    ])
    expect(issuesOf(withTiles([breakdown({ crossFilter: true })]))).toEqual([])
    expect(issuesOf(withTiles([breakdown({ crossFilter: false })]))).toEqual([])
  })

  it('bounds server.exportRowLimit by EXPORT_ROW_LIMIT', () => {
    const base = demoConfig()
    expect(issuesOf({ ...base, server: { exportRowLimit: 100_001 } })).toEqual([
      expect.stringMatching(/^server\.exportRowLimit: .*100000/),
    ])
    expect(issuesOf({ ...base, server: { exportRowLimit: 0 } })).toHaveLength(1)
    expect(parseConfig({ ...base, server: { exportRowLimit: 25 } }).server.exportRowLimit).toBe(25)
  })
})
