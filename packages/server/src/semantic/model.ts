import type { ValueFormat } from '@inset/core'
import type { DatasetConfig, InsetConfig } from '../config/schema'

/** A time grain a time dimension can be grouped by. */
export type TimeGrain = 'day' | 'week' | 'month' | 'quarter' | 'year'

export const TIME_GRAINS: readonly TimeGrain[] = ['day', 'week', 'month', 'quarter', 'year']

export type Aggregation = 'sum' | 'count' | 'avg' | 'count_distinct' | 'min' | 'max'

/** What a natural-language parser needs to recognise a field: its name, label, synonyms. */
export interface Describable {
  name: string
  label: string
  description?: string
  /** Other words users say for it, e.g. `['sales', 'turnover']` for revenue. */
  synonyms: string[]
}

/** A number computed over rows, e.g. `revenue = SUM(amount)`. */
export interface MeasureModel extends Describable {
  aggregation: Aggregation
  /** Absent for `count` (counts rows). */
  column?: string
  format: ValueFormat
}

/** A column to group or filter by. Time dimensions group by a grain. */
export interface DimensionModel extends Describable {
  column: string
  type: 'string' | 'number' | 'time'
  /** Time dimensions: `date` or `timestamp`. */
  dataType?: 'date' | 'timestamp'
  /** Time dimensions: the grains allowed. */
  grains?: TimeGrain[]
  /** Values declared in the configuration (for parsers); see `listDimensionValues` for live ones. */
  values?: Array<string | number>
  /** Everyday names of values (`{ EU: ['Europe'] }`), for parsers only. */
  valueSynonyms?: Record<string, string[]>
}

/** Binds a column to a token claim: `column = claim` (scalar) or `column IN claim` (array). */
export interface RlsRule {
  column: string
  /** `tenant`, `sub` or `attrs.<name>`. */
  claim: string
  type: 'string' | 'number'
}

/** A table described for querying: measures, dimensions and its row-level-security rules. */
export interface DatasetModel extends Describable {
  dataSource: string
  table: string
  measures: Record<string, MeasureModel>
  dimensions: Record<string, DimensionModel>
  rls: RlsRule[]
  /** The time dimension to use when a question mentions time without naming one. */
  defaultTimeDimension?: string
}

/** Every dataset the server can query, by name. */
export interface SemanticModel {
  datasets: Record<string, DatasetModel>
}

/** `avg_order_value` → `Avg order value`. */
export function humanize(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function buildDataset(name: string, config: DatasetConfig, dataSource: string): DatasetModel {
  const measures: Record<string, MeasureModel> = {}
  for (const [measureName, m] of Object.entries(config.measures)) {
    measures[measureName] = {
      name: measureName,
      label: m.label ?? humanize(measureName),
      ...(m.description !== undefined && { description: m.description }),
      synonyms: m.synonyms,
      aggregation: m.aggregation,
      ...(m.column !== undefined && { column: m.column }),
      format: m.format,
    }
  }
  const dimensions: Record<string, DimensionModel> = {}
  let firstTime: string | undefined
  for (const [dimensionName, d] of Object.entries(config.dimensions)) {
    const isTime = d.type === 'time'
    if (isTime) firstTime ??= dimensionName
    dimensions[dimensionName] = {
      name: dimensionName,
      label: d.label ?? humanize(dimensionName),
      ...(d.description !== undefined && { description: d.description }),
      synonyms: d.synonyms,
      column: d.column ?? dimensionName,
      type: d.type,
      ...(isTime && { dataType: d.dataType, grains: d.grains ?? [...TIME_GRAINS] }),
      ...(d.values !== undefined && { values: d.values }),
      ...(d.valueSynonyms !== undefined && { valueSynonyms: d.valueSynonyms }),
    }
  }
  const defaultTime = config.defaultTimeDimension ?? firstTime
  return {
    name,
    label: config.label ?? humanize(name),
    ...(config.description !== undefined && { description: config.description }),
    synonyms: config.synonyms,
    dataSource,
    table: config.table,
    measures,
    dimensions,
    rls: config.rls.map((rule) => ({ ...rule })),
    ...(defaultTime !== undefined && { defaultTimeDimension: defaultTime }),
  }
}

/**
 * Builds the semantic model from a validated configuration.
 *
 * @example
 * const model = buildSemanticModel(config)
 * model.datasets.orders.measures.revenue.synonyms // ['sales', 'turnover']
 */
export function buildSemanticModel(config: InsetConfig): SemanticModel {
  const sourceNames = Object.keys(config.dataSources)
  const datasets: Record<string, DatasetModel> = {}
  for (const [name, dataset] of Object.entries(config.datasets)) {
    // With one data source the dataset need not name it; checkConfigReferences reports ambiguity.
    const dataSource = dataset.dataSource ?? sourceNames[0] ?? ''
    datasets[name] = buildDataset(name, dataset, dataSource)
  }
  return { datasets }
}
