// A scripted stand-in for a language model behind the chat-completions fixture: it reads the
// request the OpenAI-compatible engine sends (system prompt, history, question, tool results) and
// answers as the built-in engine would read the question — a `run_query` call with the query and
// its `analysis`, or the built-in engine's refusal in text. With it, the held-out set runs through
// the OpenAI engine's whole path (prompt, tool schema, validation, analysis, RLS) without a model.
import type { AssistantTurn, StructuredQuery } from '@inset/core'
import { interpretQuestion } from '../../src/assistant/builtin/builtin-engine'
import { parseConfig } from '../../src/config/load-config'
import { demoConfig } from '../../src/demo/demo-config'
import { buildSemanticModel, type DatasetModel } from '../../src/semantic/model'
import { type ChatHandler, textChunks, toolCallChunks, writeEvents } from './chat-fixture'

const dataset = buildSemanticModel(parseConfig(demoConfig())).datasets.orders as DatasetModel

interface Message {
  role: string
  content: string | null
}

/** What the engine told the model in its system prompt: today, values, scope, tile, dashboard. */
function readPrompt(prompt: string) {
  const today = /Today is (\d{4}-\d{2}-\d{2})/.exec(prompt)?.[1] ?? '2026-11-21'
  const values: Record<string, string[]> = {}
  for (const line of prompt.split('\n')) {
    const match = /^- (\w+) \(\w+\):.*; values: (.*)$/.exec(line)
    if (match?.[1] && match[2]) values[match[1]] = match[2].replace(/, …$/, '').split(', ')
  }
  const scope = /may see only rows where (.*)\.$/m.exec(prompt)?.[1]
  const tileJson = /The question is about the tile "([^"]*)", which shows (\{.*\}): "this"/.exec(
    prompt,
  )
  const tile = tileJson?.[2]
    ? { id: 'tile', title: tileJson[1] ?? '', query: JSON.parse(tileJson[2]) as StructuredQuery }
    : undefined
  return { today, values, scope, tile }
}

/** The handler of every request: a tool call for a question, a sentence for a tool result. */
export function builtinAsModel(): ChatHandler {
  return (request, response) => {
    const messages = request.body.messages as Message[]
    const last = messages[messages.length - 1]
    if (last?.role === 'tool') {
      writeEvents(response, textChunks('Here is the result.'))
      return
    }
    const prompt = readPrompt(String(messages[0]?.content ?? ''))
    const history: AssistantTurn[] = messages
      .slice(1, -1)
      .filter((m) => m.role === 'user' || m.role === 'assistant')
      .map((m) => ({ role: m.role as 'user' | 'assistant', content: String(m.content ?? '') }))
    const interpreted = interpretQuestion({
      question: String(last?.content ?? ''),
      history,
      dataset,
      values: prompt.values,
      today: prompt.today,
      maxRows: 10_000,
      ...(prompt.scope && { scope: prompt.scope }),
      ...(prompt.tile && { tile: prompt.tile }),
    })
    if ('message' in interpreted) {
      writeEvents(response, textChunks(interpreted.message))
      return
    }
    const { dataset: _dataset, ...query } = interpreted.query
    writeEvents(
      response,
      toolCallChunks({ ...query, ...(interpreted.analysis && { analysis: interpreted.analysis }) }),
    )
  }
}
