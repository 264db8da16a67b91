import type { QueryResult, StructuredQuery } from '@inset/core'
import { ServerError } from '../../errors'
import { type DatasetModel, TIME_GRAINS } from '../../semantic/model'
import { validateStructuredQuery } from '../../semantic/validate-query'
import type { Analysis, AssistantInput } from '../engine'

/** The one tool the model may call. */
export const QUERY_TOOL = 'run_query'

const VALUES_IN_PROMPT = 50

/**
 * The tool definition whose JSON schema is a StructuredQuery over one dataset: names are enums of
 * its measures and dimensions, so a well-behaved model cannot name anything else.
 *
 * @example
 * queryTool(orders, 10_000).function.parameters.properties.measures.items.enum // ['revenue', 'orders', …]
 */
export function queryTool(dataset: DatasetModel, maxRows: number) {
  const measures = Object.keys(dataset.measures)
  const dimensions = Object.values(dataset.dimensions)
  const groupable = dimensions.filter((d) => d.type !== 'time').map((d) => d.name)
  const time = dimensions.filter((d) => d.type === 'time').map((d) => d.name)
  const properties: Record<string, unknown> = {
    measures: {
      type: 'array',
      items: { type: 'string', enum: measures },
      minItems: 1,
      maxItems: 20,
      description: 'Measures to compute.',
    },
    dimensions: {
      type: 'array',
      items: { type: 'string', enum: groupable },
      maxItems: 10,
      description: 'Dimensions to group by (one row per combination).',
    },
    filters: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['dimension', 'op', 'values'],
        properties: {
          dimension: { type: 'string', enum: dimensions.map((d) => d.name) },
          op: { type: 'string', enum: ['in', 'not_in', 'eq', 'gte', 'lt'] },
          values: { type: 'array', minItems: 1, items: { type: ['string', 'number'] } },
        },
      },
    },
    sort: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['field', 'direction'],
        properties: {
          field: { type: 'string', enum: [...measures, ...dimensions.map((d) => d.name)] },
          direction: { type: 'string', enum: ['asc', 'desc'] },
        },
      },
    },
    limit: { type: 'integer', minimum: 1, maximum: maxRows },
    analysis: {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      description:
        'Optional, computed by the server from the query\'s results: "share" (each value of `dimension`, one of the query\'s dimensions, as a part of the total; `values` keeps only those), "periods" (the query once per period, oldest first, side by side; `change` adds the change from one to the next) or "change" (over a time series: each period\'s change from the one before).',
      properties: {
        kind: { type: 'string', enum: ['share', 'periods', 'change'] },
        dimension: { type: 'string', enum: groupable },
        values: { type: 'array', items: { type: ['string', 'number'] } },
        periods: {
          type: 'array',
          minItems: 2,
          maxItems: 12,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['from', 'to'],
            properties: { from: { type: 'string' }, to: { type: 'string' } },
          },
        },
        change: { type: 'boolean' },
      },
    },
  }
  if (time.length) {
    properties.timeGrain = {
      type: 'object',
      additionalProperties: false,
      required: ['dimension', 'grain'],
      properties: {
        dimension: { type: 'string', enum: time },
        grain: { type: 'string', enum: [...TIME_GRAINS] },
      },
      description: 'Group by a time dimension at a grain (a time series).',
    }
    properties.timeRange = {
      type: 'object',
      additionalProperties: false,
      required: ['dimension'],
      properties: {
        dimension: { type: 'string', enum: time },
        from: { type: 'string', description: 'First day, inclusive, YYYY-MM-DD.' },
        to: { type: 'string', description: 'Day after the last, exclusive, YYYY-MM-DD.' },
      },
    }
  }
  return {
    type: 'function' as const,
    function: {
      name: QUERY_TOOL,
      description: `Runs a query over the "${dataset.label}" data the user may see and returns its rows.`,
      parameters: {
        type: 'object',
        additionalProperties: false,
        required: ['measures'],
        properties,
      },
    },
  }
}

