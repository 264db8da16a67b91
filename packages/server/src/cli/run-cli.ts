import { createRequire } from 'node:module'
import { parseArgs } from 'node:util'
import { mintEmbedToken } from '../auth/mint-embed-token'
import { ConfigError } from '../config/config-error'
import { loadConfig } from '../config/load-config'
import {
  DEFAULT_DEMO_API_KEY,
  DEFAULT_DEMO_SECRET,
  DEMO_DASHBOARD,
  DEMO_EMBED_KEY,
  DEMO_USERS,
} from '../demo/demo-config'
import { startDemoServer } from '../demo/start-demo-server'
import { createInsetServer } from '../server'

export const DEFAULT_PORT = 4400

const USAGE = `Usage:
  inset-server start --config <inset.config.yaml> [--port <n>] [--host <h>]
  inset-server demo [--port <n>] [--host <h>] [--rows <n>] [--seed <n>] [--postgres <url>]
                    [--data-dir <dir>]
  inset-server --help | --version

The demo keeps its audit log in <data-dir>/demo-audit-<port>.duckdb (default data dir: .inset-data
in the current folder; ':memory:' keeps nothing); its sample data is generated afresh at every
start. With --postgres the audit log is a table of PostgreSQL's inset_demo schema.

Environment: PORT (default 4400), HOST, INSET_LOG_LEVEL (info), INSET_DEMO_SECRET, INSET_DEMO_API_KEY,
INSET_DATA_DIR (.inset-data).`

/** Where `inset-server demo` keeps its audit log unless `--data-dir` or `INSET_DATA_DIR` say. */
export const DEFAULT_DATA_DIR = '.inset-data'

export interface CliIo {
  env: NodeJS.ProcessEnv
  out: (line: string) => void
  err: (line: string) => void
}

/** What a started command leaves running. */
export interface CliHandle {
  url: string
  close(): Promise<void>
}

function packageVersion(): string {
  const require = createRequire(import.meta.url)
  // dist/*.js and src/cli/*.ts sit at different depths below package.json.
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = require(path) as { name?: string; version?: string }
      if (pkg.name === '@inset/server' && pkg.version) return pkg.version
    } catch {}
  }
  return 'unknown'
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0)
    throw new CliUsageError(`${name} must be a whole number, got "${value}"`)
  return number
}

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError'
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}

async function demoBanner(
  url: string,
  secret: string,
  apiKey: string,
  auditLog: string,
): Promise<string> {
  const alice = DEMO_USERS.alice
  const { token } = await mintEmbedToken(
    {
      id: DEMO_EMBED_KEY,
      keys: [],
      signingSecret: new TextEncoder().encode(secret),
      allowsOrigin: () => false,
    },
    {
      user: alice.user,
      tenant: alice.tenant,
      attributes: { region: [...alice.attributes.region] },
      ttlSeconds: 3600,
    },
  )
  const bob = JSON.stringify({ user: 'bob', tenant: 'globex', attributes: { region: ['EU'] } })
  return [
    `Inset demo server listening on ${url}`,
    `  dashboard "${DEMO_DASHBOARD}", embed key "${DEMO_EMBED_KEY}" (HS256), admin API key ${shellQuote(apiKey)}`,
    `  audit log: ${auditLog}`,
    '',
    'Fetch a tile as alice (the token is valid for one hour):',
    `curl -s -X POST ${url}/v1/dashboards/${DEMO_DASHBOARD}/tiles/revenue-by-category/query \\`,
    `  -H 'Authorization: Bearer ${token}' \\`,
    `  -H 'Content-Type: application/json' -d '{"filters":{}}'`,
    '',
    'Mint a token for bob through the admin API:',
    `curl -s -X POST ${url}/v1/tokens -H ${shellQuote(`Authorization: Bearer ${apiKey}`)} \\`,
    `  -H 'Content-Type: application/json' -d '${bob}'`,
    '',
  ].join('\n')
}

