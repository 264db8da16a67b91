import type { StructuredQuery } from '@inset/core'
import type { DashboardConfig } from '../config/schema'
import type { DatasetModel, DimensionModel, MeasureModel } from '../semantic/model'
import { pluralize } from './builtin/words'
import { describeTimeRange } from './describe-query'

const MAX_SUGGESTIONS = 5

const lower = (text: string) => text.toLowerCase()
const plural = (dimension: DimensionModel) => pluralize(lower(dimension.label))
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

function unique(questions: Array<string | undefined>): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const question of questions) {
    if (!question || seen.has(lower(question))) continue
    seen.add(lower(question))
    out.push(capitalize(question))
  }
  return out.slice(0, MAX_SUGGESTIONS)
}

function parts(
  dataset: DatasetModel,
  values: Readonly<Record<string, ReadonlyArray<string | number>>>,
) {
  const measures = Object.values(dataset.measures)
  const dimensions = Object.values(dataset.dimensions).filter((d) => d.type === 'string')
  const known = (d: DimensionModel) => [
    ...new Set([...(d.values ?? []), ...(values[d.name] ?? [])]),
  ]
  const byValues = [...dimensions].sort((a, b) => known(b).length - known(a).length)
  return {
    main: measures[0],
    count: measures.find((m) => m.aggregation === 'count') ?? measures[1],
    average: measures.find((m) => m.aggregation === 'avg'),
    group: dimensions.find((d) => (d.values?.length ?? 0) > 0) ?? dimensions[0],
    // The dimension with the most values makes the best "top N".
    ranked: byValues[0],
    // Dimensions with declared values first: their values are the ones people name.
    compared: [...dimensions]
      .sort((a, b) => (b.values?.length ? 1 : 0) - (a.values?.length ? 1 : 0))
      .filter((d) => known(d).length >= 2 && known(d).every((v) => typeof v === 'string'))
      .map((d) => ({ dimension: d, values: known(d) as string[] })),
  }
}

/**
 * Questions to start with, drawn from the semantic model (and the dashboard's tiles when the
 * assistant sits next to one). Every one is a question the built-in engine answers.
 *
 * @example
 * starterQuestions(orders, values)
 * // ['Revenue by region last quarter', 'Top 5 products by orders this year', …]
 */
export function starterQuestions(
  dataset: DatasetModel,
  values: Readonly<Record<string, ReadonlyArray<string | number>>>,
  dashboard?: DashboardConfig,
): string[] {
  const { main, count, average, group, ranked, compared } = parts(dataset, values)
  const label = (m: MeasureModel | undefined) => (m ? lower(m.label) : undefined)
  const fromTiles = (dashboard?.tiles ?? []).map((tile) => {
    if ((tile.dataset ?? dashboard?.dataset) !== dataset.name) return undefined
    const measure = (name: string | undefined) =>
      name && Object.hasOwn(dataset.measures, name) ? dataset.measures[name] : undefined
    const dimension = (name: string) =>
      Object.hasOwn(dataset.dimensions, name) ? dataset.dimensions[name] : undefined
    if (tile.kind === 'breakdown') {
      const d = dimension(tile.dimension)
      const m = measure(tile.measure)
      return d && m && d.type !== 'time'
        ? `${label(m)} by ${lower(d.label)} last quarter`
        : undefined
    }
    if (tile.kind === 'table' && tile.sort?.[0] && tile.dimensions[0]) {
      const d = dimension(tile.dimensions[0])
      const m = measure(tile.sort[0].field)
      return d && m && d.type !== 'time' ? `top 5 ${plural(d)} by ${label(m)} this year` : undefined
    }
    return undefined
  })
  const pair = compared.find((c) => c.dimension !== group) ?? compared[0]
  return unique([
    main && group ? `${label(main)} by ${lower(group.label)} last quarter` : undefined,
    ...fromTiles,
    count?.aggregation === 'count' ? `how many ${label(count)} did we have last month?` : undefined,
    pair && main
      ? `compare ${pair.values[0]} vs ${pair.values[1]} ${label(main)} this year`
      : undefined,
    ranked && count ? `top 5 ${plural(ranked)} by ${label(count)} this year` : undefined,
    average ? `${label(average)} by month this year` : undefined,
  ])
}

/**
 * Follow-up questions for an answered query: the same numbers over time, split another way, or
 * ranked. Every one is a question the built-in engine answers.
 *
 * @example
 * followUpQuestions(orders, { dataset: 'orders', measures: ['revenue'], dimensions: ['region'] })
 * // ['Revenue by month', 'Top 3 products by orders']
 */
export function followUpQuestions(
  dataset: DatasetModel,
  query: StructuredQuery,
  values: Readonly<Record<string, ReadonlyArray<string | number>>> = {},
): string[] {
  const { count, ranked } = parts(dataset, values)
  const measures = query.measures
    .map((name) => (Object.hasOwn(dataset.measures, name) ? dataset.measures[name] : undefined))
    .filter((m): m is MeasureModel => m !== undefined)
  const [measure] = measures
  if (!measure) return []
  const period =
    query.timeRange && (query.timeRange.from || query.timeRange.to)
      ? ` ${describeTimeRange(query.timeRange)}`
      : ''
  const used = new Set(query.dimensions ?? [])
  const other = Object.values(dataset.dimensions).find(
    (d) => d.type === 'string' && !used.has(d.name),
  )
  const otherMeasure = count !== measure ? count : Object.values(dataset.measures)[0]
  return unique([
    query.timeGrain ? undefined : `${lower(measure.label)} by month${period}`,
    other ? `${lower(measure.label)} by ${lower(other.label)}${period}` : undefined,
    ranked && otherMeasure && !used.has(ranked.name)
      ? `top 3 ${plural(ranked)} by ${lower(otherMeasure.label)}${period}`
      : undefined,
  ]).slice(0, 3)
}