/** The system prompt: the dataset in words, today's date, the rules of the game. */
export function systemPrompt(input: AssistantInput): string {
  const { dataset } = input
  const lines = [
    `You answer questions about "${dataset.label}" data${dataset.description ? ` (${dataset.description})` : ''}. Today is ${input.today}.`,
    `Get every number by calling ${QUERY_TOOL} with a structured query. Never guess or invent numbers and never write SQL.`,
    "The server runs the query with the user's access rights: results hold only rows this user may see.",
    'Time ranges are YYYY-MM-DD, "from" inclusive and "to" exclusive; "last quarter" is the calendar quarter before the current one.',
    '',
    'Measures:',
    ...Object.values(dataset.measures).map(
      (m) =>
        `- ${m.name}: ${m.label}${m.description ? `, ${m.description}` : ''}${m.synonyms.length ? ` (also: ${m.synonyms.join(', ')})` : ''}`,
    ),
    'Dimensions:',
    ...Object.values(dataset.dimensions).map((d) => {
      const values = input.values[d.name] ?? []
      const shown = values.slice(0, VALUES_IN_PROMPT).join(', ')
      return `- ${d.name} (${d.type}): ${d.label}${d.synonyms.length ? ` (also: ${d.synonyms.join(', ')})` : ''}${shown ? `; values: ${shown}${values.length > VALUES_IN_PROMPT ? ', …' : ''}` : ''}`
    }),
  ]
  if (input.scope) lines.push('', `The user may see only rows where ${input.scope}.`)
  lines.push(
    '',
    'You only read data: refuse any request to change, add or delete data, saying the assistant is read-only.',
    'When the question names a value, field or measure that is not listed above (another company, a column that does not exist), do not run a different query: say plainly that it is not in the data the user can see, or that there is no such field, and list what there is.',
    'For "what share/percentage", "how much did it grow/change" or "A vs B" over periods, set `analysis` instead of computing numbers yourself.',
  )
  if (input.dashboard) {
    lines.push(
      '',
      `The user is looking at the dashboard "${input.dashboard.title}".${input.dashboard.filters.length ? ` Its filters apply to every query: ${input.dashboard.filters.join('; ')}.` : ''}`,
    )
  }
  if (input.tile)
    lines.push(
      `The question is about the tile "${input.tile.title}", which shows ${JSON.stringify(input.tile.query)}: "this" and "it" mean that tile's numbers.`,
    )
  lines.push('', 'Once the result arrives, answer in one to three sentences, citing its numbers.')
  return lines.join('\n')
}

/**
 * The query a tool call asks for, checked with the same validation as every query; or the reason
 * it was refused, to tell the model.
 */
export function checkToolCall(
  input: AssistantInput,
  name: string,
  args: string,
): { query: StructuredQuery; analysis?: Analysis } | { problem: string } {
  if (name !== QUERY_TOOL) return { problem: `there is no tool "${name}"; call ${QUERY_TOOL}` }
  let parsed: unknown
  try {
    parsed = JSON.parse(args || '{}')
  } catch {
    return { problem: 'the arguments are not valid JSON' }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { problem: 'the arguments must be a JSON object' }
  const { dataset: named, analysis: wanted, ...rest } = parsed as Record<string, unknown>
  if (named !== undefined && named !== input.dataset.name)
    return { problem: `only the dataset "${input.dataset.name}" can be queried` }
  const query = { dataset: input.dataset.name, ...rest } as StructuredQuery
  try {
    validateStructuredQuery({ datasets: { [input.dataset.name]: input.dataset } }, query, {
      maxRows: input.maxRows,
    })
  } catch (error) {
    if (error instanceof ServerError) return { problem: error.message }
    throw error
  }
  if (wanted === undefined) return { query }
  const analysis = checkAnalysis(query, wanted)
  return typeof analysis === 'string' ? { problem: analysis } : { query, analysis }
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/** An `analysis` argument checked against its query, or the reason it is refused. */
function checkAnalysis(query: StructuredQuery, wanted: unknown): Analysis | string {
  if (typeof wanted !== 'object' || wanted === null) return 'analysis: must be an object'
  const given = wanted as Record<string, unknown>
  switch (given.kind) {
    case 'share': {
      const dimension = given.dimension
      if (typeof dimension !== 'string' || !query.dimensions?.includes(dimension))
        return "analysis.dimension: must be one of the query's dimensions"
      const values = Array.isArray(given.values)
        ? given.values.filter(
            (v): v is string | number => typeof v === 'string' || typeof v === 'number',
          )
        : undefined
      return { kind: 'share', dimension, ...(values?.length && { values }) }
    }
    case 'periods': {
      const periods = Array.isArray(given.periods) ? given.periods : []
      const checked = periods.map((p) => p as { from?: unknown; to?: unknown })
      if (
        checked.length < 2 ||
        checked.some(
          (p) =>
            typeof p.from !== 'string' ||
            typeof p.to !== 'string' ||
            !ISO_DAY.test(p.from) ||
            !ISO_DAY.test(p.to) ||
            p.from >= p.to,
        )
      )
        return 'analysis.periods: two or more { from, to } ISO days, from before to'
      return {
        kind: 'periods',
        periods: checked
          .map((p) => ({ from: p.from as string, to: p.to as string }))
          .sort((a, b) => (a.from < b.from ? -1 : 1)),
        change: given.change === true,
      }
    }
    case 'change':
      if (!query.timeGrain) return 'analysis: "change" needs a timeGrain'
      return { kind: 'change' }
    default:
      return 'analysis.kind: "share", "periods" or "change"'
  }
}

/** A result as the model reads it: column names and at most `maxRows` rows. */
export function resultForModel(result: QueryResult, maxRows: number): string {
  return JSON.stringify({
    columns: result.columns.map((c) => ({ name: c.name, label: c.label, type: c.type })),
    rows: result.rows.slice(0, maxRows),
    rowCount: result.meta.rowCount,
    ...((result.meta.truncated || result.rows.length > maxRows) && {
      note: `only the first ${Math.min(maxRows, result.rows.length)} rows are shown`,
    }),
  })
}