/**
 * Runs `inset-server <command>`; resolves once the server listens (or after help/version output).
 *
 * @example
 * const handle = await runCli(['demo', '--port', '0'], { env: process.env, out: console.log, err: console.error })
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<CliHandle | undefined> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      config: { type: 'string', short: 'c' },
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      rows: { type: 'string' },
      seed: { type: 'string' },
      postgres: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  })
  const command = positionals[0]
  if (values.version) {
    io.out(packageVersion())
    return undefined
  }
  if (values.help || command === undefined || command === 'help') {
    io.out(USAGE)
    return undefined
  }
  const port = integer(values.port, '--port') ?? integer(io.env.PORT, 'PORT')
  const host = values.host ?? (io.env.HOST || undefined)

  if (command === 'demo') {
    const rows = integer(values.rows, '--rows')
    const seed = integer(values.seed, '--seed')
    const dataDir = values['data-dir'] ?? (io.env.INSET_DATA_DIR || DEFAULT_DATA_DIR)
    // PostgreSQL keeps the audit table in its own (durable) schema; ':memory:' asks for nothing kept.
    const keepAudit = !values.postgres && dataDir !== ':memory:'
    // The demo's secret and API key are public: it listens on loopback only, unless --host says
    // otherwise (the HOST variable is not read here: shells and containers set it for other ends).
    const demoHost = values.host ?? '127.0.0.1'
    const exposed = !LOOPBACK.has(demoHost)
    const defaults =
      !io.env.INSET_DEMO_SECRET || io.env.INSET_DEMO_SECRET === DEFAULT_DEMO_SECRET
        ? ['INSET_DEMO_SECRET']
        : []
    if (!io.env.INSET_DEMO_API_KEY || io.env.INSET_DEMO_API_KEY === DEFAULT_DEMO_API_KEY)
      defaults.push('INSET_DEMO_API_KEY')
    if (exposed && defaults.length > 0) io.err(exposedWarning(demoHost, defaults))
    const demo = await startDemoServer({
      port: port ?? DEFAULT_PORT,
      host: demoHost,
      ...(io.env.INSET_DEMO_SECRET && { secret: io.env.INSET_DEMO_SECRET }),
      ...(io.env.INSET_DEMO_API_KEY && { apiKey: io.env.INSET_DEMO_API_KEY }),
      ...(rows !== undefined && { rows }),
      ...(seed !== undefined && { seed }),
      ...(values.postgres && {
        dataSource: { postgresUrl: values.postgres, schema: 'inset_demo' },
      }),
      ...(keepAudit && { dataDir }),
      logger: true,
    })
    const url = `http://${exposed && demoHost !== '0.0.0.0' && demoHost !== '::' ? demoHost : 'localhost'}:${demo.port}`
    const auditLog =
      demo.auditPath ??
      (values.postgres ? 'table inset_audit of schema inset_demo' : 'in memory (lost on exit)')
    io.out(await demoBanner(url, demo.secret, demo.apiKey, auditLog))
    return { url, close: () => demo.close() }
  }

  if (command === 'start') {
    if (!values.config) throw new CliUsageError('start needs --config <inset.config.yaml>')
    const config = await loadConfig(values.config, io.env)
    const server = await createInsetServer(config, { logger: true })
    try {
      const address = await server.listen({
        ...(port !== undefined && { port }),
        ...(host !== undefined && { host }),
      })
      io.out(`Inset server listening on ${address.url}`)
      return { url: address.url, close: () => server.close() }
    } catch (error) {
      await server.close()
      throw error
    }
  }
  throw new CliUsageError(`Unknown command "${command}"\n\n${USAGE}`)
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

/** The warning of a demo reachable from other machines with its publicly known secrets. */
export function exposedWarning(host: string, defaults: readonly string[]): string {
  const line = '!'.repeat(78)
  return [
    line,
    `WARNING: inset-server demo listens on ${host}, reachable from other machines, with the`,
    `publicly known default ${defaults.join(' and ')}. Anyone who can reach this port can mint`,
    'tokens for any tenant and read every row. Set INSET_DEMO_SECRET and INSET_DEMO_API_KEY to',
    'secrets of your own, or drop --host to listen on 127.0.0.1 only.',
    line,
  ].join('\n')
}

/** Turns a start-up failure into a message for the terminal. */
export function describeCliError(error: unknown): string {
  if (error instanceof ConfigError || error instanceof CliUsageError) return error.message
  const code = (error as NodeJS.ErrnoException)?.code
  if (code === 'EADDRINUSE')
    return `The port is already in use (${(error as Error).message}); set PORT or --port.`
  if (code === 'ENOENT') return `File not found: ${(error as NodeJS.ErrnoException).path ?? ''}`
  const message = error instanceof Error ? error.message : ''
  if (message.includes('Could not set lock on file')) {
    return `${message}\nAnother process holds this DuckDB file: stop it, or give this server another path (inset-server demo: --data-dir <dir>, or ':memory:').`
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}
