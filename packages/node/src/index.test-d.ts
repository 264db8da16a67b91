import type { IncomingMessage, ServerResponse } from 'node:http'
import type express from 'express'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type AuditEntry,
  createEmbedToken,
  createInsetClient,
  createTokenHandler,
  type DashboardSummary,
  type EmbedToken,
  type InsetError,
  type NodeHandler,
  type Page,
  type TokenHandler,
  toNodeHandler,
} from './index'

const key = { id: 'k', secret: 's' }

describe('createEmbedToken', () => {
  it('resolves with the token endpoint answer', () => {
    expectTypeOf(createEmbedToken({ key, user: 'u', tenant: 't' })).toEqualTypeOf<
      Promise<EmbedToken>
    >()
    expectTypeOf<EmbedToken>().toEqualTypeOf<{ token: string; expiresAt: number }>()
  })

  it('accepts the documented inputs and rejects others', () => {
    createEmbedToken({
      key: { id: 'k', privateKey: '-----BEGIN PRIVATE KEY-----' },
      user: 'u',
      tenant: 't',
      attributes: { region: ['EU'], tier: 1, beta: true },
      scope: ['dashboard:sales-overview', 'dashboard:*', 'assistant'],
      ttl: '10m',
    })
    // @ts-expect-error nested objects are not attributes
    createEmbedToken({ key, user: 'u', tenant: 't', attributes: { region: { eu: true } } })
    // @ts-expect-error not a scope
    createEmbedToken({ key, user: 'u', tenant: 't', scope: ['dashboards'] })
    // @ts-expect-error tenant is required
    createEmbedToken({ key, user: 'u' })
  })
})

describe('createTokenHandler', () => {
  it('is a Fetch handler that needs no context by default', () => {
    const handler = createTokenHandler({ key, authenticate: () => null })
    expectTypeOf(handler).toExtend<(request: Request) => Promise<Response>>()
    expectTypeOf(toNodeHandler(handler)).toEqualTypeOf<NodeHandler>()
  })

  it('types the context from authenticate and requires it', () => {
    const handler = createTokenHandler({
      key,
      authenticate: (_request, { req }: { req: express.Request }) =>
        req.ip ? { user: 'u', tenant: 't' } : null,
    })
    expectTypeOf(handler).toEqualTypeOf<TokenHandler<{ req: express.Request }>>()
    // @ts-expect-error the context is required
    handler(new Request('http://x'))
    expectTypeOf(toNodeHandler(handler)).toEqualTypeOf<
      NodeHandler<express.Request, ServerResponse<IncomingMessage>>
    >()
  })
})

describe('createInsetClient', () => {
  it('types every admin method', () => {
    const inset = createInsetClient({ serverUrl: 'http://x', apiKey: 'k' })
    expectTypeOf(inset.dashboards.list()).toEqualTypeOf<Promise<Page<DashboardSummary>>>()
    expectTypeOf(inset.audit.iterate()).toEqualTypeOf<AsyncIterableIterator<AuditEntry>>()
    inset.audit.iterate({ kind: 'token', tenant: 'acme', limit: 100 })
    // @ts-expect-error not an audit kind
    inset.audit.list({ kind: 'login' })
    // @ts-expect-error dashboards have no filters
    inset.dashboards.list({ tenant: 'acme' })
    expectTypeOf(inset.tokens.create({ user: 'u', tenant: 't' })).toEqualTypeOf<
      Promise<{ token: string; expiresAt: number }>
    >()
  })

  it('throws InsetError with a stable code', () => {
    expectTypeOf<InsetError['code']>().toEqualTypeOf<
      | 'auth'
      | 'token_expired'
      | 'invalid_token'
      | 'forbidden'
      | 'not_found'
      | 'bad_request'
      | 'rate_limited'
      | 'network'
      | 'timeout'
      | 'query'
      | 'server'
    >()
  })
})
