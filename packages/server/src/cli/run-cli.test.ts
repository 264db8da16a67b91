import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AuditEntry, Page, QueryResult } from '@inset/core'
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../config/config-error'
import { describeCliError, runCli } from './run-cli'

function io(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = []
  const err: string[] = []
  return {
    out,
    err,
    io: { env, out: (line: string) => out.push(line), err: (line: string) => err.push(line) },
  }
}

// An address of this machine other than loopback, if it has one (what another machine would reach).
const outside = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address

async function reachable(host: string, url: string): Promise<boolean> {
  const port = new URL(url).port
  return fetch(`http://${host}:${port}/healthz`).then(
    (response) => response.ok,
    () => false,
  )
}

describe('inset-server demo exposure', () => {
  it.skipIf(!outside)(
    'listens on loopback only unless --host is given, even with HOST set',
    async () => {
      const run = io({ PORT: '0', HOST: '0.0.0.0' })
      const handle = await runCli(['demo', '--rows', '500', '--data-dir', ':memory:'], run.io)
      try {
        expect(await reachable('127.0.0.1', handle?.url ?? '')).toBe(true)
        expect(await reachable(outside as string, handle?.url ?? '')).toBe(false)
        expect(run.err.join('\n')).not.toContain('WARNING')
      } finally {
        await handle?.close()
      }
    },
    60_000,
  )

  it.skipIf(!outside)(
    'warns loudly when --host exposes it with the default secrets',
    async () => {
      const run = io({ PORT: '0' })
      const handle = await runCli(
        ['demo', '--rows', '500', '--data-dir', ':memory:', '--host', '0.0.0.0'],
        run.io,
      )
      try {
        expect(await reachable(outside as string, handle?.url ?? '')).toBe(true)
        const warning = run.err.join('\n')
        expect(warning).toContain('WARNING: inset-server demo listens on 0.0.0.0')
        expect(warning).toContain('INSET_DEMO_SECRET and INSET_DEMO_API_KEY')
      } finally {
        await handle?.close()
      }
      // With secrets of its own, no warning.
      const own = io({
        PORT: '0',
        INSET_DEMO_SECRET: 'a-secret-of-our-own-0123456789',
        INSET_DEMO_API_KEY: 'own-key-0123456789',
      })
      const second = await runCli(
        ['demo', '--rows', '500', '--data-dir', ':memory:', '--host', '0.0.0.0'],
        own.io,
      )
      await second?.close()
      expect(own.err.join('\n')).not.toContain('WARNING')
    },
    60_000,
  )
})

describe('inset-server', () => {
  it('demo prints the URL and a curl that works as pasted, and keeps its audit log across restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'inset-demo-data-'))
    const env = { PORT: '0', INSET_DEMO_API_KEY: 'cli-test-api-key-123', INSET_DATA_DIR: dataDir }
    const args = ['demo', '--rows', '3000', '--host', '127.0.0.1']
    try {
      const first = io(env)
      const handle = await runCli(args, first.io)
      try {
        const banner = first.out.join('\n')
        expect(banner).toMatch(/^Inset demo server listening on http:\/\/localhost:\d+$/m)
        expect(banner).toContain("'Authorization: Bearer cli-test-api-key-123'")
        expect(banner).toContain(`audit log: ${join(dataDir, 'demo-audit-0.duckdb')}`)
        const url =
          /curl -s -X POST (\S+\/tiles\/revenue-by-category\/query)/.exec(banner)?.[1] ?? ''
        const token = /Authorization: Bearer (ey[\w.-]+)/.exec(banner)?.[1] ?? ''
        const response = await fetch(url.replace('localhost', '127.0.0.1'), {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: '{"filters":{}}',
        })
        expect(response.status).toBe(200)
        expect(((await response.json()) as QueryResult).columns.map((c) => c.name)).toEqual([
          'category',
          'revenue',
        ])
      } finally {
        await handle?.close()
      }

      // A new process on the same data dir reads the first one's entries.
      const again = await runCli(args, io(env).io)
      try {
        const response = await fetch(`${again?.url.replace('localhost', '127.0.0.1')}/v1/audit`, {
          headers: { authorization: 'Bearer cli-test-api-key-123' },
        })
        const { items } = (await response.json()) as Page<AuditEntry>
        expect(items).toContainEqual(
          expect.objectContaining({
            kind: 'query',
            subject: 'alice',
            tileId: 'revenue-by-category',
            status: 200,
          }),
        )
      } finally {
        await again?.close()
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  it("demo keeps nothing with --data-dir ':memory:' (the flag wins over INSET_DATA_DIR)", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'inset-demo-data-'))
    try {
      const { out, io: cliIo } = io({ PORT: '0', INSET_DATA_DIR: dataDir })
      const handle = await runCli(
        ['demo', '--rows', '1000', '--host', '127.0.0.1', '--data-dir', ':memory:'],
        cliIo,
      )
      await handle?.close()
      expect(out.join('\n')).toContain('audit log: in memory (lost on exit)')
      expect(await readdir(dataDir)).toEqual([])
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  it('start serves a config file and refuses a bad one naming the field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inset-cli-'))
    try {
      const file = join(dir, 'inset.config.yaml')
      await writeFile(
        file,
        [
          'embedKeys: [{ id: k, keys: [{ alg: HS256, secret: 0123456789abcdef }] }]',
          'dataSources: { db: { type: duckdb } }',
          'datasets: {}',
        ].join('\n'),
      )
      const { out, io: cliIo } = io({})
      const handle = await runCli(
        ['start', '--config', file, '--port', '0', '--host', '127.0.0.1'],
        cliIo,
      )
      expect(out[0]).toMatch(/^Inset server listening on http:\/\/127\.0\.0\.1:\d+$/)
      expect((await fetch(`${handle?.url}/healthz`)).status).toBe(200)
      await handle?.close()

      await writeFile(file, 'embedKeys: []\ndataSources: {}\ndatasets: {}\n')
      const error = await runCli(['start', '-c', file], io({}).io).catch((e) => e)
      expect(error).toBeInstanceOf(ConfigError)
      expect(describeCliError(error)).toContain('embedKeys: Too small')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('prints usage, the version, and refuses unknown commands', async () => {
    const help = io()
    expect(await runCli(['--help'], help.io)).toBeUndefined()
    expect(help.out[0]).toContain('inset-server start --config')
    const version = io()
    await runCli(['--version'], version.io)
    expect(version.out[0]).toMatch(/^\d+\.\d+\.\d+/)
    await expect(runCli(['serve'], io().io)).rejects.toThrow('Unknown command "serve"')
    await expect(runCli(['start'], io().io)).rejects.toThrow('start needs --config')
    const locked = new Error(
      'IO Error: Could not set lock on file "/x/demo-audit-4400.duckdb": Conflicting lock is held in node (PID 1)',
    )
    expect(describeCliError(locked)).toContain('--data-dir <dir>')
    await expect(runCli(['demo', '--port', 'eighty'], io().io)).rejects.toThrow(
      '--port must be a whole number',
    )
  })
})
