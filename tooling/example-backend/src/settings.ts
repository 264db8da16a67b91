/** Everything the backend reads from its environment. */
export interface ExampleSettings {
  /** `PORT`, default 5171. */
  port: number
  /** `INSET_SERVER_URL`, default `http://localhost:4400`: where the page's components connect. */
  insetServerUrl: string
  /** `INSET_DEMO_SECRET`: the HS256 secret of the demo embed key `demo`. */
  secret: string
  /** `INSET_TOKEN_TTL` in seconds, default 600. */
  tokenTtlSeconds: number
}

export const DEFAULT_PORT = 5171
export const DEFAULT_INSET_SERVER_URL = 'http://localhost:4400'
export const DEFAULT_DEMO_SECRET = 'inset-demo-secret-change-me'
export const DEFAULT_TOKEN_TTL_SECONDS = 600

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}"`)
  }
  return value
}

/**
 * Reads the settings, refusing malformed values rather than guessing.
 *
 * @example
 * const settings = readSettings(process.env)
 */
export function readSettings(env: NodeJS.ProcessEnv): ExampleSettings {
  const insetServerUrl = (env.INSET_SERVER_URL || DEFAULT_INSET_SERVER_URL).replace(/\/+$/, '')
  if (!/^https?:\/\/[^/]/.test(insetServerUrl)) {
    throw new Error(`INSET_SERVER_URL must be an http(s) URL, got "${insetServerUrl}"`)
  }
  return {
    port: wholeNumber(env, 'PORT', DEFAULT_PORT, 0),
    insetServerUrl,
    secret: env.INSET_DEMO_SECRET || DEFAULT_DEMO_SECRET,
    tokenTtlSeconds: wholeNumber(env, 'INSET_TOKEN_TTL', DEFAULT_TOKEN_TTL_SECONDS, 1),
  }
}
