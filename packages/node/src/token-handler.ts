import { type ErrorBody, InsetError, type InsetErrorCode, type TokenResponse } from '@inset/core'
import type { EmbedSubject, EmbedTokenClaims } from './claims'
import { signEmbedToken } from './embed-token'
import { type EmbedKey, resolveSigningKey } from './signing-key'
import { parseTtl, type Ttl } from './ttl'

/** What `authenticate` returns for a signed-in user: who they are and what they may see. */
export interface TokenSubject extends EmbedSubject {
  /** This user's token lifetime; overrides the handler's `ttl`. */
  ttl?: Ttl
}

/** The audit hook's argument: one per issued token. The token itself is left out on purpose. */
export interface TokenIssuedEvent<C = unknown> {
  request: Request
  context: C | undefined
  claims: EmbedTokenClaims
  /** Epoch milliseconds. */
  expiresAt: number
}

/** Options of {@link createTokenHandler}. */
export interface TokenHandlerOptions<C = unknown> {
  /** The signing key; checked when the handler is created. */
  key: EmbedKey
  /**
   * Decides who is asking, from the request (cookies, headers) or from the framework's context
   * (`{ req, res }` under {@link toNodeHandler}, Hono's `c` when you pass it). Return `null` for
   * "not signed in" (401), or throw an `InsetError` with code `forbidden` (403).
   */
  authenticate(
    request: Request,
    context: C,
  ): TokenSubject | null | undefined | Promise<TokenSubject | null | undefined>
  /** Default token lifetime; whole seconds or a duration such as `"10m"`. Default 10 minutes. */
  ttl?: Ttl
  /** Audit hook, awaited once per issued token before it is returned; if it throws, no token. */
  onIssued?(event: TokenIssuedEvent<C>): void | Promise<void>
  /** Told about every failure answered with a 500. Defaults to `console.error`. */
  onError?(error: unknown, request: Request): void
}

/**
 * A Web-standard request handler: `(Request, context?) => Promise<Response>`. Use it as a Fetch or
 * Hono route directly, or with Express and `node:http` through {@link toNodeHandler}.
 */
export type TokenHandler<C = unknown> = (
  request: Request,
  ...context: unknown extends C ? [context?: C] : [context: C]
) => Promise<Response>

const ALLOWED_METHODS = ['GET', 'POST']

/**
 * Creates the host's token endpoint: authenticates the request, signs a token for the user and
 * answers `{ token, expiresAt }` with `Cache-Control: no-store`.
 *
 * @example
 * const handler = createTokenHandler({
 *   key: { id: 'prod', secret: process.env.INSET_EMBED_SECRET! },
 *   authenticate: async (request) => {
 *     const user = await sessionUser(request.headers.get('cookie'))
 *     return user ? { user: user.id, tenant: user.orgId, attributes: { region: user.regions } } : null
 *   },
 * })
 * app.get('/api/inset-token', (c) => handler(c.req.raw)) // Hono
 */
export function createTokenHandler<C = unknown>(options: TokenHandlerOptions<C>): TokenHandler<C> {
  if (typeof options?.authenticate !== 'function') {
    throw new InsetError('bad_request', 'createTokenHandler: authenticate(request) is required')
  }
  const { key, authenticate, onIssued } = options
  resolveSigningKey(key)
  if (options.ttl !== undefined) parseTtl(options.ttl)
  const onError = options.onError ?? ((error) => console.error('[inset] token handler:', error))

  return async (request: Request, ...rest: unknown[]) => {
    const context = rest[0] as C
    if (!ALLOWED_METHODS.includes(request.method)) {
      return errorResponse(405, 'bad_request', `Use ${ALLOWED_METHODS.join(' or ')}`, {
        allow: ALLOWED_METHODS.join(', '),
      })
    }
    let subject: TokenSubject | null | undefined
    try {
      subject = await authenticate(request, context)
    } catch (error) {
      if (error instanceof InsetError && (error.code === 'auth' || error.code === 'forbidden')) {
        return errorResponse(error.code === 'auth' ? 401 : 403, error.code, error.message)
      }
      onError(error, request)
      return errorResponse(500, 'server', 'Could not check who is signed in')
    }
    if (subject === null || subject === undefined) {
      return errorResponse(401, 'auth', 'Not signed in')
    }
    try {
      const signed = await signEmbedToken({ ...subject, key, ttl: subject.ttl ?? options.ttl })
      await onIssued?.({ request, context, claims: signed.claims, expiresAt: signed.expiresAt })
      const body: TokenResponse = { token: signed.token, expiresAt: signed.expiresAt }
      return jsonResponse(200, body)
    } catch (error) {
      onError(error, request)
      return errorResponse(500, 'server', 'Could not issue an embed token')
    }
  }
}

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    },
  })
}

function errorResponse(
  status: number,
  code: InsetErrorCode,
  message: string,
  headers?: Record<string, string>,
) {
  const body: ErrorBody = { error: { code, message } }
  return jsonResponse(status, body, headers)
}
