import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AuditEntry, Page } from '@inset/core'
import { describe, expect, it } from 'vitest'
import { BACKENDS, dropSchema, freshSchemaName } from '../../test/backends'
import { runCli } from '../cli/run-cli'
import { loadConfig } from '../config/load-config'
import { createInsetServer } from '../server'

const API_KEY = 'durability-test-api-key'
const quiet = { env: {}, out: () => {}, err: () => {} }

async function start(file: string) {
  const handle = await runCli(['start', '--config', file, '--port', '0', '--host', '127.0.0.1'], {
    ...quiet,
  })
  if (!handle) throw new Error('start returned no server')
  const admin = (path: string, init: RequestInit = {}) =>
    fetch(`${handle.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    })
  return { ...handle, admin }
}

// `inset-server start --config` with the audit log in a DuckDB file or a PostgreSQL table: what one
// process wrote (answered requests, and an entry still pending when it closes) the next one reads.
describe.each(BACKENDS)('audit log of start --config on %s', (_name, backend, skipReason) => {
  it.skipIf(skipReason)('survives a graceful shutdown and a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inset-audit-'))
    const schema = freshSchemaName('inset_audit_test')
    const dataSource =
      backend.name === 'duckdb'
        ? '{ type: duckdb, path: ./state/inset.duckdb }'
        : `{ type: postgres, url: '${backend.url}', schema: ${schema} }`
    const file = join(dir, 'inset.config.yaml')
    await writeFile(
      file,
      [
        'embedKeys: [{ id: k, keys: [{ alg: HS256, secret: 0123456789abcdef }] }]',
        `apiKeys: [{ name: ops, key: ${API_KEY} }]`,
        `dataSources: { db: ${dataSource} }`,
        'datasets: {}',
      ].join('\n'),
    )
    try {
      const first = await start(file)
      try {
        for (const tenant of ['t1', 't2', 't3']) {
          const response = await first.admin('/v1/tokens', {
            method: 'POST',
            body: JSON.stringify({ user: 'u', tenant }),
          })
          expect(response.status).toBe(201)
        }
        const refused = await fetch(`${first.url}/v1/dashboards/any`, {
          headers: { authorization: 'Bearer not-a-token' },
        })
        expect(refused.status).toBe(401)
      } finally {
        await first.close()
      }

      // An entry recorded but not yet written when close() begins is flushed before the database closes.
      const second = await createInsetServer(await loadConfig(file, {}))
      void second.runtime.audit.record({
        kind: 'admin',
        subject: 'api-key:ops',
        tenant: 'pending-at-close',
        dashboardId: null,
        tileId: null,
        rowCount: null,
        durationMs: null,
        status: 200,
      })
      await second.close()

      const third = await start(file)
      try {
        const response = await third.admin('/v1/audit?limit=10')
        expect(response.status).toBe(200)
        const { items } = (await response.json()) as Page<AuditEntry>
        expect(items.map((item) => [item.kind, item.tenant, item.status])).toEqual([
          ['admin', 'pending-at-close', 200],
          ['token', null, 401],
          ['admin', 't3', 201],
          ['admin', 't2', 201],
          ['admin', 't1', 201],
        ])
        expect(items[1]).toMatchObject({ subject: 'unknown', errorCode: 'invalid_token' })
      } finally {
        await third.close()
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
      if (backend.name === 'postgres') await dropSchema(backend.url, schema)
    }
  })
})
