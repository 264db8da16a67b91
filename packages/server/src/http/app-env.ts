import type { Context } from 'hono'
import type { EmbedClaims } from '../auth/claims'
import type { InsetRuntime } from '../runtime'
import type { QueryContext } from '../semantic/run-query'

/** Hono environment of the server's app: what middleware puts on the context. */
export interface AppEnv {
  Variables: {
    runtime: InsetRuntime
    requestId: string
    /** Set by the embed-token middleware. */
    claims?: EmbedClaims
    /** Set by the API-key middleware. */
    apiKeyName?: string
  }
}

export type AppContext = Context<AppEnv>

/**
 * The query context of an embed route (after the embed-token middleware).
 *
 * @example
 * app.post('/v1/assistant', ...embed, async (c) => {
 *   const result = await runStructuredQuery(queryContextOf(c), query, { signal: c.req.raw.signal })
 * })
 */
export function queryContextOf(c: AppContext): QueryContext {
  const claims = c.get('claims')
  if (!claims) throw new Error('queryContextOf needs the embed-token middleware on the route')
  return { runtime: c.get('runtime'), claims, requestId: c.get('requestId') }
}
