// Bad requests to POST /v1/assistant get a JSON error with a stable code before any stream starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoToken, signTestToken } from '../tokens'
import { type AssistantServer, ask, startAssistantServer } from './ask'

// Generous limits: the whole package's suites share two cores in CI.
describe('POST /v1/assistant refuses bad input', { timeout: 30_000 }, () => {
  let server: AssistantServer
  let alice: string
  beforeAll(async () => {
    server = await startAssistantServer(undefined, 2_000)
    alice = await demoToken('alice')
  }, 60_000)
  afterAll(async () => {
    await server?.close()
  })

  const refused = async (
    body: unknown,
    status: number,
    code: string,
    message: RegExp,
    token: string | undefined = alice,
  ) => {
    const answer = await ask(server.url, token, typeof body === 'string' ? body : (body as never))
    expect({ status: answer.status, body: answer.body }).toMatchObject({
      status,
      body: { error: { code, message: expect.stringMatching(message) } },
    })
    expect(answer.contentType).toContain('application/json')
  }

  it.each([
    ['an empty question', { question: '' }, /question: ask a question \(it is empty\)/],
    ['a blank question', { question: ' \n\t ' }, /it is empty/],
    [
      'a 10,000-character question',
      { question: 'revenue '.repeat(1250) },
      /question: at most 2000 characters, got 9999/,
    ],
    ['a NUL byte', { question: 'revenue\u0000by region' }, /question: contains control characters/],
    [
      'binary control characters',
      { question: '\u0001\u0002\u0003\u00ff\u0010' },
      /control characters/,
    ],
    ['an escape sequence', { question: 'revenue \u001b[31m by region' }, /control characters/],
    ['a lone surrogate', { question: 'revenue \ud800 by region' }, /not well-formed Unicode/],
    ['a missing question', { context: {} }, /question: is required/],
    ['a number as question', { question: 42 }, /question: is required and must be a string/],
    ['an unknown field', { question: 'revenue', sql: 'SELECT 1' }, /Unrecognized key/],
    [
      'an unknown context field',
      { question: 'revenue', context: { dataset: 'orders' } },
      /context: Unrecognized key/,
    ],
    [
      'filters without a dashboard',
      { question: 'revenue', context: { filters: {} } },
      /needs context.dashboardId/,
    ],
    [
      'a bad dashboard filter',
      { question: 'revenue', context: { dashboardId: 'sales-overview', filters: { nope: 1 } } },
      /filters.nope: unknown filter/,
    ],
    [
      'a bad history turn',
      { question: 'revenue', context: { history: [{ role: 'system', content: 'x' }] } },
      /context.history\[0\].role/,
    ],
    [
      'binary in history',
      { question: 'revenue', context: { history: [{ role: 'user', content: 'a\u0000' }] } },
      /context.history\[0\].content: contains control characters/,
    ],
    ['an array body', [], /The body must be an object/],
  ])('%s → 400 bad_request', async (_name, body, message) => {
    await refused(body, 400, 'bad_request', message)
  })

  it('refuses malformed JSON and non-UTF-8 bytes', async () => {
    await refused('{"question": "revenue', 400, 'bad_request', /not valid JSON/)
    await refused('"just a string"', 400, 'bad_request', /The body must be an object/)
    const bytes = await fetch(`${server.url}/v1/assistant`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice}`, 'content-type': 'application/json' },
      body: new Uint8Array([
        0x7b, 0x22, 0x71, 0x75, 0x65, 0x73, 0x74, 0x69, 0x6f, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe,
        0x00, 0x22, 0x7d,
      ]),
    })
    expect(bytes.status).toBe(400)
    expect(await bytes.json()).toMatchObject({ error: { code: 'bad_request' } })
  })

  it('needs a token with the assistant scope, and a granted dashboard', async () => {
    await refused({ question: 'revenue' }, 401, 'invalid_token', /token/i, '')
    const noScope = await signTestToken({ scope: ['dashboard:*'] })
    await refused({ question: 'revenue' }, 403, 'forbidden', /scope "assistant"/, noScope)
    // The scope is checked before the body: a bad body without the scope is still 403.
    await refused('not json', 403, 'forbidden', /scope "assistant"/, noScope)
    const other = await signTestToken({ scope: ['dashboard:ops', 'assistant'] })
    await refused(
      { question: 'revenue', context: { dashboardId: 'sales-overview' } },
      403,
      'forbidden',
      /does not grant dashboard "sales-overview"/,
      other,
    )
    await refused(
      { question: 'revenue', context: { dashboardId: 'nope' } },
      404,
      'not_found',
      /No dashboard "nope"/,
    )
    const expired = await signTestToken({ iatOffset: -3600, ttl: 600 })
    await refused({ question: 'revenue' }, 401, 'token_expired', /expired/i, expired)
  })

  it('refuses a token without the row-level-security claim the dataset needs', async () => {
    const noRegion = await signTestToken({ attrs: {} })
    await refused({ question: 'revenue' }, 403, 'forbidden', /attrs.region/, noRegion)
  })
})
