import type { QueryResult } from '@inset/core'
import { SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { BACKENDS } from '../../test/backends'
import { DEMO_USERS } from './demo-config'
import { startDemoServer } from './start-demo-server'

async function tokenFor(user: keyof typeof DEMO_USERS, secret: string): Promise<string> {
  const demo = DEMO_USERS[user]
  return new SignJWT({
    tenant: demo.tenant,
    attrs: demo.attributes,
    scope: ['dashboard:sales-overview'],
  })
    .setProtectedHeader({ alg: 'HS256', kid: 'demo' })
    .setIssuer('demo')
    .setAudience('inset')
    .setSubject(demo.user)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret))
}

describe.each(BACKENDS)('startDemoServer on %s', (_name, backend, skipReason) => {
  it.skipIf(skipReason)(
    'starts with 50,000 deterministic orders over two years and serves the demo',
    async () => {
      const demo = await startDemoServer({
        ...(backend.name === 'postgres' && { dataSource: { postgresUrl: backend.url } }),
      })
      try {
        expect(demo.url).toBe(`http://127.0.0.1:${demo.port}`)
        expect(demo.secret).toBe('inset-demo-secret-change-me')
        expect(demo.apiKey).toBe('inset-demo-api-key')
        // Tests stay in memory unless they ask for a data dir.
        expect(demo.auditPath).toBeUndefined()
        expect(Object.keys(demo.config.dataSources)).toEqual(['main'])
        const orders = async (user: keyof typeof DEMO_USERS) => {
          const response = await fetch(
            `${demo.url}/v1/dashboards/sales-overview/tiles/orders/query`,
            {
              method: 'POST',
              headers: { authorization: `Bearer ${await tokenFor(user, demo.secret)}` },
            },
          )
          return ((await response.json()) as QueryResult).rows[0]?.[0] as number
        }
        const [alice, bob] = [await orders('alice'), await orders('bob')]
        // Same seed, same data, on either database.
        expect([alice, bob]).toEqual([22_390, 9_726])
        const series = await fetch(
          `${demo.url}/v1/dashboards/sales-overview/tiles/revenue-over-time/query`,
          {
            method: 'POST',
            headers: { authorization: `Bearer ${await tokenFor('alice', demo.secret)}` },
          },
        )
        const rows = ((await series.json()) as QueryResult).rows
        expect([rows[0]?.[0], rows.at(-1)?.[0], rows.length]).toEqual([
          '2024-11-01',
          '2026-10-01',
          24,
        ])
      } finally {
        await demo.close()
      }
    },
  )
})
