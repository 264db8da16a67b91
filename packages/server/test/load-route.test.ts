// `POST /v1/dashboards/:id/load`: the definition and every tile in one round trip must equal what
// the two routes answer separately, under the same row-level security, on DuckDB and PostgreSQL.
import type { DashboardDefinition, DashboardLoad, QueryResult } from '@inset/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from './backends'
import { startTestServer, type TestServer } from './servers'
import { demoToken } from './tokens'

describe.each(BACKENDS)('POST /v1/dashboards/:id/load on %s', (_name, backend, skipReason) => {
  let server: TestServer
  let alice: string
  let bob: string
  beforeAll(async () => {
    if (skipReason) return
    server = await startTestServer(backend)
    ;[alice, bob] = await Promise.all([demoToken('alice'), demoToken('bob')])
  }, 120_000)
  afterAll(async () => {
    await server?.close()
  })

  for (const user of ['alice', 'bob'] as const)
    it.skipIf(Boolean(skipReason))(
      `answers ${user} what the definition and tile routes answer`,
      async () => {
        const token = user === 'alice' ? alice : bob
        // Bob asks for every region: the load route must not widen what the tile route gives him.
        const filters = { region: ['EU', 'NA', 'APAC'], channel: ['online', 'retail'] }
        const response = await server.request('/v1/dashboards/sales-overview/load', {
          token,
          body: { filters },
        })
        expect(response.status).toBe(200)
        const loaded = (await response.json()) as DashboardLoad
        const definition = (await (
          await server.request('/v1/dashboards/sales-overview', { token })
        ).json()) as DashboardDefinition
        expect(loaded.definition).toEqual(definition)
        expect(Object.keys(loaded.tiles).sort()).toEqual(definition.tiles.map((t) => t.id).sort())
        for (const tile of definition.tiles) {
          const single = (await (
            await server.request(`/v1/dashboards/sales-overview/tiles/${tile.id}/query`, {
              token,
              body: { filters },
            })
          ).json()) as QueryResult
          const answer = loaded.tiles[tile.id]!
          expect('data' in answer && answer.data.rows).toEqual(single.rows)
        }
      },
    )

  it.skipIf(Boolean(skipReason))(
    'reports a bad filter as 400 and another dashboard as 403',
    async () => {
      const bad = await server.request('/v1/dashboards/sales-overview/load', {
        token: bob,
        body: { filters: { nope: ['x'] } },
      })
      expect(bad.status).toBe(400)
      const forbidden = await server.request('/v1/dashboards/other/load', {
        token: await demoToken('bob', { scope: ['dashboard:sales-overview'] }),
        body: {},
      })
      expect(forbidden.status).toBe(403)
    },
  )
})
