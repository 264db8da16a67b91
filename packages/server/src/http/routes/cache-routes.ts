import type { ResultCacheStats } from '../../cache/result-cache'
import { ServerError } from '../../errors'
import type { AppContext } from '../app-env'
import { audited } from '../audited'

/** `GET /v1/cache` (admin): the result cache's configuration, counters and size, of this process. */
export interface CacheStatusResponse extends ResultCacheStats {
  enabled: boolean
  /** Default lifetime of a result, in seconds (`server.cache.ttl`). */
  ttlSeconds: number
}

/** `DELETE /v1/cache` and `DELETE /v1/cache/:dataset` (admin): how many results were dropped. */
export interface CachePurgeResponse {
  purged: number
  /** The dataset purged; absent when everything was. */
  dataset?: string
}

/** `GET /v1/cache` (admin) → CacheStatusResponse: hits, misses, coalesced, evictions, bytes. */
export async function cacheStatus(c: AppContext): Promise<Response> {
  const runtime = c.get('runtime')
  const { enabled, ttl } = runtime.config.server.cache
  const status: CacheStatusResponse = {
    enabled,
    ttlSeconds: ttl,
    ...runtime.resultCache.stats(),
  }
  return c.json(status)
}

/**
 * `DELETE /v1/cache` (everything) and `DELETE /v1/cache/:dataset` (one dataset; 404 for a dataset
 * the configuration does not have) → CachePurgeResponse. Requests after it read the database
 * again; queries running meanwhile are answered but not kept. Audited as kind `admin`, with the
 * number of results dropped as its rows.
 */
export async function purgeCache(c: AppContext): Promise<Response> {
  const runtime = c.get('runtime')
  const dataset = c.req.param('dataset')
  const response = await audited<CachePurgeResponse>(
    c,
    { kind: 'admin', subject: `api-key:${c.get('apiKeyName')}`, tenant: null },
    async () => {
      if (dataset !== undefined && !Object.hasOwn(runtime.config.datasets, dataset))
        throw new ServerError('not_found', `No dataset "${dataset}"`)
      const purged = runtime.resultCache.purge(dataset)
      runtime.logger.info({ dataset: dataset ?? null, purged }, 'result cache purged')
      return { purged, ...(dataset !== undefined && { dataset }) }
    },
    (result) => result.purged,
  )
  return c.json(response)
}
