import { tileQuery } from '../dashboards/tile-query'
import { ServerError } from '../errors'
import { buildSemanticModel } from '../semantic/model'
import { validateStructuredQuery } from '../semantic/validate-query'
import type { ConfigIssue } from './config-error'
import type { InsetConfig } from './schema'

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
    })
  }
  return issues
}
