import type { AssistantTurn, QueryResult, StructuredQuery } from '@inset/core'
import type { DatasetModel } from '../semantic/model'

/** What an engine knows when it answers: the question, the data it may ask about, and when "today" is. */
export interface AssistantInput {
  question: string
  /** Previous turns of the conversation, oldest first. */
  history: readonly AssistantTurn[]
  /** The dataset the question is about (the linked dashboard's, or the model's only one). */
  dataset: DatasetModel
  /**
   * Values of the dataset's string dimensions the asker may see (row-level security applied), for
   * recognising them in a question. Never values of other tenants.
   */
  values: Readonly<Record<string, ReadonlyArray<string | number>>>
  /** Today as `YYYY-MM-DD` (UTC), for relative time expressions. */
  today: string
  /** Upper bound of a query's `limit`. */
  maxRows: number
  /** The dashboard the assistant sits next to, with its filters in words (they always apply). */
  dashboard?: { id: string; title: string; filters: string[] }
  /**
   * The tile the question is about ("Ask about this"): its query before the dashboard's filters.
   * "break this down by channel" and "why did it drop in March?" continue it.
   */
  tile?: { id: string; title: string; query: StructuredQuery }
  /** The rows the asker may see, in words ("Tenant is globex and Region is EU"), for answers. */
  scope?: string
}

/**
 * A computation over a query's results, done by the server after it ran the query (or one query
 * per period) with the asker's row-level security. Numbers come only from those results.
 * - `share`: each value's part of the total (a second query without the dimension gives the
 *   total); `values` keeps only the named values.
 * - `periods`: the query once per period (oldest first), side by side; `change` adds the change
 *   from one period to the next, absolute and as a fraction.
 * - `change`: over a time series, each period's change from the one before.
 */
export type Analysis =
  | {
      kind: 'share'
      dimension: string
      values?: Array<string | number>
      /** "which channel has the largest share": the first `limit` by the measure. */
      top?: { direction: 'asc' | 'desc'; limit: number }
    }
  | { kind: 'periods'; periods: Array<{ from: string; to: string }>; change: boolean }
  | { kind: 'change' }

/** What an engine makes of a question. Engines never write SQL: a plan holds a StructuredQuery. */
export type AssistantPlan =
  | {
      kind: 'query'
      /** Runs through the same validation, compiler, row-level security and audit as tiles. */
      query: StructuredQuery
      /** What the query computes, in words (shown with the result; never SQL). */
      explanation: string
      /** Shares, periods side by side or changes, computed from the query's results. */
      analysis?: Analysis
      /** Engine-private state carried to {@link AssistantEngine.narrate}. */
      state?: unknown
    }
  | {
      /** No query: the engine replied in text (a clarification, or an answer without data). */
      kind: 'reply'
      suggestions?: string[]
    }

/** How an engine talks back while it works. */
export interface AssistantIO {
  /** Aborted when the client goes away. */
  signal: AbortSignal
  /** Streams a piece of the answer's text. */
  text(delta: string): void
}

/**
 * Turns questions into structured queries over the semantic model and explains their results.
 * The server runs the query with the asker's row-level security, then calls `narrate` with the
 * result: an engine never sees rows the asker may not see.
 *
 * @example
 * const engine: AssistantEngine = createBuiltinEngine()
 * const plan = await engine.plan(input, { signal, text: (delta) => process.stdout.write(delta) })
 */
export interface AssistantEngine {
  readonly name: string
  plan(input: AssistantInput, io: AssistantIO): Promise<AssistantPlan>
  /** Writes the answer's text for the result of a `query` plan; may offer follow-up questions. */
  narrate(
    input: AssistantInput,
    plan: Extract<AssistantPlan, { kind: 'query' }>,
    result: QueryResult,
    io: AssistantIO,
  ): Promise<{ suggestions?: string[] }>
}
