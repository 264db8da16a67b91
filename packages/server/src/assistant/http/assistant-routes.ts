import type { AssistantSuggestions, StructuredQuery } from '@inset/core'
import { streamSSE } from 'hono/streaming'
import { grantsAssistant, grantsDashboard } from '../../auth/claims'
import type { DashboardConfig } from '../../config/schema'
import { parseClientFilters, toQueryFilters } from '../../dashboards/client-filters'
import { tileQuery } from '../../dashboards/tile-query'
import { ServerError } from '../../errors'
import { type AppContext, queryContextOf } from '../../http/app-env'
import { readJsonBody } from '../../http/read-json'
import { listDimensionValues } from '../../semantic/dimension-values'
import type { DatasetModel } from '../../semantic/model'
import { rlsPredicates } from '../../semantic/rls'
import type { QueryContext } from '../../semantic/run-query'
import { runStructuredQuery } from '../../semantic/run-query'
import { validateStructuredQuery } from '../../semantic/validate-query'
import { chartFor } from '../chart-for'
import { describeFilter, listInWords } from '../describe-query'
import type { AssistantInput } from '../engine'
import { assistantEngineOf } from '../engine-for-runtime'
import { AssistantEvents } from '../event-stream'
import { referenceDateFor } from '../reference-date'
import { runWithAnalysis } from '../run-analysis'
import { followUpQuestions, starterQuestions } from '../suggestions'
import { parseAssistantRequest } from './assistant-request'

/** Values per dimension an engine is told about (row-level security applies). */
const VALUES_PER_DIMENSION = 200

function requireAssistant(ctx: QueryContext): void {
  if (!grantsAssistant(ctx.claims))
    throw new ServerError('forbidden', 'The token does not grant the assistant (scope "assistant")')
}

function dashboardOf(ctx: QueryContext, id: string): DashboardConfig {
  if (!grantsDashboard(ctx.claims, id))
    throw new ServerError('forbidden', `The token does not grant dashboard "${id}"`)
  const dashboards = ctx.runtime.config.dashboards
  const dashboard = Object.hasOwn(dashboards, id) ? dashboards[id] : undefined
  if (!dashboard) throw new ServerError('not_found', `No dashboard "${id}"`)
  return dashboard
}

/** The dashboard's dataset, else the dataset the question names, else the first one. */
function datasetFor(
  ctx: QueryContext,
  question: string,
  dashboard?: DashboardConfig,
): DatasetModel {
  const datasets = Object.values(ctx.runtime.model.datasets)
  const named = dashboard
    ? datasets.find((d) => d.name === dashboard.dataset)
    : datasets.find((d) =>
        [d.name, d.label, ...d.synonyms]
          .map((word) => word.replace(/[^\w ]/g, ''))
          .some((word) => word && new RegExp(`\\b${word}\\b`, 'i').test(question)),
      )
  const dataset = named ?? datasets[0]
  if (!dataset) throw new ServerError('not_found', 'There is no dataset to ask about')
  return dataset
}

/** The rows row-level security lets the asker see, in words: `Tenant is globex and Region is EU`. */
export function scopeInWords(ctx: QueryContext, dataset: DatasetModel): string | undefined {
  if (!dataset.rls.length) return undefined
  const parts = rlsPredicates(dataset, ctx.claims).map((predicate) => {
    const dimension = Object.values(dataset.dimensions).find((d) => d.column === predicate.column)
    return describeFilter(dataset, {
      dimension: dimension?.name ?? predicate.column,
      op: 'in',
      values: predicate.values,
    })
  })
  return listInWords(parts)
}

/** The tile a question is about, with its query (before the dashboard's filters). */
function tileOf(dashboard: DashboardConfig, id: string): AssistantInput['tile'] {
  const tile = dashboard.tiles.find((t) => t.id === id)
  if (!tile) throw new ServerError('not_found', `No tile "${id}" on this dashboard`)
  return { id, title: tile.title, query: tileQuery(dashboard, tile) }
}

async function visibleValues(ctx: QueryContext, dataset: DatasetModel, signal: AbortSignal) {
  const names = Object.values(dataset.dimensions)
    .filter((d) => d.type === 'string')
    .map((d) => d.name)
  const lists = await Promise.all(
    names.map((name) =>
      listDimensionValues(ctx, dataset.name, name, { signal, limit: VALUES_PER_DIMENSION }),
    ),
  )
  return Object.fromEntries(names.map((name, i) => [name, lists[i] ?? []]))
}

function audit(
  ctx: QueryContext,
  dashboardId: string | null,
  status: number,
  errorCode: string | null,
  started: number,
) {
  return ctx.runtime.audit.record({
    kind: 'assistant',
    subject: ctx.claims.sub,
    tenant: ctx.claims.tenant,
    dashboardId,
    tileId: null,
    rowCount: null,
    durationMs: performance.now() - started,
    status,
    errorCode,
    requestId: ctx.requestId ?? null,
  })
}

function toServerError(error: unknown): ServerError {
  return error instanceof ServerError
    ? error
    : new ServerError('server', 'The assistant failed', { cause: error })
}

