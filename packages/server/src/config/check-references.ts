import { firstDimension, isCategoryTile } from '../dashboards/drill'
import { tileQuery } from '../dashboards/tile-query'
import { ServerError } from '../errors'
import { buildSemanticModel, type SemanticModel } from '../semantic/model'
import { validateStructuredQuery } from '../semantic/validate-query'
import type { ConfigIssue } from './config-error'
import type { DashboardConfig, InsetConfig, TileConfig } from './schema'

function unique(
  values: string[],
  path: (i: number) => string,
  what: string,
  issues: ConfigIssue[],
): void {
  values.forEach((value, i) => {
    if (values.indexOf(value) !== i)
      issues.push({ path: path(i), message: `duplicate ${what} "${value}"` })
  })
}

/**
 * Checks what a schema cannot: that names refer to things that exist (data sources, datasets,
 * measures, dimensions) and that every tile compiles. Returns the issues found.
 */
export function checkConfigReferences(config: InsetConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  const sources = Object.keys(config.dataSources)
  if (sources.length === 0)
    issues.push({ path: 'dataSources', message: 'at least one data source is required' })

  unique(
    config.embedKeys.map((k) => k.id),
    (i) => `embedKeys[${i}].id`,
    'embed key id',
    issues,
  )
  unique(
    config.apiKeys.map((k) => k.name),
    (i) => `apiKeys[${i}].name`,
    'API key name',
    issues,
  )
  if (config.audit.dataSource !== undefined && !sources.includes(config.audit.dataSource)) {
    issues.push({
      path: 'audit.dataSource',
      message: `unknown data source "${config.audit.dataSource}"`,
    })
  }

  for (const [name, dataset] of Object.entries(config.datasets)) {
    const path = `datasets.${name}`
    if (dataset.dataSource === undefined && sources.length > 1) {
      issues.push({
        path: `${path}.dataSource`,
        message: `required when there are several data sources (${sources.join(', ')})`,
      })
    } else if (dataset.dataSource !== undefined && !sources.includes(dataset.dataSource)) {
      issues.push({
        path: `${path}.dataSource`,
        message: `unknown data source "${dataset.dataSource}"`,
      })
    }
    for (const [dimensionName, dimension] of Object.entries(dataset.dimensions)) {
      if (dimension.type !== 'time' && dimension.grains) {
        issues.push({
          path: `${path}.dimensions.${dimensionName}.grains`,
          message: 'only time dimensions have grains',
        })
      }
    }
    const time = dataset.defaultTimeDimension
    if (time !== undefined && dataset.dimensions[time]?.type !== 'time') {
      issues.push({
        path: `${path}.defaultTimeDimension`,
        message: `"${time}" is not a time dimension of the dataset`,
      })
    }
  }

  const model = buildSemanticModel(config)
  for (const [id, dashboard] of Object.entries(config.dashboards)) {
    const path = `dashboards.${id}`
    const dataset = model.datasets[dashboard.dataset]
    if (!dataset) {
      issues.push({ path: `${path}.dataset`, message: `unknown dataset "${dashboard.dataset}"` })
      continue
    }
    unique(
      dashboard.filters.map((f) => f.id),
      (i) => `${path}.filters[${i}].id`,
      'filter id',
      issues,
    )
    unique(
      dashboard.tiles.map((t) => t.id),
      (i) => `${path}.tiles[${i}].id`,
      'tile id',
      issues,
    )
    dashboard.filters.forEach((filter, i) => {
      const dimension = dataset.dimensions[filter.dimension]
      if (!dimension) {
        issues.push({
          path: `${path}.filters[${i}].dimension`,
          message: `unknown dimension "${filter.dimension}"`,
        })
      } else if (filter.type === 'date_range' && dimension.type !== 'time') {
        issues.push({
          path: `${path}.filters[${i}].dimension`,
          message: `"${filter.dimension}" is not a time dimension`,
        })
      }
    })
    dashboard.tiles.forEach((tile, i) => {
      try {
        validateStructuredQuery(model, tileQuery(dashboard, tile), {
          maxRows: config.server.maxRows,
        })
      } catch (error) {
        if (!(error instanceof ServerError)) throw error
        issues.push({
          path: `${path}.tiles[${i}]`,
          message: error.message.replace(/^query\.?/, 'query '),
        })
      }
      issues.push(...interactionIssues(dashboard, tile, `${path}.tiles[${i}]`, model))
    })
  }
  return issues
}

/** `crossFilter` and `drill` of a breakdown or table tile. */
function interactionIssues(
  dashboard: DashboardConfig,
  tile: TileConfig,
  path: string,
  model: SemanticModel,
): ConfigIssue[] {
  if (!isCategoryTile(tile)) return []
  const issues: ConfigIssue[] = []
  const first = firstDimension(tile)
  if (
    tile.crossFilter === true &&
    !dashboard.filters.some((filter) => filter.type === 'select' && filter.dimension === first)
  ) {
    issues.push({
      path: `${path}.crossFilter`,
      message: `needs a select filter on "${first ?? '(no dimension)'}", the tile's first dimension`,
    })
  }
  const drill = tile.drill
  if (!drill) return issues
  const dimensions = model.datasets[tile.dataset ?? dashboard.dataset]?.dimensions ?? {}
  if (drill[0] !== first) {
    issues.push({
      path: `${path}.drill[0]`,
      message:
        first === undefined
          ? 'a table needs a dimension to drill from'
          : `must be "${first}", the tile's ${tile.kind === 'table' ? 'first ' : ''}dimension`,
    })
  }
  const others = tile.kind === 'table' ? tile.dimensions.slice(1) : []
  drill.forEach((name, j) => {
    const where = `${path}.drill[${j}]`
    const dimension = Object.hasOwn(dimensions, name) ? dimensions[name] : undefined
    if (!dimension) issues.push({ path: where, message: `unknown dimension "${name}"` })
    else if (dimension.type === 'time')
      issues.push({ path: where, message: `"${name}" is a time dimension (drill by category)` })
    if (drill.indexOf(name) !== j)
      issues.push({ path: where, message: `"${name}" is already in the drill path` })
    if (j > 0 && others.includes(name))
      issues.push({ path: where, message: `"${name}" is already a column of the table` })
  })
  return issues
}
