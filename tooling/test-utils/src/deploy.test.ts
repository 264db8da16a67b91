// docs/deploy.md, run: two `inset-server start` processes with docs/deploy/inset.config.yaml on one
// PostgreSQL (seeded by docs/deploy/seed.mjs) behave as one service: a token minted by one is
// accepted by the other, the audit log and revocations are shared, rate limits are per replica
// (as documented), and SIGTERM ends each cleanly. Needs INSET_TEST_PG_URL (`pnpm test:all` starts
// a throwaway PostgreSQL); under CI its absence fails.
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { openPostgresSource } from '@inset/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const pgUrl = process.env.INSET_TEST_PG_URL
const schema = `inset_deploy_${process.pid}_${Date.now() % 1e6}`
const env = {
  ...process.env,
  DATABASE_URL: pgUrl,
  INSET_DB_SCHEMA: schema,
  INSET_EMBED_SECRET: 'deploy-test-secret-0123456789',
  INSET_API_KEY: 'deploy-test-api-key-0123456789',
  APP_ORIGIN: 'https://app.example.com',
  INSET_LOG_LEVEL: 'warn',
}

interface Replica {
  url: string
  child: ChildProcess
  exited: Promise<number | null>
}

function startReplica(): Promise<Replica> {
  const child = spawn(
    process.execPath,
    [
      'packages/server/dist/cli.js',
      'start',
      '--config',
      'docs/deploy/inset.config.yaml',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  let output = ''
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1]
      if (url) resolve({ url, child, exited })
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    exited.then((code) => reject(new Error(`replica exited with ${code}: ${output}`)))
  })
}

const admin = (replica: Replica, path: string, body?: unknown) =>
  fetch(`${replica.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${env.INSET_API_KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

const embed = (replica: Replica, token: string, path: string, body?: unknown) =>
  fetch(`${replica.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      origin: env.APP_ORIGIN,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

const revenueTile = '/v1/dashboards/sales-overview/tiles/revenue/query'

describe.skipIf(!pgUrl && !process.env.CI)('docs/deploy: two replicas on one PostgreSQL', () => {
  let a: Replica
  let b: Replica
  let token: string

  beforeAll(async () => {
    if (!pgUrl) throw new Error('INSET_TEST_PG_URL is not set: under CI the deploy test must run')
    // docs/deploy/seed.mjs as written, run where `@inset/server` resolves as in the image.
    const dir = join(root, 'tooling/test-utils/node_modules/.cache/deploy-test')
    mkdirSync(dir, { recursive: true })
    copyFileSync(join(root, 'docs/deploy/seed.mjs'), join(dir, 'seed.mjs'))
    await promisify(execFile)(process.execPath, [join(dir, 'seed.mjs')], { env })
    ;[a, b] = await Promise.all([startReplica(), startReplica()])
    const minted = await admin(a, '/v1/tokens', {
      user: 'alice',
      tenant: 'acme',
      attributes: { region: ['EU'] },
    })
    expect(minted.status).toBe(201)
    token = ((await minted.json()) as { token: string }).token
  }, 120_000)

  afterAll(async () => {
    for (const replica of [a, b])
      if (replica?.child.exitCode === null) replica.child.kill('SIGKILL')
    if (!pgUrl) return
    const source = await openPostgresSource({ name: 'cleanup', url: pgUrl, poolSize: 1 })
    await source.execute(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    await source.close()
  })

  it('a token minted by one replica reads the same rows on the other, equal to direct SQL', async () => {
    const source = await openPostgresSource({ name: 'oracle', url: pgUrl!, schema, poolSize: 1 })
    const [[expected]] = (await source.query(
      "SELECT sum(amount)::float8 FROM orders WHERE tenant_id = 'acme' AND region = 'EU'",
    )) as [[number]]
    await source.close()
    const answers = []
    for (const replica of [a, b]) {
      const response = await embed(replica, token, revenueTile, { filters: {} })
      expect(response.status).toBe(200)
      answers.push(((await response.json()) as { rows: [[number]] }).rows[0][0])
    }
    expect(expected).toBeGreaterThan(0)
    expect(answers[0]).toBeCloseTo(expected, 2)
    expect(answers[1]).toBeCloseTo(expected, 2)
  })

  it("one audit log: each replica lists the other's entries", async () => {
    await expect
      .poll(async () => {
        const page = (await (await admin(b, '/v1/audit?kind=admin&limit=50')).json()) as {
          items: { subject: string; status: number }[]
        }
        return page.items.some((e) => e.subject === 'api-key:backend' && e.status === 201)
      })
      .toBe(true)
    await expect
      .poll(async () => {
        const page = (await (await admin(a, '/v1/audit?kind=query&limit=50')).json()) as {
          items: { subject: string }[]
        }
        return page.items.filter((e) => e.subject === 'alice').length
      })
      .toBeGreaterThanOrEqual(2)
  })

  it('a revocation made on one replica refuses the token on the other within revocationRefreshMs', async () => {
    const revoked = await admin(a, '/v1/revocations', { subject: 'alice', reason: 'deploy test' })
    expect(revoked.status).toBe(201)
    expect((await embed(a, token, revenueTile, { filters: {} })).status).toBe(401)
    const started = Date.now()
    await expect
      .poll(async () => (await embed(b, token, revenueTile, { filters: {} })).status, {
        timeout: 15_000,
        interval: 500,
      })
      .toBe(401)
    expect(Date.now() - started).toBeLessThan(5000 + 3000)
  }, 30_000)

  it('rate limits are per replica: a subject throttled on one is still served by the other', async () => {
    // The config's bucket is 20/s with bursts of 60 per subject, in each process's memory.
    const minted = await admin(a, '/v1/tokens', {
      user: 'carol',
      tenant: 'acme',
      attributes: { region: ['NA'] },
    })
    const { token } = (await minted.json()) as { token: string }
    const statuses = await Promise.all(
      Array.from({ length: 120 }, () =>
        embed(a, token, '/v1/dashboards/sales-overview').then((r) => r.status),
      ),
    )
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0)
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(60)
    expect((await embed(b, token, '/v1/dashboards/sales-overview')).status).toBe(200)
  })

  it('SIGTERM ends each replica with status 0', async () => {
    a.child.kill('SIGTERM')
    b.child.kill('SIGTERM')
    expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0])
  }, 30_000)
})