/**
 * `POST /v1/assistant` `{ question, context? }` → `text/event-stream`. The engine turns the question
 * into a StructuredQuery; it runs with the token's row-level security and the linked dashboard's
 * filters (which only narrow), then the events go out: `query`, `result`, `chart`, `text`, `done`
 * (or `text` and `done` when there is nothing to run; `error` when something fails). Bad requests
 * are answered before the stream starts: 400 `bad_request`, 403 `forbidden` without the
 * `assistant` scope.
 */
export async function askAssistant(c: AppContext): Promise<Response> {
  const ctx = queryContextOf(c)
  const { runtime } = ctx
  const started = performance.now()
  const signal = c.req.raw.signal
  let dashboardId: string | null = null
  let input: AssistantInput
  let applied: StructuredQuery['filters']
  try {
    requireAssistant(ctx)
    const body = parseAssistantRequest(
      await readJsonBody(c),
      runtime.config.assistant.maxQuestionLength,
    )
    dashboardId = body.dashboardId ?? null
    const dashboard =
      body.dashboardId !== undefined ? dashboardOf(ctx, body.dashboardId) : undefined
    const dataset = datasetFor(ctx, body.question, dashboard)
    applied = dashboard
      ? toQueryFilters(
          parseClientFilters(dashboard, body.filters, runtime.model),
          runtime.model,
          dataset.name,
        )
      : []
    const scope = scopeInWords(ctx, dataset)
    input = {
      ...(dashboard && body.tileId !== undefined && { tile: tileOf(dashboard, body.tileId) }),
      ...(scope !== undefined && { scope }),
      question: body.question,
      history: body.history,
      dataset,
      values: await visibleValues(ctx, dataset, signal),
      today: await referenceDateFor(ctx, dataset, new Date(), signal),
      maxRows: runtime.config.server.maxRows,
      ...(dashboard &&
        body.dashboardId !== undefined && {
          dashboard: {
            id: body.dashboardId,
            title: dashboard.title,
            filters: (applied ?? []).map((f) => describeFilter(dataset, f)),
          },
        }),
    }
  } catch (error) {
    const failure = toServerError(error)
    await audit(ctx, dashboardId, failure.status, failure.code, started)
    throw failure
  }

  return streamSSE(c, async (stream) => {
    const events = new AssistantEvents(stream)
    const aborted = new AbortController()
    stream.onAbort(() => aborted.abort())
    const io = {
      signal: AbortSignal.any([signal, aborted.signal]),
      text: (delta: string) => {
        if (delta) void events.send('text', { delta })
      },
    }
    let ran = false
    try {
      const engine = assistantEngineOf(runtime)
      const plan = await engine.plan(input, io)
      if (plan.kind === 'reply') {
        await audit(ctx, dashboardId, 200, null, started)
        await events.send('done', plan.suggestions?.length ? { suggestions: plan.suggestions } : {})
        return
      }
      // Dashboard filters are ANDed after the engine's: they narrow, never widen.
      const query: StructuredQuery = {
        ...plan.query,
        ...((plan.query.filters?.length || applied?.length) && {
          filters: [...(plan.query.filters ?? []), ...(applied ?? [])],
        }),
      }
      validateStructuredQuery(runtime.model, query, { maxRows: runtime.config.server.maxRows })
      const dashboardWords = input.dashboard?.filters.length
        ? `; the dashboard's filters apply: ${listInWords(input.dashboard.filters)}`
        : ''
      const description = `${plan.explanation}${dashboardWords}`
      await events.send('query', {
        query,
        description,
        ...(input.scope !== undefined && { scope: input.scope }),
      })
      ran = true
      // Shares and changes run more queries (a total, one per period): each one through the same
      // validation, row-level security and audit.
      const result = await runWithAnalysis(query, plan.analysis, input.dataset, (q) =>
        runStructuredQuery(ctx, q, {
          signal: io.signal,
          audit: { kind: 'assistant', dashboardId },
        }),
      )
      await events.send('result', result)
      await events.send('chart', chartFor(query, result))
      const narrated = await engine.narrate(
        input,
        { ...plan, query, explanation: description },
        result,
        io,
      )
      const suggestions =
        narrated.suggestions ?? followUpQuestions(input.dataset, query, input.values)
      await events.send('done', suggestions.length ? { suggestions } : {})
    } catch (error) {
      const failure = toServerError(error)
      if (failure.status >= 500 && !io.signal.aborted)
        runtime.logger.error(
          { err: failure.cause ?? failure, requestId: ctx.requestId, code: failure.code },
          failure.message,
        )
      if (!ran) await audit(ctx, dashboardId, failure.status, failure.code, started)
      // No `done` after an error: the client keeps the answer marked as failed.
      await events.send('error', { code: failure.code, message: failure.message })
    } finally {
      await events.close()
    }
  })
}

/** `GET /v1/assistant/suggestions?dashboardId=` → `{ suggestions }`, drawn from the semantic model. */
export async function assistantSuggestions(c: AppContext): Promise<Response> {
  const ctx = queryContextOf(c)
  requireAssistant(ctx)
  const id = c.req.query('dashboardId')
  const dashboard = id ? dashboardOf(ctx, id) : undefined
  const dataset = datasetFor(ctx, '', dashboard)
  const values = await visibleValues(ctx, dataset, c.req.raw.signal)
  const body: AssistantSuggestions = { suggestions: starterQuestions(dataset, values, dashboard) }
  return c.json(body)
}
