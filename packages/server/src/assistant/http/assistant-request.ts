import type { AssistantTurn } from '@inset/core'
import { z } from 'zod'
import { badRequest } from '../../errors'

/** A checked `POST /v1/assistant` body. */
export interface AssistantRequestBody {
  question: string
  dashboardId?: string
  /** The tile of the dashboard the question is about. */
  tileId?: string
  filters?: unknown
  history: AssistantTurn[]
}

const MAX_TURNS = 20
const MAX_TURN_LENGTH = 8000

const turnSchema = z.strictObject({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(MAX_TURN_LENGTH),
})

const bodySchema = z.strictObject({
  question: z.string({ error: 'is required and must be a string' }),
  context: z
    .strictObject({
      dashboardId: z.string().min(1).max(128).optional(),
      tileId: z.string().min(1).max(128).optional(),
      filters: z.unknown().optional(),
      history: z.array(turnSchema).max(MAX_TURNS).optional(),
    })
    .optional(),
})

// Tab, line feed and carriage return are text; every other control character is not.
const CONTROL = /(?![\t\n\r])\p{Cc}/u
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Why a piece of text is not a question a person typed, or undefined when it is fine. */
function notText(text: string): string | undefined {
  if (CONTROL.test(text)) return 'contains control characters (binary data is not a question)'
  if (LONE_SURROGATE.test(text)) return 'is not well-formed Unicode'
  if (text.includes('\uFFFD')) return 'contains bytes that are not UTF-8 text'
  return undefined
}

function path(issue: z.core.$ZodIssue): string {
  return issue.path
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('')
    .replace(/^\./, '')
}

/**
 * Checks the body of `POST /v1/assistant`: a non-empty question of plain text up to `maxLength`
 * characters, and an optional context (`dashboardId`, `filters`, `history`). Throws `bad_request`
 * naming the field.
 *
 * @example
 * parseAssistantRequest({ question: 'revenue by region' }, 2000) // { question: 'revenue by region', history: [] }
 */
export function parseAssistantRequest(body: unknown, maxLength: number): AssistantRequestBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest('The body must be an object such as { "question": "revenue by region" }')
  const parsed = bodySchema.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw badRequest(`${issue ? path(issue) : 'body'}: ${issue?.message ?? 'invalid'}`)
  }
  const { question: raw, context } = parsed.data
  const question = raw.trim()
  if (!question) throw badRequest('question: ask a question (it is empty)')
  if (question.length > maxLength)
    throw badRequest(`question: at most ${maxLength} characters, got ${question.length}`)
  const problem = notText(question)
  if (problem) throw badRequest(`question: ${problem}`)
  const history = context?.history ?? []
  history.forEach((turn, i) => {
    const issue = notText(turn.content)
    if (issue) throw badRequest(`context.history[${i}].content: ${issue}`)
  })
  if (context?.tileId !== undefined && context.dashboardId === undefined)
    throw badRequest('context.tileId: needs context.dashboardId (tiles belong to a dashboard)')
  if (context?.filters !== undefined && context.dashboardId === undefined)
    throw badRequest('context.filters: needs context.dashboardId (filters belong to a dashboard)')
  return {
    question,
    ...(context?.dashboardId !== undefined && { dashboardId: context.dashboardId }),
    ...(context?.tileId !== undefined && { tileId: context.tileId }),
    ...(context?.filters !== undefined && { filters: context.filters }),
    history,
  }
}
