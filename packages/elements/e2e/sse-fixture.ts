// A stand-in for the assistant route while the real one is being built: the same wire format
// (`text/event-stream` of text, query, result, chart and done events), streamed with pauses.
import type { ServerResponse } from 'node:http'

export const FIXTURE_ANSWER = ['Revenue ', 'is highest ', 'in NA, ', 'followed by EU and APAC.']
export const FIXTURE_RESULT = {
  columns: [
    { name: 'region', label: 'Region', type: 'string', role: 'dimension' },
    { name: 'revenue', label: 'Revenue', type: 'number', role: 'measure', format: 'currency' },
  ],
  rows: [
    ['NA', 412_345.5],
    ['EU', 301_200],
    ['APAC', 98_765.25],
  ],
  meta: { rowCount: 3, durationMs: 4 },
}
export const FIXTURE_SUGGESTIONS = ['Revenue by channel', 'Orders per month this year']

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function sseFixture(url: URL, response: ServerResponse): Promise<void> {
  if (url.pathname.endsWith('/v1/assistant/suggestions')) {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ suggestions: ['Revenue by region', 'Top products by orders'] }))
    return
  }
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
  const send = (event: string, data: unknown) =>
    response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  for (const delta of FIXTURE_ANSWER) {
    send('text', { delta })
    await pause(120)
  }
  send('query', {
    query: { dataset: 'orders', measures: ['revenue'], dimensions: ['region'] },
    description: 'Revenue by region, over all dates',
  })
  send('result', FIXTURE_RESULT)
  send('chart', { kind: 'breakdown', x: 'region', y: ['revenue'] })
  await pause(50)
  send('done', { suggestions: FIXTURE_SUGGESTIONS })
  response.end()
}
